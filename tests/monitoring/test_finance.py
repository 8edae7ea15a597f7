"""The financial rules, property-based: a line within its plan plus the allowed deviation always stands, one tiyn
more is always refused naming the line; the total spent never passes the grant; totals are sums of lines."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from monitoring import finance
from portal import money

TIYN = Decimal("0.01")
amounts = st.decimals(min_value=Decimal("1.00"), max_value=Decimal("100000000.00"), places=2)


def _line(planned, total, period=None):
    return finance.Line("travel", "Travel", planned, total if period is None else period, total)


@settings(max_examples=200, deadline=None)
@given(planned=amounts, share=st.decimals(min_value=0, max_value=1, places=4))
def test_spending_up_to_the_limit_stands(planned, share):
    limit = finance.limit_of(planned)
    total = money.to_tiyn(limit * share)
    assert finance.problems([_line(planned, total)]) == []


@settings(max_examples=200, deadline=None)
@given(planned=amounts, over=st.decimals(min_value=TIYN, max_value=Decimal("1000000"), places=2))
def test_one_tiyn_past_the_limit_is_refused_naming_the_line(planned, over):
    total = finance.limit_of(planned) + over
    [problem] = finance.problems([_line(planned, total)])
    assert problem.startswith("Travel:")
    assert _line(planned, total).deviation > finance.allowed_deviation()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(amounts, st.decimals(min_value=0, max_value=1, places=2)), min_size=1, max_size=7))
def test_totals_are_the_sums_of_the_lines_and_the_grant_caps_them(rows):
    lines = [finance.Line(f"c{n}", f"Line {n}", p, money.to_tiyn(p * s), money.to_tiyn(p * s))
             for n, (p, s) in enumerate(rows)]
    totals = finance.totals(lines)
    assert totals["total"] == sum((line.total for line in lines), Decimal("0.00"))
    assert totals["planned"] == sum((line.planned for line in lines), Decimal("0.00"))
    if totals["total"] > 0:
        assert finance.problems(lines, grant_amount=totals["total"]) == []
        [refused] = finance.problems(lines, grant_amount=totals["total"] - TIYN)  # only the grant's cap
        assert "Line" not in refused


def test_spent_in_the_period_above_the_total_is_refused():
    [problem] = finance.problems([_line(Decimal("100"), Decimal("50"), period=Decimal("60"))])
    assert "Travel" in problem
