"""Kazakh identification numbers: the IIN of a person and the BIN of an organisation share one mod-11 check digit.

The BIN's own structure is checked in ngos.bin; the IIN is checked here because a user (any role) carries it,
and a qualified electronic signature names its signer by it (`SERIALNUMBER=IIN…` in the certificate).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEIGHTS_FIRST = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
WEIGHTS_SECOND = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
# Digit 7 of an IIN: the century of birth and the sex (1/2: 19th, 3/4: 20th, 5/6: 21st century).
CENTURY = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}


def check_digit(first11: str) -> int | None:
    """The 12th digit for these 11, or None when no digit can make a valid number."""
    digits = [int(c) for c in first11]
    value = sum(d * w for d, w in zip(digits, WEIGHTS_FIRST, strict=True)) % 11
    if value == 10:
        value = sum(d * w for d, w in zip(digits, WEIGHTS_SECOND, strict=True)) % 11
        if value == 10:
            return None
    return value


def validate_iin(value: str) -> None:
    """12 digits: the date of birth (YYMMDD), the century and sex, a serial and the check digit."""
    value = (value or "").strip()
    if len(value) != 12:
        raise ValidationError(
            _("An IIN has 12 digits; this one has %(count)d."), code="iin_length", params={"count": len(value)}
        )
    if not (value.isascii() and value.isdigit()):
        raise ValidationError(_("An IIN consists of digits only."), code="iin_digits")
    if value[6] not in CENTURY:
        raise ValidationError(
            _("Digit 7 of an IIN gives the century of birth and the sex (1 to 6)."), code="iin_century"
        )
    try:
        date(CENTURY[value[6]] + int(value[:2]), int(value[2:4]), int(value[4:6]))
    except ValueError:
        raise ValidationError(
            _("Digits 1–6 of an IIN are the date of birth (YYMMDD); %(digits)s is not a date."),
            code="iin_date", params={"digits": value[:6]},
        ) from None
    expected = check_digit(value[:11])
    if expected is None or expected != int(value[11]):
        raise ValidationError(
            _("The check digit of this IIN does not match: please check the number for a typo."), code="iin_check"
        )


def mask_iin(value: str) -> str:
    """What a page or a receipt shows of a signer's IIN: the first two and the last two digits."""
    value = value or ""
    return f"{value[:2]}••••••••{value[-2:]}" if len(value) == 12 else value
