"""Rounds: the state table, the clock, the refusals and what they say, nominations up to fifteen."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from portal.models import AuditEntry
from prizes import services
from prizes.choices import MAX_NOMINATIONS, SPHERES_2017, RoundPhase, RoundStatus
from prizes.models import Nomination

from .factories import announced_round, draft_round, fiscal_year

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Refusals are read in English here; their kk and ru wording is checked on the pages."""
    with translation.override("en"):
        yield


def test_the_clock_opens_and_closes_an_announced_round_to_the_microsecond():
    prize_round = announced_round(opens_in=timedelta(days=1), closes_in=timedelta(days=2))
    assert prize_round.phase_at(prize_round.opens_at - timedelta(microseconds=1)) == RoundPhase.ANNOUNCED
    assert prize_round.phase_at(prize_round.opens_at) == RoundPhase.OPEN
    assert prize_round.is_accepting_at(prize_round.closes_at - timedelta(microseconds=1))
    assert not prize_round.is_accepting_at(prize_round.closes_at)
    assert prize_round.phase_at(prize_round.closes_at) == RoundPhase.CLOSED


def test_announcing_writes_one_audit_entry_and_makes_the_round_public():
    prize_round = draft_round()
    assert not prize_round.is_public
    services.round_announce(actor=None, prize_round=prize_round)
    prize_round.refresh_from_db()
    assert prize_round.status == RoundStatus.ANNOUNCED and prize_round.is_public
    entries = AuditEntry.objects.filter(action="round_announced", object_id=str(prize_round.pk))
    assert [(e.from_state, e.to_state) for e in entries] == [("draft", "announced")]


def test_announcing_twice_is_refused():
    prize_round = announced_round()
    with pytest.raises(ValidationError, match="already announced"):
        services.round_announce(actor=None, prize_round=prize_round)


def test_a_nomination_below_the_minimum_award_stops_the_announcement_and_names_it():
    prize_round = draft_round(nominations=2)
    prize_round.nominations.filter(number=2).update(amount=prize_round.min_award - Decimal("0.01"))
    with pytest.raises(ValidationError) as refusal:
        services.round_announce(actor=None, prize_round=prize_round)
    assert any("Nomination 2" in message and "2000 MCI" in message for message in refusal.value.messages)
    prize_round.refresh_from_db()
    assert prize_round.status == RoundStatus.DRAFT


def test_the_minimum_award_follows_the_rounds_configurable_mci_figure():
    prize_round = draft_round(min_award_mci=1500)
    assert prize_round.min_award == Decimal("1500") * prize_round.mci
    prize_round.nominations.update(amount=prize_round.min_award)
    assert services.publication_problems(prize_round) == []


def test_nominations_that_promise_more_than_the_fund_stop_the_announcement():
    prize_round = draft_round(nominations=2, fund=Decimal("1.00"))
    problems = services.publication_problems(prize_round)
    assert any("more than the fund" in problem for problem in problems)


def test_a_round_without_russian_description_or_nominations_is_not_announced():
    prize_round = draft_round(nominations=0)
    prize_round.description_ru = ""
    problems = services.publication_problems(prize_round)
    assert "The round has no description in Russian." in problems
    assert "The round has no nominations." in problems


def test_the_review_does_not_start_while_ngos_may_still_apply():
    prize_round = announced_round(closes_in=timedelta(days=3))
    with pytest.raises(ValidationError, match="review starts after the deadline"):
        services.round_start_review(actor=None, prize_round=prize_round)
    services.round_start_review(actor=None, prize_round=prize_round, now=prize_round.closes_at)
    prize_round.refresh_from_db()
    assert prize_round.status == RoundStatus.UNDER_REVIEW


def test_a_draft_round_cannot_skip_to_the_review():
    prize_round = draft_round()
    with pytest.raises(ValidationError, match="cannot go from"):
        services.round_start_review(actor=None, prize_round=prize_round, now=timezone.now() + timedelta(days=99))


def test_one_round_a_year():
    prize_round = draft_round(year=2031)
    with pytest.raises(ValidationError) as refusal:
        services.round_create(
            actor=None, fiscal_year=prize_round.fiscal_year, opens_at=prize_round.opens_at,
            closes_at=prize_round.closes_at, fund=Decimal("1"),
        )
    assert "fiscal_year" in refusal.value.error_dict


def test_a_new_round_may_start_with_the_fifteen_spheres_of_2017():
    now = timezone.now()
    prize_round = services.round_create(
        actor=None, fiscal_year=fiscal_year(2033), opens_at=now, closes_at=now + timedelta(days=9),
        fund=Decimal("1"), with_default_nominations=True,
    )
    nominations = list(prize_round.nominations.order_by("number"))
    assert len(nominations) == len(SPHERES_2017) == MAX_NOMINATIONS
    assert (nominations[0].title_kk, nominations[0].title_ru) == SPHERES_2017[0]
    assert all(n.amount == prize_round.min_award for n in nominations)


def test_a_sixteenth_nomination_is_refused():
    prize_round = draft_round(nominations=MAX_NOMINATIONS)
    with pytest.raises(ValidationError, match="at most 15 nominations"):
        services.nomination_add(actor=None, prize_round=prize_round, title_kk="Тағы", title_ru="Ещё", amount=1)


def test_a_deleted_nomination_frees_its_number():
    prize_round = draft_round(nominations=3)
    services.nomination_delete(actor=None, nomination=prize_round.nominations.get(number=2))
    added = services.nomination_add(actor=None, prize_round=prize_round, title_kk="Жаңа", title_ru="Новая",
                                    amount=prize_round.min_award)
    assert added.number == 2


def test_the_nominations_of_an_announced_round_stay_as_announced():
    prize_round = announced_round()
    nomination = prize_round.nominations.get(number=1)
    with pytest.raises(ValidationError, match="terms are public"):
        services.nomination_update(actor=None, nomination=nomination, amount=Decimal("1"))
    with pytest.raises(ValidationError, match="terms are public"):
        services.nomination_delete(actor=None, nomination=nomination)
    assert Nomination.objects.get(pk=nomination.pk).amount == prize_round.min_award


def test_amounts_are_kept_to_the_tiyn_half_up():
    prize_round = draft_round(nominations=0)
    nomination = services.nomination_add(actor=None, prize_round=prize_round, title_kk="А", title_ru="А",
                                         amount=Decimal("100.005"))
    nomination.refresh_from_db()
    assert nomination.amount == Decimal("100.01")
