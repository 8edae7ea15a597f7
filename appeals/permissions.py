"""Model permissions of the staff roles: reading in the admin. Every change goes through the services behind
the app's pages (rules.py)."""

from portal.choices import StaffRole

VIEW = ["appeals.view_appeal", "appeals.view_appealfile", "appeals.view_commissionmember"]

ROLE_PERMISSIONS = {
    StaffRole.OPERATOR_ADMIN: VIEW,
    StaffRole.AUDITOR: VIEW,
}
