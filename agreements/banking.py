"""Kazakh bank details: the IIK is an IBAN (KZ, two check digits, 16 characters), the BIK a SWIFT-like code."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

IBAN_RE = re.compile(r"^KZ[0-9]{2}[0-9A-Z]{16}$")
BIK_RE = re.compile(r"^[A-Z]{4}KZ[0-9A-Z]{2}$")


def normalise_iban(value: str) -> str:
    return re.sub(r"\s+", "", value or "").upper()


def iban_checksum_ok(iban: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters to numbers (A=10…), mod 97 is 1."""
    moved = iban[4:] + iban[:4]
    digits = "".join(str(int(ch, 36)) for ch in moved)
    return int(digits) % 97 == 1


def validate_iban(value: str) -> str:
    iban = normalise_iban(value)
    if not IBAN_RE.match(iban):
        raise ValidationError(_("An IIK (IBAN) in Kazakhstan is KZ followed by 18 digits or capital Latin letters."),
                              code="iban_format")
    if not iban_checksum_ok(iban):
        raise ValidationError(_("The IIK (IBAN) check digits do not match: check the number for a typing error."),
                              code="iban_checksum")
    return iban


def validate_bik(value: str) -> str:
    bik = (value or "").strip().upper()
    if not BIK_RE.match(bik):
        raise ValidationError(_("A BIK is eight capital Latin letters or digits with KZ in the middle: KCJBKZKX."),
                              code="bik_format")
    return bik


def make_iban(bank_code: str, account: str) -> str:
    """A valid IBAN from a bank code and an account (demo data and tests)."""
    body = (bank_code + account).upper()
    digits = "".join(str(int(ch, 36)) for ch in body + "KZ00")
    return f"KZ{98 - int(digits) % 97:02d}{body}"
