"""Model permissions of the staff roles for NGOs (applied by `manage.py sync_roles` and after migrate).

Every staff role reads the register. Verification, flags, members and reports change only through the
services (rules.py decides who may), never as models; operator administrators keep the list of spheres.
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

ROLE_PERMISSIONS = {
    StaffRole.CALL_MANAGER: READ,
    StaffRole.SCREENING_OFFICER: READ,
    StaffRole.MONITORING_OFFICER: READ,
    StaffRole.FINANCE_OFFICER: READ,
    StaffRole.OPERATOR_ADMIN: READ + ["ngos.add_sphere", "ngos.change_sphere"],
    StaffRole.AUDITOR: READ,
}
