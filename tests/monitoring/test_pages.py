"""The pages: the staff queue runs a pinned number of queries with 1 and 50 reports; another NGO's report does not
exist for an NGO; the comments of a review stand beside the fields of the section they are about."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements.models import BudgetVersion, Grant
from monitoring.choices import ReportKind, Section
from monitoring.models import GrantReport
from monitoring.services import report_review, report_submit
from tests.evaluations import factories as ef
from tests.world import make_user

from . import factories as f

pytestmark = pytest.mark.django_db
QUEUE_QUERIES = 5


def _more_grants(base: Grant, count: int) -> None:
    """Grants like `base` (each with its interim and final reports), written directly: the queue only reads them."""
    for n in range(count):
        application = ef.admitted_application(base.lot)
        grant = Grant.objects.create(
            number=f"{base.number}-X{n}", application=application, ngo=application.ngo, lot=base.lot, call=base.call,
            title=f"Жоба {n}", amount=base.amount, awarded_on=base.awarded_on, sign_by=base.sign_by,
            starts_on=base.starts_on, ends_on=base.ends_on, interim_report_due=base.interim_report_due,
            final_report_due=base.final_report_due, status=base.status, budget=base.budget)
        BudgetVersion.objects.create(grant=grant, version=1, by_category=base.budget, in_force_from=base.awarded_on)
        GrantReport.objects.bulk_create([GrantReport(grant=grant, kind=k, due_on=base.final_report_due)
                                         for k in ReportKind.values])


def _queue(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("monitoring:queue"))
    assert response.status_code == 200
    return response, len(queries)


def test_the_report_queue_runs_the_same_queries_for_1_and_50_reports(client):
    officer = make_user("mon@example.kz", group="monitoring_officer")
    client.force_login(officer)
    grant = f.running_grant()
    GrantReport.objects.filter(grant=grant, kind=ReportKind.FINAL).delete()
    _queue(client)  # the first request of a session reads what later ones find cached
    _response, one = _queue(client)
    _more_grants(grant, 25)
    response, many = _queue(client)
    assert response.content.decode().count('href="/kk/reports/') == 51
    assert one == many == QUEUE_QUERIES, (one, many)


def test_an_ngo_never_sees_another_ngos_report(client):
    grant = f.running_grant()
    other = f.running_grant()
    client.force_login(f.head_of(other))
    response = client.get(reverse("monitoring:report", kwargs={"pk": f.report_of(grant).pk}))
    assert response.status_code == 404
    mine = client.get(reverse("monitoring:mine")).content.decode()
    assert other.number in mine and grant.number not in mine


def test_the_officers_comment_stands_beside_the_section_it_is_about(client):
    grant = f.running_grant()
    head = f.head_of(grant)
    report = f.fill(f.report_of(grant), head)
    report_submit(report=report, actor=head)
    officer = make_user("mon@example.kz", group="monitoring_officer")
    report_review(report=report, actor=officer, accept=False, comments={Section.FINANCE: "Чектерді қосыңыз"})
    client.force_login(head)
    finance = client.get(reverse("monitoring:section", kwargs={"pk": report.pk, "section": "finance"}))
    narrative = client.get(reverse("monitoring:section", kwargs={"pk": report.pk, "section": "narrative"}))
    assert "Чектерді қосыңыз" in finance.content.decode()
    assert "Чектерді қосыңыз" not in narrative.content.decode()
