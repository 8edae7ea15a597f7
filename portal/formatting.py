"""How money and moments read on the page and in PDFs, whatever the language."""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from django.utils import formats
from django.utils.translation import gettext as _

from .money import to_tiyn

ASTANA = ZoneInfo("Asia/Almaty")
NBSP = "\xa0"


def group_thousands(value: int) -> str:
    return f"{value:,}".replace(",", NBSP)


def tenge(amount) -> str:
    """1 234 567 ₸ (whole tenge); 1 234 567,89 ₸ when there are tiyn."""
    if amount is None or amount == "":
        return ""
    cents = to_tiyn(amount)
    if cents == cents.to_integral_value():
        return f"{'−' if cents < 0 else ''}{group_thousands(abs(int(cents)))}{NBSP}₸"
    integer, fraction = f"{abs(cents):.2f}".split(".")
    return f"{'−' if cents < 0 else ''}{group_thousands(int(integer))},{fraction}{NBSP}₸"


def astana(moment: datetime | None) -> datetime | None:
    return moment.astimezone(ASTANA) if moment else None


def astana_time(moment: datetime | None) -> str:
    """'30.03.2027, 18:30 (Astana time)' in the active language."""
    if moment is None:
        return ""
    local = astana(moment)
    return _("%(date)s, %(time)s (Astana time)") % {
        "date": formats.date_format(local, "SHORT_DATE_FORMAT"),
        "time": local.strftime("%H:%M"),
    }


def deadline(moment: datetime | None) -> str:
    """'until 30.03.2027, 18:30 (Astana time)'."""
    if moment is None:
        return ""
    local = astana(moment)
    return _("until %(date)s, %(time)s (Astana time)") % {
        "date": formats.date_format(local, "SHORT_DATE_FORMAT"),
        "time": local.strftime("%H:%M"),
    }


def number(value) -> str:
    """12 / 1,5 / 1 234 567 in the active language: no trailing zeros, grouped thousands.

    Takes what pages hold: Decimals and ints from models, and the strings ("12.00") that JSON
    snapshots of an application keep. Anything that is not a number is shown as it is.
    """
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if not amount.is_finite():
        return str(value)
    if amount == amount.to_integral_value():
        amount = amount.quantize(Decimal("1"))
    else:
        amount = amount.normalize()
    decimals = max(0, -amount.as_tuple().exponent)
    return formats.number_format(amount, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def short_date(value) -> str:
    """22.11.2026 in every language: dates, moments (in Astana time) and ISO strings from snapshots."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        value = astana(value) if value.tzinfo else value
        value = value.date()
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def short_datetime(moment: datetime | None) -> str:
    """22.11.2026 18:30 in Astana time, for tables and histories (no label: the page says it once)."""
    if moment is None or moment == "":
        return ""
    return formats.date_format(astana(moment) if moment.tzinfo else moment, "SHORT_DATETIME_FORMAT")
