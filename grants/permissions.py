"""Model permissions of the staff groups for the grants app (applied by manage.py sync_roles).

Call managers keep the reference data (customers, years, the calendar). Directions, calls and lots change only
through the services behind the staff pages (state tables and the audit), so no group may add, change or
delete them as models; every staff role and the auditor read them. Object-level decisions are in rules.py.
"""

from portal.choices import StaffRole

REFERENCE = ["customer", "fiscalyear", "calendarday"]
WORKFLOW = [
    "prioritydirectionlist", "prioritydirection", "directioncomment", "call", "calldocument", "deadlineextension",
    "lot", "lotindicator", "costjustificationline", "clarification",
]
MODELS = REFERENCE + WORKFLOW
VIEW = [f"grants.view_{model}" for model in MODELS]
WRITE = [f"grants.{action}_{model}" for model in REFERENCE for action in ("add", "change", "delete")]

ROLE_PERMISSIONS = {
    StaffRole.CALL_MANAGER: VIEW + WRITE,
    StaffRole.SCREENING_OFFICER: VIEW,
    StaffRole.MONITORING_OFFICER: VIEW,
    StaffRole.FINANCE_OFFICER: VIEW,
    StaffRole.OPERATOR_ADMIN: VIEW,
    StaffRole.AUDITOR: VIEW,
}
