"""Model permissions of the staff roles: reading in the admin and for the auditor. Every change goes through the
services behind the app's pages (rules.py), so grants, signatures and payments are never edited in the admin."""

from portal.choices import StaffRole

MODELS = ["grant", "agreement", "signature", "tranche", "payment", "callterms", "amendment", "budgetversion"]
VIEW = [f"agreements.view_{model}" for model in MODELS]

ROLE_PERMISSIONS = {
    StaffRole.CALL_MANAGER: VIEW + ["agreements.change_callterms", "agreements.add_callterms"],
    StaffRole.FINANCE_OFFICER: VIEW,
    StaffRole.OPERATOR_ADMIN: VIEW + ["agreements.change_callterms", "agreements.add_callterms"],
    StaffRole.AUDITOR: VIEW,
}
