from .choices import StaffRole

ROLE_PERMISSIONS = {
    StaffRole.OPERATOR_ADMIN: ["portal.view_auditentry", "portal.view_user", "portal.change_user"],
    StaffRole.AUDITOR: ["portal.view_auditentry", "portal.view_user"],
}
