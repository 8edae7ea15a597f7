"""The public results page (reports): what was published, by call, in the reader's language."""

import pytest
from django.urls import reverse
from django.utils import translation

from grants.screening import services
from grants.screening.models import ScreeningConclusion
from tests.grants.screening.conftest import close
from tests.grants.screening.test_conclusion import PASS_ALL, decide_both

pytestmark = pytest.mark.django_db
# Pinned, as pretalx does: a new query on this page is a decision, not an accident.
RESULTS_LIST_QUERIES = 4  # conclusions, minutes, and the appeals counted per call (one GROUP BY)


@pytest.mark.parametrize(
    "language, reason", [("kk", "ҮЕҰ 2025 жылға ҮЕҰ дерекқорында жоқ."), ("ru", "НПО отсутствует в базе данных НПО")]
)
def test_the_public_page_lists_admitted_and_rejected_with_reasons(client, submitted, second, officer, language,
                                                                  reason):
    decide_both(submitted, second, officer)
    services.conclusion_publish(call=submitted.lot.call, actor=officer)
    with translation.override(language):
        url = reverse("results:screening", kwargs={"call": submitted.lot.call.code})
    body = client.get(url).content.decode()
    admitted_part, rejected_part = body.split('id="rejected-heading"')
    assert submitted.registration_number in admitted_part and second.registration_number not in admitted_part
    assert second.registration_number in rejected_part and reason in rejected_part


def test_the_results_list_shows_the_published_conclusion_by_call(client, submitted, second, officer):
    decide_both(submitted, second, officer)
    conclusion = services.conclusion_publish(call=submitted.lot.call, actor=officer)
    with translation.override("kk"):  # a test before may leave another language active in this thread
        body = client.get(reverse("results:list")).content.decode()
    assert conclusion.number in body and submitted.lot.call.title_kk in body


def test_the_results_list_runs_the_same_queries_for_one_or_many_calls(client, submitted, second, officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    decide_both(submitted, second, officer)
    services.conclusion_publish(call=submitted.lot.call, actor=officer)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("results:list"))
    for _ in range(3):
        _another_published_call(officer)
    with CaptureQueriesContext(connection) as many:
        body = client.get(reverse("results:list")).content.decode()
    for conclusion in ScreeningConclusion.objects.all():
        assert conclusion.number in body
    assert ScreeningConclusion.objects.count() == 4
    assert len(one) == len(many) == RESULTS_LIST_QUERIES


def _another_published_call(officer):
    from datetime import timedelta

    from django.utils import timezone

    from grants.applications import services as application_services
    from tests.grants.applications.factories import LotFactory, NGOFactory, person, ready_application

    lot = LotFactory()
    ngo = NGOFactory()
    head = person(ngo, "head")
    app = ready_application(lot, ngo)
    application_services.application_submit(application=app, actor=head, now=timezone.now())
    close(lot.call)
    screening = services.screening_start(application=app, actor=officer)
    services.screening_record_checks(screening=screening, actor=officer,
                                     results={**PASS_ALL, "ngo_listed": ("pass", "Есеп бар")})
    services.screening_decide(screening=screening, decision="admitted", actor=officer)
    services.conclusion_publish(call=lot.call, actor=officer, now=timezone.now() + timedelta(seconds=1))




def test_the_results_list_shows_the_commission_minutes_evaluations_published(client, scored):
    """reports reads evaluations directly (no import_module hook): published minutes are listed by call."""
    from evaluations.services.meetings import lot_decide, meeting_close, meeting_publish, meeting_render_minutes
    from tests.evaluations.test_meeting import open_with

    meeting = open_with(scored, present=2)
    lot_decide(meeting=meeting, lot=scored["lot"], actor=scored["manager"], confirm=True)
    meeting_close(meeting=meeting, actor=scored["manager"])
    meeting_render_minutes(meeting=meeting)
    with translation.override("kk"):
        url = reverse("results:list")
        minutes_pdf = reverse("evaluations:minutes_pdf", kwargs={"pk": meeting.pk, "language": "kk"})
    assert minutes_pdf not in client.get(url).content.decode()  # not before it is published
    meeting_publish(meeting=meeting, actor=scored["members"][0].expert.user)
    body = client.get(url).content.decode()
    assert minutes_pdf in body and scored["call"].code in body
