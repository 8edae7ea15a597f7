"""Bad input the probe of a production-like instance sent: each got a 500 or was silently accepted."""

import pytest
from django.urls import reverse

from grants.applications.models import Application

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def section_url(application, section):
    return reverse("applications:section", kwargs={"pk": application.pk, "section": section})


@pytest.mark.parametrize("version", ["99999999999999999999", "2147483648", "-1", "", "v1"])
@pytest.mark.parametrize("htmx", [True, False], ids=["autosave", "save"])
def test_a_version_out_of_range_is_refused_with_a_message(client, application, member, version, htmx):
    client.force_login(member)
    response = client.post(section_url(application, "team"), {"version": version, "team": "Жаңа мәтін"},
                           **(HTMX if htmx else {}))
    assert response.status_code == 400
    assert "reload the page" in response.content.decode()
    application.refresh_from_db()
    assert application.team != "Жаңа мәтін"


def budget_post(application, total_forms):
    rows = list(application.budget_lines.all())
    data = {"version": 0, "rows-TOTAL_FORMS": str(total_forms), "rows-INITIAL_FORMS": "0"}
    for n, line in enumerate(rows):
        data.update({f"rows-{n}-category": line.category, f"rows-{n}-description": line.description,
                     f"rows-{n}-unit": line.unit, f"rows-{n}-quantity": str(line.quantity),
                     f"rows-{n}-unit_cost": str(line.unit_cost)})
    return data


@pytest.mark.parametrize("total", [-1, -1000])
def test_a_negative_row_count_is_refused_and_keeps_the_rows(client, application, member, total):
    before = application.budget_lines.count()
    assert before  # a ready application has a budget: a wiped one would show
    client.force_login(member)
    response = client.post(section_url(application, "budget"), budget_post(application, total), **HTMX)
    assert response.status_code == 422
    assert "damaged" in response.content.decode()
    assert Application.objects.get(pk=application.pk).budget_lines.count() == before
