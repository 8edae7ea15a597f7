"""What people type into an application keeps its value: dates survive a re-save, numbers are never misread,
texts have limits, and the activity plan's dates must make sense (each refusal names the row)."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from grants.applications.models import ApplicationActivity
from portal.formatting import ASTANA

pytestmark = pytest.mark.django_db


def section_url(application, section, language="en"):
    return f"/{language}" + reverse("applications:section", kwargs={"pk": application.pk, "section": section})[3:]


def posted_values(html: str) -> dict:
    """What the browser would post back for the page as rendered: every input's name and value attribute."""
    data = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or 'type="checkbox"' in tag or 'type="submit"' in tag:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        data[name.group(1)] = value.group(1) if value else ""
    for name, text in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        data[name] = text.strip()
    return data


def plan_start(application):
    return application.lot.call.closes_at.astimezone(ASTANA).date() + timedelta(days=30)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_saving_the_activity_plan_again_as_rendered_keeps_every_date(client, application, member, language):
    start = plan_start(application)
    ApplicationActivity.objects.filter(application=application).update(starts_on=start, ends_on=start + timedelta(60))
    client.force_login(member)
    page = client.get(section_url(application, "activities", language)).content.decode()
    data = posted_values(page)
    assert data["rows-0-starts_on"] == start.isoformat()  # not 10.01.2027: a date input would show it empty

    response = client.post(section_url(application, "activities", language), {**data, "version": 0})

    assert response.status_code == 302, response.content.decode()[:2000]
    activity = ApplicationActivity.objects.get(application=application)
    assert (activity.starts_on, activity.ends_on) == (start, start + timedelta(60))


def activity_rows(*rows):
    data = {"version": 0, "rows-TOTAL_FORMS": len(rows), "rows-INITIAL_FORMS": 0, "rows-MIN_NUM_FORMS": 0,
            "rows-MAX_NUM_FORMS": 200}
    for index, (name, starts, ends) in enumerate(rows):
        data.update({f"rows-{index}-activity": name, f"rows-{index}-starts_on": starts.isoformat(),
                     f"rows-{index}-ends_on": ends.isoformat(), f"rows-{index}-outputs": ""})
    return data


def test_an_activity_that_ends_before_it_starts_is_refused_naming_the_row(client, application, member):
    start = plan_start(application)
    client.force_login(member)
    data = activity_rows(("Тренингтер", start, start + timedelta(10)), ("Жазғы лагерь", start + timedelta(20), start))
    response = client.post(section_url(application, "activities"), data)
    assert response.status_code == 422
    assert "Row 2 («Жазғы лагерь») ends before it starts." in response.content.decode()
    assert ApplicationActivity.objects.get(application=application).activity == "Тренингтер"  # nothing saved


def test_an_activity_outside_the_lots_term_is_refused_naming_the_row(client, application, member):
    start, months = plan_start(application), application.lot.term_months
    client.force_login(member)
    data = activity_rows(("Тренингтер", start, start + timedelta(30)),
                         ("Форум", start + timedelta(150), start + timedelta(31 * months + 1)))
    response = client.post(section_url(application, "activities"), data)
    assert response.status_code == 422
    body = response.content.decode()
    assert "Row 2 («Форум») ends on" in body and f"outside the lot&#x27;s term of {months} months" in body


def test_an_activity_before_applications_close_is_refused(client, application, member):
    closes = application.lot.call.closes_at.astimezone(ASTANA).date()
    client.force_login(member)
    response = client.post(section_url(application, "activities"),
                           activity_rows(("Тренингтер", closes - timedelta(5), closes + timedelta(30))))
    assert response.status_code == 422
    assert "Row 1 («Тренингтер») starts on" in response.content.decode()


def budget_row(quantity):
    return {"version": 0, "rows-TOTAL_FORMS": 1, "rows-INITIAL_FORMS": 0, "rows-MIN_NUM_FORMS": 0,
            "rows-MAX_NUM_FORMS": 300, "rows-0-category": "staff", "rows-0-description": "Тренер",
            "rows-0-unit": "ай", "rows-0-quantity": quantity, "rows-0-unit_cost": "400 000"}


@pytest.mark.parametrize("language", ["en", "kk", "ru"])
def test_a_budget_quantity_with_a_decimal_comma_is_one_and_a_half_in_every_language(
    client, application, member, language
):
    client.force_login(member)
    response = client.post(section_url(application, "budget", language), budget_row("1,5"))
    assert response.status_code == 302
    line = application.budget_lines.get()
    assert line.quantity == Decimal("1.5") and line.unit_cost == Decimal("400000")


def test_an_ambiguous_budget_quantity_is_refused_with_a_message(client, application, member):
    client.force_login(member)
    response = client.post(section_url(application, "budget"), budget_row("1,234,5"))
    assert response.status_code == 422
    assert "one decimal separator" in response.content.decode()
    assert application.budget_lines.count() == 4  # the saved budget is untouched


def test_a_negative_indicator_target_is_refused(client, application, member):
    client.force_login(member)
    page = client.get(section_url(application, "indicators")).content.decode()
    data = {**posted_values(page), "version": 0, "lot-0-target": "-5"}
    response = client.post(section_url(application, "indicators"), data)
    assert response.status_code == 422
    assert application.indicators.filter(target__lt=0).count() == 0


def test_a_ten_megabyte_text_is_refused_and_the_limit_is_shown(client, application, member):
    client.force_login(member)
    page = client.get(section_url(application, "problem")).content.decode()
    assert re.search(r'<textarea[^>]*name="problem"[^>]*maxlength="10000"', page)
    assert re.search(r'<textarea[^>]*name="problem"[^>]*data-counter="', page)
    response = client.post(section_url(application, "problem"),
                           {"version": 0, "problem": "а" * 10_000_000, "goals": "Мақсат"})
    assert response.status_code == 422
    application.refresh_from_db()
    assert application.problem == "Аудандарда жастардың азаматтық белсенділігі төмен."
