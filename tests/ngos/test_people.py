"""People of an NGO: asking to join, invitations, roles, and the NGO always keeping a head."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from ngos import services
from ngos.choices import MemberRole, RequestStatus
from ngos.models import Invitation, JoinRequest, Membership
from ngos.selectors import CURRENT_NGO_SESSION_KEY, current_ngo
from portal.models import AuditEntry
from tests.world import ROLES, make_user

from .factories import NGOFactory

pytestmark = pytest.mark.django_db


def url(name, ngo, lang="kk", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs={"bin": ngo.bin, **kwargs})


def post_as(client, user, path, data=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.post(path, data or {})


# --- Roles through the URL: who may change people -------------------------------------------------------


def test_only_the_head_can_invite(world, client):
    ngo = world.ngo_a
    path = url("ngos:member_invite", ngo)
    outcome = {}
    for role in ROLES:
        response = post_as(client, world.users[role], path, {"email": f"{role}-guest@example.kz", "role": "member"})
        outcome[role] = response.status_code
    assert outcome["ngo_head"] == 302
    assert outcome["anonymous"] == 302 and "login" in post_as(client, None, path)["Location"]
    assert all(code == 403 for role, code in outcome.items() if role not in ("ngo_head", "anonymous"))
    assert list(Invitation.objects.filter(email__endswith="-guest@example.kz").values_list("email", flat=True)) == [
        "ngo_head-guest@example.kz"
    ]


@pytest.mark.parametrize("role", ["ngo_member", "ngo_accountant", "other_ngo_member", "screening_officer", "auditor"])
def test_no_one_but_the_head_removes_a_member(world, client, role):
    membership = Membership.objects.get(ngo=world.ngo_a, user=world.users["ngo_member"])
    response = post_as(client, world.users[role], url("ngos:member_remove", world.ngo_a, pk=membership.pk))
    assert response.status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_head_removes_a_member(world, client):
    membership = Membership.objects.get(ngo=world.ngo_a, user=world.users["ngo_member"])
    response = post_as(client, world.users["ngo_head"], url("ngos:member_remove", world.ngo_a, pk=membership.pk))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEntry.objects.filter(action="ngo_member_removed", note=world.users["ngo_member"].email).exists()


def test_head_of_another_ngo_cannot_touch_this_one(world, client):
    membership = Membership.objects.get(ngo=world.ngo_a, user=world.users["ngo_member"])
    response = post_as(
        client, world.users["other_ngo_member"], url("ngos:member_role", world.ngo_a, pk=membership.pk),
        {f"m{membership.pk}-role": "head"},
    )
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.role == MemberRole.MEMBER


def test_a_member_of_ngo_b_cannot_be_changed_through_ngo_a(world, client):
    foreign = Membership.objects.get(ngo=world.ngo_b)
    response = post_as(
        client, world.users["ngo_head"], url("ngos:member_role", world.ngo_a, pk=foreign.pk),
        {f"m{foreign.pk}-role": "member"},
    )
    assert response.status_code == 404


# --- Asking to join ---------------------------------------------------------------------------------------


def test_user_asks_to_join_by_bin_and_the_head_accepts_with_a_role(client, django_capture_on_commit_callbacks):
    ngo = NGOFactory()
    head = make_user("head@example.kz", language="ru")
    Membership.objects.create(ngo=ngo, user=head, role=MemberRole.HEAD)
    asker = make_user("asker@example.kz")
    client.force_login(asker)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/kk/ngos/join/", {"bin": f"{ngo.bin[:6]} {ngo.bin[6:]}", "message": "Мен бухгалтермін"})
    assert response.status_code == 302
    join_request = JoinRequest.objects.get(ngo=ngo, user=asker, status=RequestStatus.PENDING)
    assert [m.to for m in mail.outbox] == [["head@example.kz"]]

    client.force_login(head)
    with django_capture_on_commit_callbacks(execute=True):
        answer = {"answer": "accept", "answer-role": "accountant"}
        client.post(url("ngos:join_request_answer", ngo, pk=join_request.pk), answer)
    assert Membership.objects.get(ngo=ngo, user=asker).role == MemberRole.ACCOUNTANT
    join_request.refresh_from_db()
    assert join_request.status == RequestStatus.ACCEPTED and join_request.answered_by == head
    assert mail.outbox[-1].to == ["asker@example.kz"]


def test_head_declines_a_request_and_no_membership_is_made():
    ngo = NGOFactory()
    head = make_user("head@example.kz")
    Membership.objects.create(ngo=ngo, user=head, role=MemberRole.HEAD)
    asker = make_user("asker@example.kz")
    join_request = services.join_request_create(actor=asker, ngo=ngo)
    services.join_request_answer(join_request=join_request, actor=head, accept=False)
    assert not Membership.objects.filter(ngo=ngo, user=asker).exists()
    assert JoinRequest.objects.get(pk=join_request.pk).status == RequestStatus.DECLINED


def test_asking_twice_while_waiting_is_refused():
    ngo = NGOFactory()
    asker = make_user("asker@example.kz")
    services.join_request_create(actor=asker, ngo=ngo)
    with pytest.raises(ValidationError) as refused:
        services.join_request_create(actor=asker, ngo=ngo)
    assert refused.value.code == "pending"


def test_joining_by_an_unknown_bin_says_so_and_keeps_the_message(client):
    client.force_login(make_user("asker@example.kz"))
    response = client.post("/ru/ngos/join/", {"bin": "940140000385", "message": "Я волонтёр фонда"})
    assert response.status_code == 200
    assert "940140000385" in response.context["form"].errors["bin"][0]
    assert "Я волонтёр фонда" in response.content.decode()


# --- Invitations --------------------------------------------------------------------------------------------


def test_invited_person_accepts_by_the_link_and_joins_with_the_invited_role(client, django_capture_on_commit_callbacks):
    ngo = NGOFactory()
    head = make_user("head@example.kz")
    Membership.objects.create(ngo=ngo, user=head, role=MemberRole.HEAD)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            ngo=ngo, actor=head, email="Guest@Example.kz", role=MemberRole.ACCOUNTANT, language="kk"
        )
    assert mail.outbox[0].to == ["guest@example.kz"]
    assert f"/kk/ngos/invitations/{invitation.token}/" in mail.outbox[0].body

    guest = make_user("guest@example.kz")
    client.force_login(guest)
    response = client.post(f"/kk/ngos/invitations/{invitation.token}/", {"answer": "accept"})
    assert response.status_code == 302 and response["Location"] == url("ngos:manage", ngo)
    assert Membership.objects.get(ngo=ngo, user=guest).role == MemberRole.ACCOUNTANT
    assert client.session[CURRENT_NGO_SESSION_KEY] == ngo.pk


def test_an_invitation_cannot_be_accepted_from_another_address(client):
    ngo = NGOFactory()
    head = make_user("head@example.kz")
    invitation = services.invitation_create(ngo=ngo, actor=head, email="guest@example.kz", language="kk")
    stranger = make_user("stranger@example.kz")
    client.force_login(stranger)
    response = client.post(f"/en/ngos/invitations/{invitation.token}/", {"answer": "accept"})
    assert response.status_code == 200
    assert "guest@example.kz" in response.context["problem"]
    assert not Membership.objects.filter(ngo=ngo, user=stranger).exists()


def test_an_expired_invitation_cannot_be_accepted():
    ngo = NGOFactory()
    invitation = services.invitation_create(ngo=ngo, actor=None, email="guest@example.kz", language="kk")
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    guest = make_user("guest@example.kz")
    with translation.override("en"), pytest.raises(ValidationError, match="expired"):
        services.invitation_answer(invitation=Invitation.objects.get(pk=invitation.pk), actor=guest, accept=True)
    assert not Membership.objects.filter(user=guest).exists()


def test_inviting_again_after_expiry_closes_the_old_invitation_through_its_table_and_records_it():
    from portal.audit import history

    ngo = NGOFactory()
    head = make_user("head@example.kz")
    old = services.invitation_create(ngo=ngo, actor=head, email="guest@example.kz", language="kk")
    Invitation.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    services.invitation_create(ngo=ngo, actor=head, email="guest@example.kz", language="kk")

    assert Invitation.objects.get(pk=old.pk).status == RequestStatus.REVOKED
    closed = history(ngo).get(action="ngo_invitation_withdrawn")
    with translation.override("ru"):
        assert closed.note_text.startswith("Срок приглашения истёк") and closed.to_label == "Отозван"


def test_inviting_an_existing_member_is_refused():
    ngo = NGOFactory()
    member = make_user("member@example.kz")
    Membership.objects.create(ngo=ngo, user=member)
    with pytest.raises(ValidationError) as refused:
        services.invitation_create(ngo=ngo, actor=None, email="MEMBER@example.kz", language="kk")
    assert refused.value.code == "member"


def test_a_withdrawn_invitation_cannot_be_accepted():
    ngo = NGOFactory()
    head = make_user("head@example.kz")
    invitation = services.invitation_create(ngo=ngo, actor=head, email="guest@example.kz", language="kk")
    services.invitation_revoke(invitation=invitation, actor=head)
    with pytest.raises(ValidationError):
        services.invitation_answer(invitation=invitation, actor=make_user("guest@example.kz"), accept=True)


# --- The NGO always keeps a head --------------------------------------------------------------------------


@pytest.fixture
def sole_head():
    ngo = NGOFactory()
    head = make_user("head@example.kz")
    return Membership.objects.create(ngo=ngo, user=head, role=MemberRole.HEAD)


def test_the_only_head_cannot_become_a_member(sole_head):
    with pytest.raises(ValidationError) as refused:
        services.membership_change_role(membership=sole_head, actor=sole_head.user, role=MemberRole.MEMBER)
    assert refused.value.code == "last_head"
    assert Membership.objects.get(pk=sole_head.pk).role == MemberRole.HEAD


def test_the_only_head_cannot_leave(sole_head, client):
    client.force_login(sole_head.user)
    response = client.post(url("ngos:leave", sole_head.ngo, lang="en"), follow=True)
    assert Membership.objects.filter(pk=sole_head.pk).exists()
    assert "at least one head" in str(list(response.context["messages"])[0])


def test_the_head_steps_down_once_another_head_exists(sole_head):
    other = Membership.objects.create(ngo=sole_head.ngo, user=make_user("deputy@example.kz"))
    services.membership_change_role(membership=other, actor=sole_head.user, role=MemberRole.HEAD)
    services.membership_change_role(membership=sole_head, actor=sole_head.user, role=MemberRole.MEMBER)
    roles = dict(Membership.objects.filter(ngo=sole_head.ngo).values_list("user__email", "role"))
    assert roles == {"head@example.kz": MemberRole.MEMBER, "deputy@example.kz": MemberRole.HEAD}
    entries = AuditEntry.objects.filter(action="ngo_member_role_changed").values_list("from_state", "to_state")
    assert set(entries) == {("member", "head"), ("head", "member")}


def test_a_member_leaves(world, client):
    client.force_login(world.users["ngo_accountant"])
    client.post(url("ngos:leave", world.ngo_a))
    assert not Membership.objects.filter(ngo=world.ngo_a, user=world.users["ngo_accountant"]).exists()


# --- Several NGOs: switching ---------------------------------------------------------------------------------


def test_a_user_in_two_ngos_switches_the_current_one(client):
    first, second = NGOFactory(name_kk="«Бірінші» қоры"), NGOFactory(name_kk="«Екінші» қоры")
    user = make_user("both@example.kz")
    Membership.objects.create(ngo=first, user=user, role=MemberRole.HEAD)
    Membership.objects.create(ngo=second, user=user, role=MemberRole.ACCOUNTANT)
    client.force_login(user)
    response = client.post("/kk/ngos/switch/", {"ngo": second.pk, "next": "/kk/dashboard/"})
    assert response["Location"] == "/kk/dashboard/"
    dashboard = client.get("/kk/dashboard/")
    panel = next(p for p in dashboard.context["panels"] if p.get("template") == "ngos/panels/current_ngo.html")
    assert panel["current"].ngo == second
    assert current_ngo(dashboard.wsgi_request) == second  # what the applications will act for
    assert 'id="switch-ngo"' in dashboard.content.decode()


def test_switching_to_an_ngo_the_user_is_not_in_is_refused(client):
    stranger_ngo = NGOFactory()
    user = make_user("one@example.kz")
    Membership.objects.create(ngo=NGOFactory(), user=user)
    client.force_login(user)
    client.post("/kk/ngos/switch/", {"ngo": stranger_ngo.pk})
    assert client.session.get(CURRENT_NGO_SESSION_KEY) != stranger_ngo.pk


def test_switch_does_not_redirect_to_another_site(client):
    user = make_user("one@example.kz")
    ngo = NGOFactory()
    Membership.objects.create(ngo=ngo, user=user)
    client.force_login(user)
    response = client.post("/kk/ngos/switch/", {"ngo": ngo.pk, "next": "https://evil.example/"})
    assert response["Location"] == "/kk/dashboard/"
