"""The rules of the financial report, as pure functions of figures (no database): per budget category of the
version in force, spent in the period and in total; overspending a category by more than the allowed deviation
is refused, naming the line and the figures. An approved reallocation raises the planned amount of the version
in force, so the amendment that covers an overspend is the budget the report is read against."""

from dataclasses import dataclass
from decimal import ROUND_UP, Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext as _

from portal import money
from portal.formatting import number, tenge


@dataclass(frozen=True)
class Line:
    category: str
    label: str
    planned: Decimal
    period: Decimal
    total: Decimal

    @property
    def limit(self) -> Decimal:
        return limit_of(self.planned)

    @property
    def deviation(self) -> Decimal:
        """How far over (positive) or under the plan, in percent of it (0 when nothing was planned)."""
        if not self.planned:
            return Decimal("0") if not self.total else Decimal("100")
        # Rounded away from zero: a tiyn over the limit never reads as exactly the allowed share.
        return ((self.total - self.planned) * 100 / self.planned).quantize(Decimal("0.01"), rounding=ROUND_UP)


def allowed_deviation() -> Decimal:
    return Decimal(settings.REPORT_ALLOWED_DEVIATION_PERCENT)


def limit_of(planned: Decimal) -> Decimal:
    """The most a category may spend in total: its plan plus the allowed share, rounded half up to the tiyn."""
    return money.to_tiyn(planned) + money.share(money.to_tiyn(planned), allowed_deviation())


def amount(value) -> Decimal:
    """A figure as stored (a string of tenge) or typed; empty is zero. Raises ValueError on anything else."""
    if value in (None, ""):
        return Decimal("0.00")
    try:
        result = money.to_tiyn(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        raise ValueError(value) from None
    if not result.is_finite():
        raise ValueError(value)
    return result


def lines(budget: dict, figures: dict, labels: dict) -> list[Line]:
    """The report's lines in the budget's order: planned from the version in force, spent from the report."""
    rows = []
    for category, planned in budget.items():
        typed = figures.get(category) or {}
        rows.append(Line(category, str(labels.get(category, category)), amount(planned), amount(typed.get("period")),
                         amount(typed.get("total"))))
    return rows


def problems(rows: list[Line], *, grant_amount: Decimal | None = None) -> list[str]:
    """What is wrong with the figures, one sentence per line; empty when the report may stand. The total spent
    never passes the grant, whatever the deviations of the lines."""
    found = []
    for line in rows:
        figures = {"line": line.label, "period": tenge(line.period), "total": tenge(line.total),
                   "planned": tenge(line.planned), "limit": tenge(line.limit), "deviation": number(line.deviation),
                   "allowed": number(allowed_deviation())}
        if line.period < 0 or line.total < 0:
            found.append(_("%(line)s: an amount spent cannot be negative.") % figures)
        elif line.period > line.total:
            found.append(_("%(line)s: spent in the period (%(period)s) is more than spent in total (%(total)s).")
                         % figures)
        elif line.total > line.limit:
            found.append(_("%(line)s: spent %(total)s against %(planned)s planned, %(deviation)s %% over; at most "
                           "%(allowed)s %% over is allowed (%(limit)s). Request a budget amendment first.") % figures)
    spent = money.total(r.total for r in rows)
    if grant_amount is not None and spent > grant_amount:
        found.append(_("Spent in total %(spent)s, more than the grant of %(amount)s.")
                     % {"spent": tenge(spent), "amount": tenge(grant_amount)})
    return found


def totals(rows: list[Line]) -> dict:
    return {"planned": money.total(r.planned for r in rows), "period": money.total(r.period for r in rows),
            "total": money.total(r.total for r in rows)}
