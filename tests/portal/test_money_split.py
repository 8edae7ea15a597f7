"""The equal split of an amount (a shared state award): to the tiyn, exact, and fair within one tiyn."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal import money

amounts = st.decimals(min_value=Decimal("0"), max_value=Decimal("99999999999999.99"), places=2)


@given(amount=amounts, parts=st.integers(min_value=1, max_value=60))
def test_the_shares_add_up_to_the_amount_exactly_and_differ_by_at_most_a_tiyn(amount, parts):
    shares = money.split_equally(amount, parts)
    assert len(shares) == parts
    assert sum(shares, Decimal("0")) == amount
    assert max(shares) - min(shares) <= money.TIYN
    assert all(share == share.quantize(money.TIYN) for share in shares)
    assert shares == sorted(shares, reverse=True)  # the left-over tiyn go to the first in order


def test_the_remainder_goes_to_the_first_recipients():
    assert money.split_equally(Decimal("100.00"), 3) == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    assert money.split_equally(Decimal("8650000.00"), 2) == [Decimal("4325000.00")] * 2


def test_nobody_shares_with_no_one():
    with pytest.raises(ValueError):
        money.split_equally(Decimal("1"), 0)
