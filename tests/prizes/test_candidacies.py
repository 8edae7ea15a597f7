"""Candidacies and public proposals: eligibility and its refusals, the receipt, withdrawal with history,
proposals that reach the NGO and become candidacies, and what the public and the staff see."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from ngos.models import NGO, Membership, YearlyReport
from portal.middleware import MFA_OK
from portal.models import AuditEntry, Region
from prizes import services
from prizes.choices import CandidacyStatus
from prizes.models import Candidacy
from tests.world import make_user

from .factories import announced_round
from .test_pages import url

pytestmark = pytest.mark.django_db

CONTENT = {"language": "ru", "activities": "Кружки для детей в сёлах", "results": "300 детей, 12 сёл"}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def prize_round():
    return announced_round(year=2031)


@pytest.fixture
def ngo():
    return NGO.objects.create(bin="940140000385", name_kk="«Болашақ» ҚБ", name_ru="ОО «Болашак»",
                              legal_form="public_association", region=Region.objects.get(slug="almaty"))


@pytest.fixture
def head(ngo):
    user = make_user("head@example.kz", full_name="Айгүл Серікқызы", language="kk")
    Membership.objects.create(ngo=ngo, user=user, role="head")
    return user


def listed(ngo, year=2030):
    YearlyReport.objects.create(ngo=ngo, year=year, first_submitted_at=timezone.now())


def submit(head, ngo, prize_round, number=1, **extra):
    return services.candidacy_submit(actor=head, nomination=prize_round.nominations.get(number=number), ngo=ngo,
                                     **{**CONTENT, **extra})


def test_an_ngo_not_listed_for_the_previous_year_is_refused_and_told_why(prize_round, ngo, head):
    listed(ngo, year=2031)  # this year's report does not count: the condition is the year before
    with pytest.raises(ValidationError) as refusal:
        submit(head, ngo, prize_round)
    assert refusal.value.messages == [
        "The NGO is not listed in the NGO database for 2030: its yearly report for 2030 has not been submitted."
    ]
    assert not Candidacy.objects.exists()


@pytest.mark.parametrize("flag, label", [("in_liquidation", "In liquidation"), ("bankrupt", "Declared bankrupt")])
def test_an_ngo_in_liquidation_or_bankrupt_is_refused_naming_the_flag(prize_round, ngo, head, flag, label):
    listed(ngo)
    setattr(ngo, flag, True)
    ngo.save()
    with pytest.raises(ValidationError) as refusal:
        submit(head, ngo, prize_round)
    assert refusal.value.messages == [f"The NGO is marked “{label}” in the NGO database."]


def test_submission_gives_a_receipt_with_number_time_to_the_second_and_hash(prize_round, ngo, head):
    listed(ngo)
    candidacy = submit(head, ngo, prize_round)
    assert candidacy.number == "SA-2031-0001"
    assert candidacy.submitted_at.microsecond == 0
    assert re.fullmatch(r"[0-9a-f]{64}", candidacy.content_sha256)
    assert submit(head, ngo, prize_round, number=2).number == "SA-2031-0002"
    entry = AuditEntry.objects.get(action="candidacy_submitted", object_id=str(candidacy.pk))
    assert entry.data["sha256"] == candidacy.content_sha256


def test_the_hash_changes_with_the_content(prize_round, ngo, head):
    listed(ngo)
    first = services.candidacies.content_hash({"activities": "a"})
    assert first != services.candidacies.content_hash({"activities": "b"})
    assert first == services.candidacies.content_hash({"activities": "a"})


def test_one_candidacy_per_nomination_and_a_withdrawn_one_keeps_its_history(prize_round, ngo, head):
    listed(ngo)
    first = submit(head, ngo, prize_round)
    with pytest.raises(ValidationError, match="already applied in this nomination"):
        submit(head, ngo, prize_round)
    services.candidacy_withdraw(actor=head, candidacy=first, reason="Подадим в другой номинации")
    first.refresh_from_db()
    assert first.status == CandidacyStatus.WITHDRAWN and first.withdrawal_reason == "Подадим в другой номинации"
    again = submit(head, ngo, prize_round)
    assert again.number == "SA-2031-0002"
    assert Candidacy.objects.filter(ngo=ngo).count() == 2


def test_only_the_head_applies_and_only_while_the_round_is_open(prize_round, ngo, head):
    listed(ngo)
    member = make_user("member@example.kz")
    Membership.objects.create(ngo=ngo, user=member, role="member")
    with pytest.raises(ValidationError, match="Only the head"):
        submit(member, ngo, prize_round)
    with pytest.raises(ValidationError, match="accepts applications from"):
        services.candidacy_submit(actor=head, nomination=prize_round.nominations.get(number=1), ngo=ngo,
                                  now=prize_round.closes_at, **CONTENT)


def test_a_proposal_tells_the_head_and_becomes_a_candidacy(prize_round, ngo, head, django_capture_on_commit_callbacks):
    listed(ngo)
    visitor = make_user("visitor@example.kz")
    nomination = prize_round.nominations.get(number=1)
    with django_capture_on_commit_callbacks(execute=True):
        proposal = services.proposal_create(actor=visitor, nomination=nomination, ngo=ngo, reason="Помогают детям")
    assert [message.to for message in mail.outbox] == [["head@example.kz"]]
    assert "Помогают детям" in mail.outbox[0].body
    assert "/kk/prizes/2031/nominations/1/apply/" in mail.outbox[0].body  # in the head's language
    candidacy = services.candidacy_submit(actor=head, nomination=nomination, ngo=ngo, proposal=proposal, **CONTENT)
    assert candidacy.proposal == proposal
    with pytest.raises(ValidationError, match="already proposed"):
        services.proposal_create(actor=visitor, nomination=nomination, ngo=ngo, reason="Ещё раз")


def test_the_public_round_page_shows_proposals_and_their_count_while_open(client, prize_round, ngo):
    visitor = make_user("visitor@example.kz")
    nomination = prize_round.nominations.get(number=2)
    services.proposal_create(actor=visitor, nomination=nomination, ngo=ngo, reason="Защищают права детей")
    page = client.get(url("prizes:round", "ru", year=2031)).content.decode()
    assert "1 общественное предложение" in page
    assert "ОО «Болашак»" in page and "Защищают права детей" in page
    assert "visitor@example.kz" not in page  # the proposer is not published
    prize_round.closes_at = timezone.now() - timedelta(seconds=1)
    prize_round.save()
    assert "Защищают права детей" not in client.get(url("prizes:round", "ru", year=2031)).content.decode()


def test_a_visitor_proposes_through_the_form_by_bin(client, prize_round, ngo):
    user = make_user("visitor@example.kz")
    client.force_login(user)
    response = client.post(url("prizes:propose", "ru", year=2031, number=1),
                           {"bin": "940140000385", "reason": "Лучшие в области"})
    assert response.status_code == 302
    assert ngo.prize_proposals.get().reason == "Лучшие в области"
    page = client.post(url("prizes:propose", "ru", year=2031, number=1), {"bin": "000000000000", "reason": "x"})
    assert "НПО с таким БИН нет в базе данных НПО." in page.content.decode()


def test_the_head_sees_why_the_ngo_may_not_apply_on_the_page(client, prize_round, ngo, head):
    client.force_login(head)
    page = client.get(url("prizes:apply", "ru", year=2031, number=1)).content.decode()
    assert "не включена в базу данных НПО за 2030 год" in page
    assert 'name="activities"' not in page


def test_the_head_applies_through_the_form_and_reads_the_receipt(client, prize_round, ngo, head):
    listed(ngo)
    client.force_login(head)
    response = client.post(url("prizes:apply", "ru", year=2031, number=1), CONTENT)
    candidacy = Candidacy.objects.get()
    assert response["Location"].endswith(f"/prizes/candidacies/{candidacy.pk}/")
    page = client.get(response["Location"]).content.decode()
    assert candidacy.number in page and candidacy.content_sha256 in page


def test_the_staff_list_shows_each_candidacys_eligibility(client, prize_round, ngo, head):
    listed(ngo)
    submit(head, ngo, prize_round)
    ngo.bankrupt = True
    ngo.save()
    staff = make_user("auditor@example.kz", group="auditor")
    client.force_login(staff)
    session = client.session
    session[MFA_OK] = staff.pk
    session.save()
    page = client.get(url("prizes:staff_candidacies", "ru", year=2031)).content.decode()
    assert "SA-2031-0001" in page and "признана банкротом" in page.lower()


def test_a_moment_after_the_deadline_is_too_late_even_within_the_same_second(prize_round, ngo, head):
    """The receipt rounds the time down to the second; the window is judged on the exact clock."""
    listed(ngo)
    second = prize_round.closes_at.replace(microsecond=0)
    prize_round.closes_at = second + timedelta(milliseconds=300)
    prize_round.save()
    with pytest.raises(ValidationError, match="accepts applications from"):
        services.candidacy_submit(actor=head, nomination=prize_round.nominations.get(number=1), ngo=ngo,
                                  now=second + timedelta(milliseconds=600), **CONTENT)


def test_the_heads_dashboard_leads_to_the_ngos_awards(client, ngo, head):
    client.force_login(head)
    page = client.get(url("portal:dashboard", "ru")).content.decode()
    assert url("prizes:my_awards", "ru") in page


def test_another_ngo_cannot_withdraw_or_read_a_candidacy(client, prize_round, ngo, head):
    listed(ngo)
    candidacy = submit(head, ngo, prize_round)
    stranger = make_user("other-head@example.kz")
    other = NGO.objects.create(bin="950440001673", name_kk="Қор", name_ru="Фонд", legal_form="public_foundation",
                               region=Region.objects.get(slug="almaty"))
    Membership.objects.create(ngo=other, user=stranger, role="head")
    client.force_login(stranger)
    assert client.post(url("prizes:withdraw", pk=candidacy.pk), {"reason": "чужая"}).status_code == 404
    assert client.get(url("prizes:candidacy", pk=candidacy.pk)).status_code == 404
    candidacy.refresh_from_db()
    assert candidacy.status == CandidacyStatus.SUBMITTED


def test_a_member_who_is_not_the_head_cannot_apply_by_post(client, prize_round, ngo):
    listed(ngo)
    member = make_user("member@example.kz")
    Membership.objects.create(ngo=ngo, user=member, role="member")
    client.force_login(member)
    assert client.post(url("prizes:apply", year=2031, number=1), CONTENT).status_code == 403
    assert not Candidacy.objects.exists()


def test_the_head_withdraws_through_the_form_with_a_reason(client, prize_round, ngo, head):
    listed(ngo)
    candidacy = submit(head, ngo, prize_round)
    client.force_login(head)
    client.post(url("prizes:withdraw", pk=candidacy.pk), {"reason": "Ошибка в номинации"})
    candidacy.refresh_from_db()
    assert candidacy.status == CandidacyStatus.WITHDRAWN
    page = client.get(url("prizes:candidacy", "ru", pk=candidacy.pk)).content.decode()
    assert "Ошибка в номинации" in page and "Кандидатура отозвана" in page
