"""Model permissions of the staff roles for NGOs (applied by `manage.py sync_roles` and after migrate).

They mirror the object rules in rules.py: every staff role reads the register; screening officers
and operator administrators change NGOs (verification and eligibility flags); the auditor reads.
"""

from portal.choices import StaffRole

READ = [
    "ngos.view_ngo",
    "ngos.view_sphere",
    "ngos.view_membership",
    "ngos.view_joinrequest",
    "ngos.view_invitation",
    "ngos.view_yearlyreport",
    "ngos.view_yearlyreportversion",
    "ngos.view_fundsource",
    "ngos.view_spending",
]
KEEP_REGISTER = READ + ["ngos.change_ngo"]

ROLE_PERMISSIONS = {
    StaffRole.CALL_MANAGER: READ,
    StaffRole.SCREENING_OFFICER: KEEP_REGISTER,
    StaffRole.MONITORING_OFFICER: READ,
    StaffRole.FINANCE_OFFICER: READ,
    StaffRole.OPERATOR_ADMIN: KEEP_REGISTER + ["ngos.add_sphere", "ngos.change_sphere"],
    StaffRole.AUDITOR: READ,
}
