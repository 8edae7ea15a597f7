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


def split_equally(amount, parts: int) -> list[Decimal]:
    """`amount` shared equally by `parts` recipients, to the tiyn, adding up to the amount exactly.

    Remainder rule: everyone gets the amount divided by `parts`, rounded down to the tiyn; the tiyn left
    over (fewer than `parts`) go one each to the first recipients in the order given (for a shared award,
    the council's ranking), so no two shares differ by more than one tiyn.
    """
    if parts < 1:
        raise ValueError("an amount is shared by at least one recipient")
    tiyn = int(to_tiyn(amount) / TIYN)
    if tiyn < 0:
        raise ValueError("a negative amount cannot be shared")
    base, remainder = divmod(tiyn, parts)
    return [(Decimal(base + (1 if index < remainder else 0)) * TIYN).quantize(TIYN) for index in range(parts)]
