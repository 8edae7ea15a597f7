"""Object rules for NGOs: membership with a role (head / member / accountant) is the relation."""

import rules

from portal.rules import is_operator_staff

from .models import MemberRole


def member_roles(user) -> dict[int, str]:
    """{ngo_id: role} for the user, fetched once per request object."""
    if not user or not user.is_authenticated:
        return {}
    cached = getattr(user, "_demeu_member_roles", None)
    if cached is None:
        cached = dict(user.memberships.values_list("ngo_id", "role"))
        user._demeu_member_roles = cached
    return cached


@rules.predicate
def is_ngo_member(user, ngo):
    """Any role in this NGO (head, member or accountant)."""
    return ngo is not None and ngo.pk in member_roles(user)


@rules.predicate
def is_ngo_head(user, ngo):
    return ngo is not None and member_roles(user).get(ngo.pk) == MemberRole.HEAD


@rules.predicate
def belongs_to_any_ngo(user):
    return bool(member_roles(user))


rules.add_perm("ngos.view_ngo_private", is_ngo_member | is_operator_staff)
rules.add_perm("ngos.act_for_ngo", is_ngo_head)
