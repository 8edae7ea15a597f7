"""How money and moments read on the page and in PDFs, whatever the language."""

from datetime import datetime
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
