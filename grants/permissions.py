"""Model permissions of the staff groups for the grants app (applied by manage.py sync_roles).

Call managers keep customers, years, the calendar, directions, calls and lots; every other staff
role and the auditor read them. Object-level decisions are in rules.py.
"""

from portal.choices import StaffRole

MODELS = [
    "customer", "fiscalyear", "calendarday", "prioritydirectionlist", "prioritydirection", "directioncomment",
    "call", "calldocument", "deadlineextension", "lot", "lotindicator", "costjustificationline", "clarification",
]

VIEW = [f"grants.view_{model}" for model in MODELS]
WRITE = [f"grants.{action}_{model}" for model in MODELS for action in ("add", "change", "delete")]

ROLE_PERMISSIONS = {
    StaffRole.CALL_MANAGER: VIEW + WRITE,
    StaffRole.SCREENING_OFFICER: VIEW,
    StaffRole.MONITORING_OFFICER: VIEW,
    StaffRole.FINANCE_OFFICER: VIEW,
    StaffRole.OPERATOR_ADMIN: VIEW,
    StaffRole.AUDITOR: VIEW,
}
