"""Staff screening pages: the list of a call runs fixed queries; the forms screen and decide."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from grants.applications.models import Application

from ..applications.factories import LotFactory, NGOFactory, person, ready_application

pytestmark = pytest.mark.django_db
# Pinned, as pretalx does: a new query on this page is a decision, not an accident.
SCREENING_CALL_QUERIES = 8


def test_the_call_page_runs_the_same_queries_for_one_or_many_applications(client, submitted, officer):
    client.force_login(officer)
    call = submitted.lot.call
    url = reverse("screening:call", kwargs={"call": call.code})
    client.get(url)  # the first request of a session also notes the passed second factor
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(4):
        ngo = NGOFactory()
        app = ready_application(LotFactory(call=call), ngo)
        app.status, app.registration_number, app.sequence = "submitted", f"{call.code}-9{ngo.pk:03d}", ngo.pk
        app.save()
    with CaptureQueriesContext(connection) as many:
        body = client.get(url).content.decode()
    assert "5 applications submitted" in body
    assert len(one) == len(many) == SCREENING_CALL_QUERIES


def test_an_officer_screens_and_decides_through_the_forms(client, submitted, officer):
    client.force_login(officer)
    kwargs = {"call": submitted.lot.call.code, "pk": submitted.pk}
    client.post(reverse("screening:start", kwargs=kwargs))
    page = client.get(reverse("screening:application", kwargs=kwargs)).content.decode()
    assert "Listed in the NGO database for 2025." in page
    data = {f"result_{code}": "pass" for code in (
        "ngo_listed", "not_in_liquidation", "not_bankrupt", "not_suspended", "budget_rules", "documents_present",
        "documents_valid", "activities_within_lot")}
    assert client.post(reverse("screening:checks", kwargs=kwargs), data).status_code == 302
    response = client.post(reverse("screening:decide", kwargs=kwargs), {"decision": "admitted"})
    assert response.status_code == 302
    assert Application.objects.get(pk=submitted.pk).status == "admitted"


def test_a_refused_decision_shows_why_and_keeps_the_reasons_typed(client, submitted, officer):
    client.force_login(officer)
    kwargs = {"call": submitted.lot.call.code, "pk": submitted.pk}
    client.post(reverse("screening:start", kwargs=kwargs))
    response = client.post(reverse("screening:decide", kwargs=kwargs),
                           {"decision": "not_admitted", "reason_kk": "Себебі", "reason_ru": ""})
    assert response.status_code == 422
    body = response.content.decode()
    assert "Record every check first" in body and "Себебі</textarea>" in body


def test_the_auditor_reads_but_cannot_screen(client, submitted):
    from tests.world import make_user

    auditor = make_user("auditor@example.kz", group="auditor")
    client.force_login(auditor)
    kwargs = {"call": submitted.lot.call.code, "pk": submitted.pk}
    assert client.get(reverse("screening:application", kwargs=kwargs)).status_code == 200
    assert client.post(reverse("screening:start", kwargs=kwargs)).status_code == 403
    assert not hasattr(Application.objects.get(pk=submitted.pk), "screening_record")


def test_drafts_are_not_listed_for_staff(client, submitted, officer, lot):
    other = NGOFactory()
    person(other, "head")
    draft = ready_application(LotFactory(call=lot.call), other, title="Жоба-жоба")
    client.force_login(officer)
    body = client.get(reverse("screening:call", kwargs={"call": lot.call.code})).content.decode()
    assert draft.title not in body and submitted.title in body


def test_staff_do_not_read_a_withdrawn_application_being_changed(client, application, head, call, officer):
    from datetime import timedelta

    from grants.applications import services as application_services

    application_services.application_submit(application=application, actor=head, now=call.closes_at - timedelta(2))
    application_services.application_withdraw(application=application, actor=head, reason="Қайта жазамыз",
                                              now=call.closes_at - timedelta(1))
    Application.objects.filter(pk=application.pk).update(summary="Жаңа, әлі тапсырылмаған мәтін")
    client.force_login(officer)
    page = client.get(reverse("screening:application", kwargs={"call": call.code, "pk": application.pk}))
    body = page.content.decode()
    assert "The NGO withdrew this application" in body and "әлі тапсырылмаған" not in body
