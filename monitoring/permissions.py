"""Model permissions of the staff roles: reading in the admin and for the auditor. Every change goes through the
services behind the app's pages (rules.py)."""

from portal.choices import StaffRole

MODELS = ["grantreport", "reportfile", "reportsubmission", "reportreview", "checklistitem", "monitoringvisit",
          "visitfinding", "followup", "efficiencyevaluation"]
VIEW = [f"monitoring.view_{model}" for model in MODELS]

ROLE_PERMISSIONS = {
    StaffRole.MONITORING_OFFICER: VIEW,
    StaffRole.FINANCE_OFFICER: VIEW,
    StaffRole.OPERATOR_ADMIN: VIEW,
    StaffRole.AUDITOR: VIEW,
}
