"""The limits a lot keeps: grant size in MCI for the year, term by grant type, the code."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from grants.services import lots as lot_services
from tests.world import make_user

from .factories import FiscalYearFactory, complete_lot, draft_call

pytestmark = pytest.mark.django_db

TIYN = Decimal("0.01")
MCI = Decimal("4325")


def errors(call, **fields):
    base = {"code": "2027-ALM-01", "grant_type": "short", "term_months": 6, "budget": Decimal("9000000")}
    return lot_services.lot_rule_errors(call=call, lot=None, fields={**base, **fields})


@pytest.fixture
def call():
    return draft_call(fiscal_year=FiscalYearFactory(year=2027, mci=MCI))


@pytest.mark.parametrize(
    "grant_type, budget, allowed",
    [
        ("short", 500 * MCI, True),
        ("short", 500 * MCI - TIYN, False),
        ("short", 3_000 * MCI, True),
        ("short", 3_000 * MCI + TIYN, False),
        ("medium", 3_000 * MCI, True),
        ("medium", 3_000 * MCI - TIYN, False),
        ("medium", 10_000 * MCI, True),
        ("medium", 10_000 * MCI + TIYN, False),
        ("long", 10_000 * MCI, True),
        ("long", 10_000 * MCI - TIYN, False),
        ("long", 100_000 * MCI, True),
    ],
)
def test_budget_limits_hold_at_their_edges(call, grant_type, budget, allowed):
    term = {"short": 6, "medium": 18, "long": 30}[grant_type]
    found = errors(call, grant_type=grant_type, term_months=term, budget=budget)
    assert ("budget" not in found) is allowed


def test_the_budget_refusal_gives_the_allowed_range_in_tenge(call):
    message = errors(call, budget=Decimal("2000000"))["budget"]
    assert "2\xa0162\xa0500\xa0₸" in message and "12\xa0975\xa0000\xa0₸" in message
    assert "2\xa0000\xa0000\xa0₸" in message


def test_the_long_term_refusal_gives_the_minimum_in_tenge(call):
    message = errors(call, grant_type="long", term_months=30, budget=Decimal("40000000"))["budget"]
    assert "43\xa0250\xa0000\xa0₸" in message


def test_the_limits_follow_the_year_mci():
    call_2028 = draft_call(fiscal_year=FiscalYearFactory(year=2028, mci=Decimal("5000")))
    assert "budget" in errors(call_2028, code="2028-ALM-01", budget=500 * MCI)
    assert "budget" not in errors(call_2028, code="2028-ALM-01", budget=500 * Decimal("5000"))


@pytest.mark.parametrize(
    "grant_type, term, allowed",
    [("short", 3, True), ("short", 2, False), ("short", 12, True), ("short", 13, False),
     ("medium", 12, True), ("medium", 24, True), ("medium", 11, False), ("medium", 25, False),
     ("long", 24, True), ("long", 36, True), ("long", 37, False)],
)
def test_the_term_is_checked_against_the_grant_type(call, grant_type, term, allowed):
    budget = {"short": Decimal("9000000"), "medium": Decimal("20000000"), "long": Decimal("50000000")}[grant_type]
    found = errors(call, grant_type=grant_type, term_months=term, budget=budget)
    assert ("term_months" not in found) is allowed


def test_a_lot_code_starts_with_the_call_year_and_is_unique(call):
    assert "code" in errors(call, code="2026-ALM-01")
    complete_lot(call, "2027-ALM-01")
    assert "already exists" in errors(call, code="2027-ALM-01")["code"]


def test_saving_a_lot_replaces_its_indicators_and_lines_in_order(call):
    manager = make_user("m@example.kz", group="call_manager")
    lot = complete_lot(call, "2027-ALM-01")
    fields = {"code": lot.code, "grant_type": "short", "term_months": 6, "budget": Decimal("3000000"),
              "title_kk": "Жаңа", "title_ru": "Новый", "direction": lot.direction}
    lines = [
        {"item_kk": f"Бап {n}", "item_ru": f"Статья {n}", "unit_kk": "ай", "unit_ru": "месяц",
         "quantity": Decimal("2"), "unit_cost": Decimal("500000"), "source_kk": "Нарық", "source_ru": "Рынок"}
        for n in (1, 2, 3)
    ]
    saved = lot_services.lot_save(actor=manager, call=call, lot=lot, fields=fields, indicators=[], lines=lines)
    assert [line.item_ru for line in saved.justification_lines.order_by("position")] == [
        "Статья 1", "Статья 2", "Статья 3"
    ]
    assert saved.justification_total() == Decimal("3000000")
    assert not saved.indicators.exists()
    assert "no indicators" in lot_services.missing_for_publication(saved)


def test_saving_a_lot_outside_the_limits_is_refused_by_the_service(call):
    manager = make_user("m@example.kz", group="call_manager")
    with pytest.raises(ValidationError) as refusal:
        lot_services.lot_save(
            actor=manager, call=call, lot=None, indicators=[], lines=[],
            fields={"code": "2027-ALM-09", "grant_type": "short", "term_months": 20, "budget": Decimal("1")},
        )
    assert set(refusal.value.message_dict) == {"term_months", "budget"}
