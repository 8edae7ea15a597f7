"""The budget rules of DOMAIN.md, step 3, on plain figures: exact Decimal arithmetic, no rounding in the verdicts.

total ≤ the lot budget; institutional development ≤ 10 % of the total; administrative ≤ direct costs.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from portal import money
from portal.formatting import tenge

from .choices import DIRECT_CATEGORIES, BudgetCategory

ZERO = Decimal("0")
INSTITUTIONAL_SHARE_PERCENT = Decimal("10")


def rule_attributes() -> dict[str, str]:
    """The rules' figures as the page hands them to static/js/money.js (data-* on the budget table), so the
    browser checks what this module checks without a second copy of the constants."""
    return {
        "data-direct-categories": " ".join(sorted(str(category) for category in DIRECT_CATEGORIES)),
        "data-institutional-category": str(BudgetCategory.INSTITUTIONAL),
        "data-administrative-category": str(BudgetCategory.ADMINISTRATIVE),
        "data-institutional-share-percent": str(INSTITUTIONAL_SHARE_PERCENT),
    }


class Rule:
    TOTAL = "total_within_lot"
    INSTITUTIONAL = "institutional_share"
    ADMINISTRATIVE = "administrative_within_direct"


@dataclass(frozen=True)
class BudgetTotals:
    total: Decimal = ZERO
    direct: Decimal = ZERO
    institutional: Decimal = ZERO
    administrative: Decimal = ZERO
    by_category: dict = field(default_factory=dict)


@dataclass(frozen=True)
class BudgetViolation:
    rule: str
    message: str


def totals_of(lines: Iterable[tuple[str, Decimal]]) -> BudgetTotals:
    """lines: (category, amount) pairs; amounts already rounded to the tiyn."""
    by_category: dict[str, Decimal] = {}
    for category, amount in lines:
        by_category[category] = by_category.get(category, ZERO) + Decimal(amount)
    direct = sum((v for k, v in by_category.items() if k in DIRECT_CATEGORIES), ZERO)
    return BudgetTotals(
        total=sum(by_category.values(), ZERO),
        direct=direct,
        institutional=by_category.get(BudgetCategory.INSTITUTIONAL, ZERO),
        administrative=by_category.get(BudgetCategory.ADMINISTRATIVE, ZERO),
        by_category=by_category,
    )


def totals_of_lines(lines) -> BudgetTotals:
    """From BudgetLine objects (or anything with category, quantity and unit_cost)."""
    return totals_of((line.category, money.line_amount(line.quantity, line.unit_cost)) for line in lines)


def _percent(part: Decimal, whole: Decimal) -> str:
    if not whole:
        return "0"
    return formats.number_format(money.percent_of(part, whole), decimal_pos=2)


def violations(totals: BudgetTotals, *, lot_budget: Decimal) -> list[BudgetViolation]:
    found = []
    if totals.total > lot_budget:
        found.append(
            BudgetViolation(
                Rule.TOTAL,
                _(
                    "Rule “total ≤ lot budget”: the total of %(total)s exceeds the lot budget of %(budget)s "
                    "by %(excess)s."
                )
                % {
                    "total": tenge(totals.total),
                    "budget": tenge(lot_budget),
                    "excess": tenge(totals.total - lot_budget),
                },
            )
        )
    # institutional / total ≤ 10 / 100, cross-multiplied so exactly 10 % passes and a tiyn more fails.
    if totals.institutional * 100 > totals.total * INSTITUTIONAL_SHARE_PERCENT:
        found.append(
            BudgetViolation(
                Rule.INSTITUTIONAL,
                _(
                    "Rule “institutional development ≤ 10 %% of the total”: institutional development is "
                    "%(amount)s, %(share)s %% of the total of %(total)s; at most %(allowed)s is allowed."
                )
                % {
                    "amount": tenge(totals.institutional),
                    "share": _percent(totals.institutional, totals.total),
                    "total": tenge(totals.total),
                    "allowed": tenge(money.share(totals.total, INSTITUTIONAL_SHARE_PERCENT)),
                },
            )
        )
    if totals.administrative > totals.direct:
        found.append(
            BudgetViolation(
                Rule.ADMINISTRATIVE,
                _(
                    "Rule “administrative costs ≤ direct costs”: administrative costs of %(administrative)s "
                    "exceed the direct project costs of %(direct)s by %(excess)s."
                )
                % {
                    "administrative": tenge(totals.administrative),
                    "direct": tenge(totals.direct),
                    "excess": tenge(totals.administrative - totals.direct),
                },
            )
        )
    return found
