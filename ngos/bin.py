"""The BIN (business identification number): 12 digits with a structure and a mod-11 check digit."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.identity import WEIGHTS_FIRST, check_digit

# The check digit is the IIN's too: one algorithm, kept in portal.identity.
__all__ = ["WEIGHTS_FIRST", "check_digit", "validate_bin"]


def validate_bin(value: str) -> None:
    value = (value or "").strip()
    if len(value) != 12:
        raise ValidationError(
            _("A BIN has 12 digits; this one has %(count)d."), code="bin_length", params={"count": len(value)}
        )
    if not (value.isascii() and value.isdigit()):  # str.isdigit alone takes ² and ١ for digits
        raise ValidationError(_("A BIN consists of digits only."), code="bin_digits")
    month = int(value[2:4])
    if not 1 <= month <= 12:
        raise ValidationError(
            _("Digits 3–4 of a BIN are the month of registration (01–12), not %(month)s."),
            code="bin_month", params={"month": value[2:4]},
        )
    if value[4] not in "456":
        raise ValidationError(
            _("Digit 5 of a BIN must be 4 (resident), 5 (non-resident) or 6 (joint entrepreneurship)."),
            code="bin_kind",
        )
    if value[5] not in "0123":
        raise ValidationError(
            _("Digit 6 of a BIN must be 0 (head unit), 1 (branch), 2 (representative office) or 3 (peasant farm)."),
            code="bin_unit",
        )
    expected = check_digit(value[:11])
    if expected is None or expected != int(value[11]):
        raise ValidationError(
            _("The check digit of this BIN does not match: please check the number for a typo."),
            code="bin_check",
        )
