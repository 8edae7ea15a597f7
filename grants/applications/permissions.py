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
SCREEN = [f"grants.{action}_{model}" for model in SCREENING_MODELS for action in ("add", "change")]

ROLE_PERMISSIONS = {
    StaffRole.SCREENING_OFFICER: VIEW + SCREEN,
    StaffRole.OPERATOR_ADMIN: VIEW + SCREEN,
    StaffRole.CALL_MANAGER: VIEW,
    StaffRole.MONITORING_OFFICER: VIEW,
    StaffRole.FINANCE_OFFICER: VIEW,
    StaffRole.AUDITOR: VIEW,
}
