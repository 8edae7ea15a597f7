"""The dates and the money of an award, computed from the lot's term and the call's terms (no writes here)."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings

from grants.workdays import add_working_days
from portal import money

from .conditions import Condition, parse_condition, parse_schedule  # noqa: F401  (one import for services)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Dates:
    sign_by: date
    starts_on: date
    ends_on: date
    interim_report_due: date | None
    final_report_due: date


def award_dates(*, awarded_on: date, term_months: int, interim_report: bool = True,
                final_report_working_days: int = 10) -> Dates:
    """Sign within the period; the project starts the day after it and lasts the lot's term; the interim report
    is due at the middle of the term, the final one a number of working days after the end."""
    sign_by = add_working_days(awarded_on, settings.AGREEMENT_SIGNING_WORKING_DAYS)
    starts_on = sign_by + timedelta(days=1)
    ends_on = add_months(starts_on, term_months) - timedelta(days=1)
    interim = starts_on + (ends_on - starts_on) / 2 if interim_report else None
    return Dates(sign_by, starts_on, ends_on, interim, add_working_days(ends_on, final_report_working_days))


def split(amount: Decimal, shares: list[Decimal]) -> list[Decimal]:
    """Each share of the amount rounded half up to the tiyn; the last takes what is left, so the tranches add up
    to the grant exactly and no tiyn is lost or made up."""
    amount = money.to_tiyn(amount)
    parts = [money.share(amount, share) for share in shares[:-1]]
    return [*parts, amount - money.total(parts)]
