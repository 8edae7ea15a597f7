"""Model permissions of the staff groups for applications and screening (merge into grants/permissions.py's
ROLE_PERMISSIONS: sync_roles reads only the app's own permissions module). Pages decide with the rules in
grants/applications/rules.py and grants/screening/rules.py; these are for the admin and the audit of roles."""

from portal.choices import StaffRole

APPLICATION_MODELS = [
    "application", "applicationsection", "applicationactivity", "applicationindicator", "budgetline",
    "applicationdocument", "draftconflict", "submission", "callcounter",
]
SCREENING_MODELS = ["screening", "screeningcheck", "screeningconclusion"]

VIEW = [f"grants.view_{model}" for model in APPLICATION_MODELS + SCREENING_MODELS]

ROLE_PERMISSIONS = {
    # Screening is written by grants.screening.services only (its state table and the audit), never as models.
    StaffRole.SCREENING_OFFICER: VIEW,
    StaffRole.OPERATOR_ADMIN: VIEW,
    StaffRole.CALL_MANAGER: VIEW,
    StaffRole.MONITORING_OFFICER: VIEW,
    StaffRole.FINANCE_OFFICER: VIEW,
    StaffRole.AUDITOR: VIEW,
}
