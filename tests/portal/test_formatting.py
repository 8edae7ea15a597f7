from datetime import UTC, datetime
from decimal import Decimal

from django.utils import formats, translation

from portal.formatting import astana_time, deadline, tenge


def test_tenge_groups_thousands_with_a_space_and_adds_the_sign():
    assert tenge(Decimal("1234567")) == "1\xa0234\xa0567\xa0₸"


def test_tenge_keeps_tiyn_with_a_comma():
    assert tenge(Decimal("1234567.89")) == "1\xa0234\xa0567,89\xa0₸"


def test_tenge_of_nothing_is_empty():
    assert tenge(None) == ""


def test_kazakh_numbers_use_a_space_and_a_decimal_comma():
    with translation.override("kk"):
        shown = formats.number_format(Decimal("1234567.89"), 2, use_l10n=True, force_grouping=True)
        assert shown == "1\xa0234\xa0567,89"


def test_kazakh_dates_are_day_month_year_with_dots():
    with translation.override("kk"):
        assert formats.date_format(datetime(2026, 3, 22), "SHORT_DATE_FORMAT") == "22.03.2026"
        assert formats.date_format(datetime(2026, 3, 22), "DATE_FORMAT") == "22.03.2026"


def test_deadline_is_shown_in_astana_time_with_the_label():
    moment = datetime(2027, 3, 30, 13, 30, tzinfo=UTC)  # 18:30 in Astana (UTC+5)
    with translation.override("en"):
        assert deadline(moment) == "until 30.03.2027, 18:30 (Astana time)"
        assert astana_time(moment) == "30.03.2027, 18:30 (Astana time)"


def test_astana_is_utc_plus_five_in_winter_and_summer():
    for month in (1, 7):
        moment = datetime(2026, month, 1, 13, 30, tzinfo=UTC)
        with translation.override("en"):
            assert "18:30" in astana_time(moment)


def test_numbers_drop_trailing_zeros_and_group_thousands_in_the_page_language():
    from portal.formatting import number

    with translation.override("kk"):
        assert [number(v) for v in ("12.00", Decimal("300.00"), "1250.50", 1234567)] == [
            "12", "300", "1\xa0250,5", "1\xa0234\xa0567"]
    with translation.override("en"):
        assert number("1250.50") == "1,250.5"
    assert number(None) == "" and number("n/a") == "n/a"


def test_dates_and_moments_read_day_first_whatever_their_type():
    from datetime import date

    from portal.formatting import short_date, short_datetime

    moment = datetime(2026, 11, 22, 19, 30, tzinfo=UTC)  # 00:30 on the 23rd in Astana
    with translation.override("ru"):
        assert short_date("2026-11-22") == short_date(date(2026, 11, 22)) == "22.11.2026"
        assert short_date(moment) == "23.11.2026"
        assert short_datetime(moment) == "23.11.2026 00:30"
    assert short_date(None) == "" and short_date("not a date") == "not a date"


def test_english_moments_are_day_first_on_a_24_hour_clock():
    from portal.formatting import short_datetime

    with translation.override("en"):
        assert short_datetime(datetime(2026, 11, 22, 13, 30, tzinfo=UTC)) == "22.11.2026 18:30"
