"""Who may do what, for the portal shell. Views and templates ask these, never group names."""

import rules

from .choices import PublicRole, StaffRole

STAFF_GROUPS = frozenset(r.value for r in StaffRole)


def group_names(user) -> frozenset[str]:
    """The user's group names, fetched once per request object."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_demeu_groups", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._demeu_groups = cached
    return cached


def in_group(name: str):
    @rules.predicate(name=f"in_group:{name}")
    def predicate(user):
        return bool(user and name in group_names(user))

    return predicate


@rules.predicate
def is_operator_staff(user):
    """Any operator employee, the auditor included."""
    return bool(user and (user.is_superuser or group_names(user) & STAFF_GROUPS))


is_call_manager = in_group(StaffRole.CALL_MANAGER)
is_screening_officer = in_group(StaffRole.SCREENING_OFFICER)
is_monitoring_officer = in_group(StaffRole.MONITORING_OFFICER)
is_finance_officer = in_group(StaffRole.FINANCE_OFFICER)
is_operator_admin = in_group(StaffRole.OPERATOR_ADMIN) | rules.is_superuser
is_auditor = in_group(StaffRole.AUDITOR)
is_expert = in_group(PublicRole.EXPERT)
is_council_member = in_group(PublicRole.COUNCIL)
is_customer = in_group(PublicRole.CUSTOMER)

# NGOs and experts come from civil society: not the operator's employees (they run the calls), not
# a state body that pays for them (a conflict of interest). Dashboards offer them nothing to join.
is_civil_society = rules.is_authenticated & ~is_operator_staff & ~is_customer

rules.add_perm("portal.view_dashboard", rules.is_authenticated)
rules.add_perm("portal.view_audit_log", is_operator_admin | is_auditor)
rules.add_perm("portal.view_staff_area", is_operator_staff)
# The outbox holds what users were sent: the operator administrator reads it and sends again what failed.
rules.add_perm("portal.view_outbox", is_operator_admin)
# Stored electronic signatures (portal/esign): staff and the auditor read them, staff verify them again.
rules.add_perm("portal.view_signatures", is_operator_staff)
rules.add_perm("portal.reverify_signature", is_operator_staff & ~is_auditor)
rules.add_perm("portal.resend_outbox_message", is_operator_admin)
# When reminders go out, and the ledger of those sent.
rules.add_perm("portal.change_reminder_schedule", is_operator_admin)
