"""Tranche conditions and schedules as the call's terms write them: on_signing, report_accepted:<report>,
manual:<text>; shares in percent that add up to 100."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .choices import ReportKind, TrancheCondition


def default_tranches() -> list:
    # DOMAIN.md step 7: by default half on signing, half once the interim report is accepted.
    return [{"share": "50", "condition": "on_signing"}, {"share": "50", "condition": "report_accepted:interim"}]


@dataclass(frozen=True)
class Condition:
    kind: str
    report: str = ""
    text: str = ""


def parse_condition(code: str) -> Condition:
    """on_signing, report_accepted:<interim|final>, manual:<text> (the text says what the operator waits for)."""
    kind, _sep, rest = (code or "").partition(":")
    if kind == TrancheCondition.ON_SIGNING and not rest:
        return Condition(kind)
    if kind == TrancheCondition.REPORT_ACCEPTED and rest in ReportKind.values:
        return Condition(kind, report=rest)
    if kind == TrancheCondition.MANUAL:
        return Condition(kind, text=rest.strip())
    raise ValidationError(_("Unknown tranche condition: %(code)s.") % {"code": code}, code="condition")


def parse_schedule(rows: list | None) -> list[tuple[Decimal, Condition]]:
    rows = rows or default_tranches()
    try:
        schedule = [(Decimal(str(row["share"])), parse_condition(row["condition"])) for row in rows]
    except (KeyError, TypeError, InvalidOperation):
        raise ValidationError(_("Each tranche has a share and a condition."), code="shares") from None
    if not schedule or any(share <= 0 for share, _c in schedule) or sum(s for s, _c in schedule) != 100:
        raise ValidationError(_("The tranche shares must be positive and add up to 100 %."), code="shares")
    return schedule
