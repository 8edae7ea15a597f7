"""portal.money: one rounding, half up to the tiyn, for every amount."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal import money
from portal.formatting import tenge


@pytest.mark.parametrize(
    "quantity, unit_cost, amount",
    [
        ("0.50", "0.01", "0.01"),  # 0.005: half even would give 0.00
        ("0.50", "0.03", "0.02"),  # 0.015: half up and half even agree here (0.02)
        ("2.50", "0.05", "0.13"),  # 0.125: half even would give 0.12
        ("3", "1000000.00", "3000000.00"),
    ],
)
def test_a_line_is_rounded_once_half_up_to_the_tiyn(quantity, unit_cost, amount):
    assert money.line_amount(Decimal(quantity), Decimal(unit_cost)) == Decimal(amount)


@given(tiyn=st.integers(min_value=0, max_value=10**15), tail=st.integers(min_value=0, max_value=99))
def test_to_tiyn_rounds_half_up(tiyn, tail):
    value = Decimal(tiyn) / 100 + Decimal(tail) / 10_000  # a tiyn and a fraction of one
    expected = Decimal(tiyn + (1 if tail >= 50 else 0)) / 100
    assert money.to_tiyn(value) == expected


def test_the_share_a_rule_allows_and_a_percentage():
    assert money.share(Decimal("1000000.05"), 10) == Decimal("100000.01")  # 100 000,005 up
    assert money.percent_of(Decimal("1"), Decimal("3")) == Decimal("33.33")
    assert money.percent_of(Decimal("1"), Decimal("0")) == Decimal("0")


def test_the_page_shows_the_same_rounded_amount():
    assert tenge(Decimal("0.005")) == "0,01\xa0₸"
    assert tenge(Decimal("1234567.004")) == "1\xa0234\xa0567\xa0₸"  # no stray ",00"
