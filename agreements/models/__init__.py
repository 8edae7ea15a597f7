from .agreements import Agreement, Signature
from .amendments import Amendment, BudgetVersion
from .grants import CallTerms, Grant
from .tranches import Payment, Tranche

__all__ = ["Agreement", "Amendment", "BudgetVersion", "CallTerms", "Grant", "Payment", "Signature", "Tranche"]
