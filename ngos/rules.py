"""Object rules for NGOs: membership with a role (head / member / accountant) is the relation.

Who does what in an NGO:
- any member (head, member, accountant) sees the NGO's private pages and drafts the yearly report;
- the head and members keep the public profile (the accountant keeps the books, not the profile);
- only the head acts for the NGO: submits the yearly report, manages people, asks for verification.
Operator staff read everything; screening officers and operator administrators verify NGOs and
keep the eligibility flags; the auditor reads only (see permissions.py for the model permissions).
"""

import rules
from django.db.models import F
from django.db.models.functions import JSONObject

from portal.rules import (
    add_user_fact,
    is_civil_society,
    is_operator_admin,
    is_operator_staff,
    is_screening_officer,
    user_fact,
)

from .choices import MemberRole


def member_roles(user) -> dict[int, str]:
    """{ngo_id: role} for the user, fetched once per request object."""
    if not user or not user.is_authenticated:
        return {}
    return user_fact(user, "_demeu_member_roles")


def _membership_rows(user):
    from .models import Membership

    return Membership.objects.filter(user=user).values_list(JSONObject(ngo=F("ngo_id"), role=F("role")), flat=True)


# Read with the user's groups (portal.rules.load_user_facts): one query for both on every signed-in request.
add_user_fact("_demeu_member_roles", _membership_rows, lambda rows: {row["ngo"]: row["role"] for row in rows})


def forget_member_roles(user) -> None:
    """Drop the cached roles after a membership of this user changed."""
    if user is not None and hasattr(user, "_demeu_member_roles"):
        del user._demeu_member_roles


@rules.predicate
def is_ngo_member(user, ngo):
    """Any role in this NGO (head, member or accountant)."""
    return ngo is not None and ngo.pk in member_roles(user)


@rules.predicate
def is_ngo_head(user, ngo):
    return ngo is not None and member_roles(user).get(ngo.pk) == MemberRole.HEAD


@rules.predicate
def is_ngo_plain_member(user, ngo):
    return ngo is not None and member_roles(user).get(ngo.pk) == MemberRole.MEMBER


@rules.predicate
def is_ngo_accountant(user, ngo):
    return ngo is not None and member_roles(user).get(ngo.pk) == MemberRole.ACCOUNTANT


@rules.predicate
def belongs_to_any_ngo(user):
    return bool(member_roles(user))


is_ngo_keeper = is_ngo_head | is_ngo_plain_member
is_register_keeper = is_screening_officer | is_operator_admin

rules.add_perm("ngos.view_ngo_private", is_ngo_member | is_operator_staff)
rules.add_perm("ngos.act_for_ngo", is_ngo_head)

# Registering or joining an NGO is offered to civil society only (portal.rules.is_civil_society).
rules.add_perm("ngos.register_ngo", is_civil_society)

# The NGO's own pages.
rules.add_perm("ngos.view_own_ngo", is_ngo_member)
rules.add_perm("ngos.edit_profile", is_ngo_keeper)
rules.add_perm("ngos.manage_members", is_ngo_head)
rules.add_perm("ngos.request_verification", is_ngo_head)
rules.add_perm("ngos.edit_yearly_report", is_ngo_member)
rules.add_perm("ngos.submit_yearly_report", is_ngo_head)

# The operator's side of the register.
rules.add_perm("ngos.view_register", is_operator_staff)
rules.add_perm("ngos.export_register", is_operator_staff)
rules.add_perm("ngos.verify_ngo", is_register_keeper)
rules.add_perm("ngos.edit_eligibility_flags", is_register_keeper)
