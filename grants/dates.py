"""Long dates with the month spelled out, grammatical in each language: «2027 жылғы 30 наурыз»,
«30 марта 2027 г.», «30 March 2027». Tables keep the short form (portal.formatting)."""

from datetime import datetime

from django.utils import translation
from django.utils.translation import gettext as _

from portal.formatting import astana

MONTHS = {
    # Kazakh: the nominative after the day («30 наурыз»), the year in the attributive «жылғы».
    "kk": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
           "қараша", "желтоқсан"],
    # Russian: the genitive after the day («30 марта»).
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}


def _parts(moment: datetime) -> dict:
    local = astana(moment)
    language = (translation.get_language() or "kk")[:2]
    months = MONTHS.get(language, MONTHS["en"])
    return {"day": local.day, "month": months[local.month - 1], "year": local.year, "time": local.strftime("%H:%M")}


def long_deadline(moment: datetime | None) -> str:
    """'until 30 March 2027, 18:30 (Astana time)' in the active language."""
    if moment is None:
        return ""
    return _("until %(day)s %(month)s %(year)s, %(time)s (Astana time)") % _parts(moment)


def long_moment(moment: datetime | None) -> str:
    """'30 March 2027, 18:30 (Astana time)' in the active language."""
    if moment is None:
        return ""
    return _("%(day)s %(month)s %(year)s, %(time)s (Astana time)") % _parts(moment)
