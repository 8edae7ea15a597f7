"""The agreement's PDF: both texts, the amount in words in Kazakh and Russian, the bank details."""

import subprocess
from decimal import Decimal

import pytest

from agreements.words import amount_in_words

from . import factories as f

pytestmark = pytest.mark.django_db


def test_amounts_in_words_have_tenge_and_tiyn_in_both_languages():
    assert amount_in_words(Decimal("12345678.90"), "kk") == (
        "Он екі миллион үш жүз қырық бес мың алты жүз жетпіс сегіз теңге, тоқсан тиын")
    assert amount_in_words(Decimal("1000000"), "ru") == "Один миллион тенге, ноль тиынов"


def test_the_pdf_has_the_kazakh_and_the_russian_text_with_the_amount_in_words(media_root, tmp_path):
    grant = f.awarded_grant(budget=Decimal("12345678.90"))
    agreement = f.ready_to_sign(grant, f.head_of(grant.ngo))
    path = tmp_path / "agreement.pdf"
    with agreement.pdf.open("rb") as handle:
        path.write_bytes(handle.read())
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "Грант беру туралы шарт" in text and "Договор о предоставлении гранта" in text
    assert "Он екі миллион үш жүз қырық бес мың алты жүз жетпіс сегіз теңге, тоқсан тиын" in text
    assert "Двенадцать миллионов триста сорок пять тысяч шестьсот семьдесят восемь тенге, девяносто тиынов" in text
    assert f.IBAN in text and f.BIK in text
    assert grant.number in text
