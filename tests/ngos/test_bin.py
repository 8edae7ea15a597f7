"""The BIN rule of DOMAIN.md, exactly: structure (month, digit 5 in 4–6, digit 6 in 0–3) and the
two-pass mod-11 check digit."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import assume, given
from hypothesis import strategies as st

from ngos.bin import WEIGHTS_FIRST, check_digit, validate_bin

DOMAIN_EXAMPLES = ["940140000385", "950440001673", "990940003030", "000640002067"]


@st.composite
def first_eleven(draw) -> str:
    """Eleven digits with a valid structure: YYMM, kind (4, 5, 6), unit (0–3), five-digit serial."""
    year = draw(st.integers(0, 99))
    month = draw(st.integers(1, 12))
    kind = draw(st.sampled_from("456"))
    unit = draw(st.sampled_from("0123"))
    serial = draw(st.integers(0, 99999))
    return f"{year:02d}{month:02d}{kind}{unit}{serial:05d}"


def first_pass(first11: str) -> int:
    return sum(int(d) * w for d, w in zip(first11, WEIGHTS_FIRST, strict=True)) % 11


def is_rejected(value: str) -> bool:
    try:
        validate_bin(value)
    except ValidationError:
        return True
    return False


@pytest.mark.parametrize("value", DOMAIN_EXAMPLES)
def test_the_four_valid_examples_of_the_domain_pass(value):
    validate_bin(value)


@given(first_eleven())
def test_the_computed_check_digit_is_accepted(first11):
    digit = check_digit(first11)
    assume(digit is not None)
    validate_bin(first11 + str(digit))


@given(first_eleven())
def test_every_other_check_digit_is_rejected(first11):
    digit = check_digit(first11)
    assume(digit is not None)
    for other in set("0123456789") - {str(digit)}:
        with pytest.raises(ValidationError) as caught:
            validate_bin(first11 + other)
        assert caught.value.code == "bin_check"


@given(first_eleven())
def test_every_single_digit_change_is_rejected_where_the_algorithm_can_see_it(first11):
    """Changing any one digit makes the BIN invalid, except where the national algorithm is blind:

    - digit 11 has weight 11 ≡ 0 (mod 11) in the first pass, so a change there is invisible
      whenever the first pass decides the check digit;
    - when the first pass gives 10, the second pass decides, and a change can land on the same
      check digit by chance (about 1 change in 60).
    Everything else — every change of digits 1–10 and 12 decided by the first pass — is caught.
    """
    digit = check_digit(first11)
    assume(digit is not None)
    valid = first11 + str(digit)
    for position in range(12):
        for replacement in set("0123456789") - {valid[position]}:
            changed = valid[:position] + replacement + valid[position + 1:]
            blind = position == 10 or 10 in (first_pass(valid[:11]), first_pass(changed[:11]))
            if not blind:
                assert is_rejected(changed), f"{valid} → {changed} (digit {position + 1}) was accepted"


def test_the_check_digit_does_not_cover_digit_11_as_the_domain_defines_it():
    """Known property of the rule as written in DOMAIN.md: weight 11 in the first pass is 0 mod 11."""
    assert first_pass("94014000038") == first_pass("94014000031") == 5
    validate_bin("940140000315")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("94014000038", "bin_length"),
        ("9401400003851", "bin_length"),
        ("94014000038a", "bin_digits"),
        ("941340000385", "bin_month"),
        ("940170000385", "bin_kind"),
        ("940145000385", "bin_unit"),
        ("940140000386", "bin_check"),
    ],
)
def test_a_wrong_bin_says_what_is_wrong(value, code):
    with pytest.raises(ValidationError) as caught:
        validate_bin(value)
    assert caught.value.code == code
