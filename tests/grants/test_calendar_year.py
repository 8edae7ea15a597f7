"""The staff calendar's ?year=: a year beyond the calendar was a 500 (a date query past Python's years)."""

from datetime import date

import pytest
from django.utils import timezone

from grants.models import CalendarDay

from .test_staff_pages import signed_in, url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("asked", ["99999", "10000", "0", "-5", "1999", "2101", "x" * 500, "2027.5"])
def test_a_year_out_of_range_shows_this_year_with_a_message(client, asked):
    signed_in(client, "call_manager")
    CalendarDay.objects.create(date=date(timezone.localdate().year, 3, 22), name_kk="Наурыз", name_ru="Наурыз")
    response = client.get(url("calls:staff_calendar") + f"?year={asked}")
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year
    body = response.content.decode()
    assert "The calendar covers the years 2000 to 2100" in body
    assert "Наурыз" in body  # this year's days are shown


def test_a_year_in_range_is_shown_without_a_message(client):
    signed_in(client, "call_manager")
    CalendarDay.objects.create(date=date(2030, 1, 1), name_kk="Жаңа жыл", name_ru="Новый год")
    response = client.get(url("calls:staff_calendar") + "?year=2030")
    assert response.context["year"] == 2030
    assert "Новый год" in response.content.decode() or "Жаңа жыл" in response.content.decode()
    assert "The calendar covers" not in response.content.decode()
