"""The prize pages: the public reads announced rounds in kk and ru; call managers run the rounds through
the staff pages; every other role is refused the writes, by POST too."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from portal.middleware import MFA_OK
from prizes.choices import RoundStatus
from prizes.models import Nomination, Round
from tests.world import make_user

from .factories import announced_round, draft_round, fiscal_year

pytestmark = pytest.mark.django_db


def url(name, language="ru", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def signed_in(client, role):
    user = make_user(f"{role}@example.kz", group=role)
    client.force_login(user)
    session = client.session
    session[MFA_OK] = user.pk
    session.save()
    return user


def test_the_index_leads_with_the_open_round_and_its_nominations_in_both_languages(client):
    prize_round = announced_round(year=2031)
    draft_round(year=2032)  # not public: must not show
    page = client.get(url("prizes:index", "ru")).content.decode()
    assert "Государственные премии 2031 года" in page
    assert "Номинация 1" in page and "2032" not in page
    page_kk = client.get(url("prizes:index", "kk")).content.decode()
    assert "Номинация 1 kk" in page_kk
    assert prize_round.nominations.count() == 2


def test_the_round_page_shows_the_fund_and_the_minimum_award(client):
    announced_round(year=2031, fund=Decimal("250000000"))
    page = client.get(url("prizes:round", year=2031)).content.decode().replace("\xa0", " ")
    assert "250 000 000 ₸" in page
    assert "2 000 МРП, 7 864 000 ₸" in page  # 2,000 × MCI 3,932


def test_a_draft_round_is_hidden_from_the_public(client):
    draft_round(year=2032)
    assert client.get(url("prizes:round", year=2032)).status_code == 302  # sign in first
    signed_in(client, None)
    assert client.get(url("prizes:round", year=2032)).status_code == 404


def test_a_manager_creates_a_round_in_astana_time_with_the_2017_nominations(client):
    signed_in(client, "call_manager")
    fiscal_year(2034)
    year = fiscal_year(2034)
    response = client.post(url("prizes:staff_round_create"), {
        "fiscal_year": year.pk, "min_award_mci": "2000", "fund": "117 960 000", "description_kk": "Сипаттама",
        "description_ru": "Описание", "opens_on": "2034-03-01", "opens_time": "09:00", "closes_on": "2034-03-31",
        "closes_time": "18:30", "with_default_nominations": "on",
    })
    assert response.status_code == 302
    prize_round = Round.objects.get(fiscal_year=year)
    assert prize_round.closes_at.isoformat() == "2034-03-31T13:30:00+00:00"  # 18:30 in Astana, UTC+5
    assert prize_round.fund == Decimal("117960000.00")
    assert prize_round.nominations.count() == 15


def test_a_manager_announces_a_complete_round_and_the_refusal_lists_what_is_missing(client):
    signed_in(client, "call_manager")
    incomplete = draft_round(year=2031, nominations=0)
    page = client.post(url("prizes:staff_round_announce", year=2031), follow=True).content.decode()
    assert "В конкурсе на премию нет номинаций." in page
    incomplete.refresh_from_db()
    assert incomplete.status == RoundStatus.DRAFT
    services_round = draft_round(year=2035)
    client.post(url("prizes:staff_round_announce", year=2035))
    services_round.refresh_from_db()
    assert services_round.status == RoundStatus.ANNOUNCED


def test_a_manager_edits_and_deletes_a_nomination(client):
    signed_in(client, "call_manager")
    draft_round(year=2031, nominations=2)
    client.post(url("prizes:staff_nomination_edit", year=2031, number=1), {
        "title_kk": "Мәдениет", "title_ru": "Культура", "awards": "3", "amount": "8 000 000,50",
    })
    nomination = Nomination.objects.get(round__fiscal_year__year=2031, number=1)
    assert (nomination.title_ru, nomination.awards, nomination.amount) == ("Культура", 3, Decimal("8000000.50"))
    client.post(url("prizes:staff_nomination_delete", year=2031, number=2))
    assert list(Nomination.objects.filter(round__fiscal_year__year=2031).values_list("number", flat=True)) == [1]


@pytest.mark.parametrize("role", ["auditor", "screening_officer", "operator_admin", "council", "expert"])
def test_other_roles_cannot_change_a_round_by_post(client, role):
    prize_round = draft_round(year=2031, nominations=1)
    closed = announced_round(year=2030, opens_in=timedelta(days=-9), closes_in=timedelta(days=-1))
    signed_in(client, role)
    posts = [
        url("prizes:staff_round_create"), url("prizes:staff_round_edit", year=2031),
        url("prizes:staff_round_announce", year=2031), url("prizes:staff_round_review", year=2030),
        url("prizes:staff_nominations_defaults", year=2031), url("prizes:staff_nomination_create", year=2031),
        url("prizes:staff_nomination_edit", year=2031, number=1),
        url("prizes:staff_nomination_delete", year=2031, number=1),
    ]
    assert {client.post(address, {"title_kk": "x", "title_ru": "x", "awards": "1", "amount": "1"}).status_code
            for address in posts} == {403}
    prize_round.refresh_from_db()
    closed.refresh_from_db()
    assert prize_round.status == RoundStatus.DRAFT and prize_round.nominations.count() == 1
    assert closed.status == RoundStatus.ANNOUNCED


def test_anonymous_posts_are_sent_to_sign_in(client):
    draft_round(year=2031)
    response = client.post(url("prizes:staff_round_announce", year=2031))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Round.objects.get(fiscal_year__year=2031).status == RoundStatus.DRAFT
