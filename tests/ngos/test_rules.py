"""The facts the rules read about a user: the groups and the roles in NGOs, read once per request object."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ngos.choices import MemberRole
from ngos.models import Membership
from ngos.rules import forget_member_roles, member_roles
from portal.choices import StaffRole
from portal.rules import group_names
from tests.world import make_user

from .factories import NGOFactory

pytestmark = pytest.mark.django_db


def test_the_groups_and_the_ngo_roles_of_a_user_are_read_together_once():
    user = make_user("head@example.kz", group=StaffRole.AUDITOR, mfa=False)
    first, second = NGOFactory(), NGOFactory()
    Membership.objects.create(ngo=first, user=user, role=MemberRole.HEAD)
    Membership.objects.create(ngo=second, user=user, role=MemberRole.ACCOUNTANT)
    user = get_user_model().objects.get(pk=user.pk)
    with CaptureQueriesContext(connection) as queries:
        assert group_names(user) == {StaffRole.AUDITOR}
        assert member_roles(user) == {first.pk: MemberRole.HEAD, second.pk: MemberRole.ACCOUNTANT}
        assert group_names(user) == {StaffRole.AUDITOR}
    assert len(queries) == (1 if connection.vendor == "postgresql" else 2)


def test_the_roles_are_read_again_after_a_membership_changed():
    user = make_user("member@example.kz")
    ngo = NGOFactory()
    assert member_roles(user) == {}
    Membership.objects.create(ngo=ngo, user=user, role=MemberRole.MEMBER)
    forget_member_roles(user)
    assert member_roles(user) == {ngo.pk: MemberRole.MEMBER}
    assert group_names(user) == frozenset()
