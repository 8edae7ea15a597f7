"""Money in tenge, one way everywhere: every amount is rounded half up to the tiyn (0.01 ₸).

A line is quantity × unit cost rounded once, and a total is the sum of its rounded lines, so a total
reads the same on the page, in the PDF, in the database and in the browser (static/js/money.js does
the same sums in whole tiyn).
"""

from decimal import ROUND_HALF_UP, Decimal

TIYN = Decimal("0.01")
ROUNDING = ROUND_HALF_UP
ZERO = Decimal("0.00")


def to_tiyn(value) -> Decimal:
    """Any amount (Decimal, int, str; None is 0) rounded half up to the tiyn."""
    if value is None or value == "":
        return ZERO
    return Decimal(str(value)).quantize(TIYN, rounding=ROUNDING)


def line_amount(quantity, unit_cost) -> Decimal:
    """Quantity × unit cost, rounded once, half up, to the tiyn."""
    return to_tiyn(Decimal(str(quantity or 0)) * Decimal(str(unit_cost or 0)))


def total(amounts) -> Decimal:
    """The sum of amounts each rounded to the tiyn (a total is never rounded again on its own)."""
    return sum((to_tiyn(amount) for amount in amounts), ZERO)


def share(amount, percent) -> Decimal:
    """`percent` % of `amount`, to the tiyn: the most a rule allows (10 % of the total)."""
    return to_tiyn(Decimal(str(amount)) * Decimal(str(percent)) / 100)


def percent_of(part, whole) -> Decimal:
    """What share of `whole` `part` is, in percent with two decimals (0 when whole is 0)."""
    if not whole:
        return ZERO
    return to_tiyn(Decimal(str(part)) * 100 / Decimal(str(whole)))
