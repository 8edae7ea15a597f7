"""Who may do what with customers, priority directions, calls, lots and clarifications.

Call managers write; every other staff role (the auditor included) reads; the public reads what
was announced; NGO members ask clarification questions on behalf of one of their NGOs.
"""

import rules
from django.utils import timezone

from ngos.rules import belongs_to_any_ngo, is_ngo_member
from portal.rules import is_call_manager, is_customer, is_operator_staff

from .choices import DirectionListStatus
from .workdays import local_date


@rules.predicate
def call_is_public(user, call):
    return call is not None and call.is_public


@rules.predicate
def call_is_open(user, call):
    return call is not None and call.is_open()


@rules.predicate
def represents_customer(user, call):
    """A customer representative reads its own calls, drafts included."""
    if call is None or not user.is_authenticated:
        return False
    cached = getattr(user, "_demeu_customer_ids", None)
    if cached is None:
        cached = frozenset(user.customers.values_list("id", flat=True))
        user._demeu_customer_ids = cached
    return call.customer_id in cached


@rules.predicate
def direction_list_is_public(user, direction_list):
    return direction_list is not None and direction_list.status != DirectionListStatus.DRAFT


@rules.predicate
def discussion_is_running(user, direction_list):
    if direction_list is None or direction_list.status != DirectionListStatus.DISCUSSION:
        return False
    today = local_date(timezone.now())
    return direction_list.discussion_starts_on <= today <= direction_list.discussion_ends_on


@rules.predicate
def asked_by_my_ngo(user, clarification):
    return clarification is not None and is_ngo_member(user, clarification.ngo)


manages_calls = is_call_manager | rules.is_superuser

# Public reading.
rules.add_perm("grants.view_call", call_is_public | is_operator_staff | (is_customer & represents_customer))
rules.add_perm("grants.view_direction_list", direction_list_is_public | is_operator_staff)

# Staff pages: everybody on the staff reads, call managers write.
rules.add_perm("grants.view_staff_calls", is_operator_staff)
rules.add_perm("grants.manage_calls", manages_calls)
rules.add_perm("grants.manage_directions", manages_calls)
rules.add_perm("grants.manage_calendar", manages_calls)
rules.add_perm("grants.answer_clarification", manages_calls)

# The public discussion and clarification questions.
rules.add_perm("grants.comment_direction", rules.is_authenticated & discussion_is_running)
rules.add_perm("grants.ask_clarification", belongs_to_any_ngo & call_is_open)
rules.add_perm("grants.view_clarification", asked_by_my_ngo | is_operator_staff)

# Applications and screening keep their rules beside their code (grants/applications, grants/screening).
from grants.applications import rules as _application_rules  # noqa: E402,F401
from grants.screening import rules as _screening_rules  # noqa: E402,F401
