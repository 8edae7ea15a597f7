from .agreements import Agreement, Signature
from .grants import CallTerms, Grant
from .tranches import Payment, Tranche

__all__ = ["Agreement", "CallTerms", "Grant", "Payment", "Signature", "Tranche"]
