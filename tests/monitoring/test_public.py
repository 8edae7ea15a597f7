"""What the public reads on the grant's page (reports): the values achieved once a report is accepted, and the
evaluation of efficiency once the operator publishes it — at once, though anonymous pages are cached."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from agreements.services import payment_record
from monitoring.choices import ReportKind
from monitoring.services import efficiency_publish, efficiency_score, report_review, report_submit
from tests.world import make_user

from . import factories as f

pytestmark = pytest.mark.django_db
SCORES = {"relevance": 5, "plan": 4, "results": 4, "continuation": 3, "impact": 4}
COMMENTS = {code: "Жоба жоспарға сай орындалды" for code in SCORES}


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PUBLIC_CACHE = True


def _served_from_cache(client, address) -> str:
    first = client.get(address)
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        second = client.get(address)
    assert len(queries) == 0 and second.content == first.content
    return second.content.decode()


def test_the_public_grant_page_shows_what_was_achieved_and_the_published_evaluation(
        client, django_capture_on_commit_callbacks):
    grant = f.running_grant()
    head = f.head_of(grant)
    officer = make_user("mon@example.kz", group="monitoring_officer")
    first = grant.tranches.get(position=1)
    payment_record(tranche=first, actor=make_user("fin@example.kz", group="finance_officer"),
                   paid_on=timezone.localdate(), amount=first.amount, order_number="ПП-1")
    with translation.override("kk"):
        address = reverse("grants:grant", kwargs={"number": grant.number})
    before = _served_from_cache(client, address)
    assert "Жоба жоспарға сай орындалды" not in before
    with django_capture_on_commit_callbacks(execute=True):
        report = f.fill(f.report_of(grant, ReportKind.FINAL), head, achieved="87")
        report_submit(report=report, actor=head)
        report_review(report=report, actor=officer, accept=True)
    assert ">87<" in _served_from_cache(client, address)
    with django_capture_on_commit_callbacks(execute=True):
        efficiency_score(grant=grant, actor=officer, side="operator", scores=SCORES, comments=COMMENTS)
    assert "Жоба жоспарға сай орындалды" not in _served_from_cache(client, address)  # scored, not published
    with django_capture_on_commit_callbacks(execute=True):
        efficiency_publish(grant=grant, actor=officer)
    after = _served_from_cache(client, address)
    assert "Жоба жоспарға сай орындалды" in after and "20" in after
