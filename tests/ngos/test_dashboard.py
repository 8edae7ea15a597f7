"""The dashboard: the NGO you act for, invitations waiting for you, the operator's queue."""

import pytest
from django.core import mail
from django.utils import translation

from ngos import services
from ngos.choices import MemberRole, VerificationStatus
from ngos.models import NGO, Membership
from tests.world import make_user

from .factories import NGOFactory

pytestmark = pytest.mark.django_db


def panel_titles(response) -> list[str]:
    return [str(panel["title"]) for panel in response.context["panels"]]


def test_someone_without_an_ngo_is_offered_to_register_or_join(client):
    client.force_login(make_user("new@example.kz"))
    with translation.override("en"):
        page = client.get("/en/dashboard/").content.decode()
    assert "/en/ngos/register/" in page and "/en/ngos/join/" in page


def test_an_invitation_waits_on_the_dashboard_of_its_addressee(client):
    ngo = NGOFactory(name_kk="«Шақырған» қоры")
    services.invitation_create(ngo=ngo, actor=None, email="guest@example.kz", role=MemberRole.MEMBER, language="kk")
    client.force_login(make_user("guest@example.kz"))
    page = client.get("/kk/dashboard/").content.decode()
    assert "«Шақырған» қоры" in page and "/kk/ngos/invitations/" in page

    client.force_login(make_user("other@example.kz"))
    assert "«Шақырған» қоры" not in client.get("/kk/dashboard/").content.decode()


def test_a_rejected_ngo_shows_on_its_heads_dashboard(client):
    ngo = NGOFactory(verification=VerificationStatus.REJECTED, rejection_reason="Көшірме жоқ")
    head = make_user("head@example.kz")
    Membership.objects.create(ngo=ngo, user=head, role=MemberRole.HEAD)
    client.force_login(head)
    page = client.get("/en/dashboard/").content.decode()
    assert "The operator rejected the registration" in page


def test_staff_see_the_verification_queue(world, client):
    waiting = NGO.objects.filter(verification=VerificationStatus.PENDING).count()  # the world's own
    NGOFactory(verification=VerificationStatus.PENDING)
    NGOFactory(verification=VerificationStatus.PENDING)
    client.force_login(world.users["auditor"])
    page = client.get("/en/dashboard/").content.decode()
    assert f"NGOs waiting for verification: {waiting + 2}." in page
    client.force_login(world.users["ngo_member"])
    assert "NGOs waiting for verification" not in client.get("/en/dashboard/").content.decode()


def test_e_mails_speak_their_recipients_language(django_capture_on_commit_callbacks):
    ngo = NGOFactory(name_kk="«Мейірім» қоры", name_ru="Фонд «Мейирим»", verification=VerificationStatus.PENDING)
    for email, language in (("kk@example.kz", "kk"), ("ru@example.kz", "ru")):
        Membership.objects.create(ngo=ngo, user=make_user(email, language=language), role=MemberRole.HEAD)
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        services.ngo_verify(ngo=ngo, actor=None)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "тексерді" in by_address["kk@example.kz"].body and "«Мейірім» қоры" in by_address["kk@example.kz"].subject
    assert "проверил" in by_address["ru@example.kz"].body and "Фонд «Мейирим»" in by_address["ru@example.kz"].subject
