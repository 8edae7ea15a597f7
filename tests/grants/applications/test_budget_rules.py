"""The three budget rules, checked against plain integer arithmetic in tiyn on random budgets."""

from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from grants.applications import budget
from grants.applications.choices import DIRECT_CATEGORIES, BudgetCategory
from portal.money import line_amount

CATEGORIES = [c.value for c in BudgetCategory]
tiyn = st.integers(min_value=0, max_value=10**11)  # up to a billion tenge per line
lines = st.lists(st.tuples(st.sampled_from(CATEGORIES), tiyn), max_size=25)


def as_tenge(value: int) -> Decimal:
    return Decimal(value) / 100


def verdicts(rows, lot_budget):
    totals = budget.totals_of((category, as_tenge(amount)) for category, amount in rows)
    with translation.override("en"):
        found = budget.violations(totals, lot_budget=as_tenge(lot_budget))
    return {v.rule for v in found}


@given(rows=lines, lot_budget=st.integers(min_value=1, max_value=10**13))
def test_each_rule_fails_exactly_when_the_arithmetic_says_so(rows, lot_budget):
    total = sum(amount for _, amount in rows)
    institutional = sum(amount for category, amount in rows if category == "institutional")
    administrative = sum(amount for category, amount in rows if category == "administrative")
    direct = sum(amount for category, amount in rows if category in DIRECT_CATEGORIES)

    expected = set()
    if total > lot_budget:
        expected.add(budget.Rule.TOTAL)
    if institutional * 10 > total:  # more than 10 % of the total, in whole tiyn
        expected.add(budget.Rule.INSTITUTIONAL)
    if administrative > direct:
        expected.add(budget.Rule.ADMINISTRATIVE)
    assert verdicts(rows, lot_budget) == expected


@given(others=st.integers(min_value=9, max_value=10**12))
def test_institutional_development_at_exactly_ten_percent_passes_and_one_tiyn_more_fails(others):
    # institutional = total / 10 exactly: total = 10 × i, so the other lines make 9 × i.
    institutional = others // 9
    rest = institutional * 9
    at_limit = [("staff", rest), ("institutional", institutional)]
    assert budget.Rule.INSTITUTIONAL not in verdicts(at_limit, lot_budget=10**14)
    # One tiyn more on institutional development: 10 % is exceeded, however large the budget.
    over = [("staff", rest), ("institutional", institutional + 1)]
    assert budget.Rule.INSTITUTIONAL in verdicts(over, lot_budget=10**14)


@given(total=st.integers(min_value=1, max_value=10**13))
def test_total_equal_to_the_lot_budget_passes_and_one_tiyn_over_fails(total):
    assert budget.Rule.TOTAL not in verdicts([("staff", total)], lot_budget=total)
    assert budget.Rule.TOTAL in verdicts([("staff", total + 1)], lot_budget=total)


@given(direct=tiyn)
def test_administrative_costs_equal_to_direct_costs_pass_and_one_tiyn_more_fails(direct):
    assert budget.Rule.ADMINISTRATIVE not in verdicts([("travel", direct), ("administrative", direct)], 10**14)
    assert budget.Rule.ADMINISTRATIVE in verdicts([("travel", direct), ("administrative", direct + 1)], 10**14)


@given(quantity=st.integers(min_value=0, max_value=10**9), unit_cost=st.integers(min_value=0, max_value=10**12))
def test_a_line_amount_is_quantity_times_unit_cost_rounded_half_up_to_the_tiyn(quantity, unit_cost):
    # Both have two decimals: the exact product has four, in units of 1/10 000 tenge.
    exact = quantity * unit_cost
    expected = (exact + 50) // 100  # half up, in tiyn
    assert line_amount(as_tenge(quantity), as_tenge(unit_cost)) == as_tenge(expected)


def test_messages_name_the_rule_and_the_figures():
    totals = budget.totals_of([("staff", Decimal("8000000")), ("institutional", Decimal("2000000")),
                               ("administrative", Decimal("9000000"))])
    with translation.override("en"):
        messages = {v.rule: v.message for v in budget.violations(totals, lot_budget=Decimal("15000000"))}
    assert "total ≤ lot budget" in messages[budget.Rule.TOTAL]
    assert "19\xa0000\xa0000\xa0₸" in messages[budget.Rule.TOTAL]
    assert "15\xa0000\xa0000\xa0₸" in messages[budget.Rule.TOTAL]
    assert "10 %" in messages[budget.Rule.INSTITUTIONAL]
    assert "2\xa0000\xa0000\xa0₸" in messages[budget.Rule.INSTITUTIONAL]
    assert "1\xa0900\xa0000\xa0₸" in messages[budget.Rule.INSTITUTIONAL]  # the most allowed
    assert "administrative costs ≤ direct costs" in messages[budget.Rule.ADMINISTRATIVE]
    assert "9\xa0000\xa0000\xa0₸" in messages[budget.Rule.ADMINISTRATIVE]


@pytest.mark.parametrize("language, word", [("kk", "ереже"), ("ru", "Правило")])
def test_messages_are_translated(language, word):
    totals = budget.totals_of([("staff", Decimal("2")), ("administrative", Decimal("3"))])
    with translation.override(language):
        (violation,) = budget.violations(totals, lot_budget=Decimal("100"))
    assert word in violation.message
