"""The applicant's pages: what each role sees, fixed query counts, and refusals that lose nothing."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from grants.applications import services
from grants.applications.models import Application, Submission
from portal.formatting import astana_time

from .factories import LotFactory, ready_application

pytestmark = pytest.mark.django_db
# Pinned, as pretalx does: a new query on this page is a decision, not an accident.
APPLICATIONS_LIST_QUERIES = 7


def urls_of(application, submission=None):
    pk = application.pk
    document = application.documents.first().pk
    names = [
        ("applications:detail", {}), ("applications:section", {"section": "overview"}),
        ("applications:documents", {}), ("applications:document", {"document": document}),
        ("applications:document_replace", {"document": document}),
        ("applications:document_delete", {"document": document}), ("applications:check", {}),
        ("applications:submit", {}), ("applications:withdraw", {}),
    ]
    if submission:
        names.append(("applications:receipt", {"submission": submission.pk}))
    return [reverse(name, kwargs={"pk": pk, **extra}) for name, extra in names]


def test_another_ngos_application_is_never_visible_even_by_guessing_its_urls(client, application, head, outsider,
                                                                              before_deadline):
    submission = services.application_submit(application=application, actor=head, now=before_deadline)
    client.force_login(outsider)
    for url in urls_of(application, submission):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"version": 0, "title": "x", "reason": "x"}).status_code == 404, url
    assert Application.objects.get(pk=application.pk).status == "submitted"
    body = client.get(reverse("applications:list")).content.decode()
    assert application.title not in body


def test_staff_do_not_see_drafts_but_read_submitted_applications_and_documents(client, application, head,
                                                                               before_deadline):
    from tests.world import make_user

    officer = make_user("screening@example.kz", group="screening_officer")
    client.force_login(officer)
    detail = reverse("applications:detail", kwargs={"pk": application.pk})
    assert client.get(detail).status_code == 404
    submission = services.application_submit(application=application, actor=head, now=before_deadline)
    assert "Жастар еріктілері мектебі" in client.get(detail).content.decode()
    document = application.documents.first()
    url = reverse("applications:document", kwargs={"pk": application.pk, "document": document.pk})
    assert client.get(url).status_code == 200
    receipt = client.get(reverse("applications:receipt", kwargs={"pk": application.pk, "submission": submission.pk}))
    assert receipt["Content-Type"] == "application/pdf"


def test_my_applications_runs_the_same_queries_for_one_or_many(client, application, ngo, head, media_root,
                                                                before_deadline):
    client.force_login(head)
    services.application_submit(application=application, actor=head, now=before_deadline)
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("applications:list")).status_code == 200
    for _ in range(4):
        other = ready_application(LotFactory(call=application.lot.call), ngo)
        services.application_submit(application=other, actor=head, now=before_deadline)
    with CaptureQueriesContext(connection) as many:
        body = client.get(reverse("applications:list")).content.decode()
    assert body.count("Receipt ") == 5
    assert len(one) == len(many) == APPLICATIONS_LIST_QUERIES


def test_the_check_page_lists_every_problem_before_submission(client, application, member):
    application.summary = ""
    application.save()
    application.budget_lines.filter(category="institutional").update(unit_cost=3_000_000)
    client.force_login(member)
    body = client.get(reverse("applications:check", kwargs={"pk": application.pk})).content.decode()
    assert "Write a short summary of the project." in body
    assert "institutional development ≤ 10 % of the total" in body
    assert "2 things stand between this draft and its submission" in body
    assert "Only the head of the NGO submits" in body  # a member cannot submit


def test_the_submit_page_refuses_a_late_submission_showing_the_deadline(client, application, head, call):
    client.force_login(head)
    Submission.objects.all().delete()
    call.closes_at = call.closes_at - timedelta(days=30)
    call.opens_at = call.closes_at - timedelta(days=30)
    call.save()
    response = client.post(reverse("applications:submit", kwargs={"pk": application.pk}))
    assert response.status_code == 409
    body = response.content.decode()
    assert "The application was not submitted. The draft is intact." in body
    assert f"applications were accepted until {astana_time(call.closes_at)}" in body
    application.refresh_from_db()
    assert application.status == "draft" and application.title == "Жастар еріктілері мектебі"


def test_submitting_through_the_page_gives_the_number_and_a_receipt(client, application, head):
    client.force_login(head)
    response = client.post(reverse("applications:submit", kwargs={"pk": application.pk}), follow=True)
    application.refresh_from_db()
    body = response.content.decode()
    assert application.registration_number in body
    submission = application.submissions.get()
    assert reverse("applications:receipt", kwargs={"pk": application.pk, "submission": submission.pk}) in body
    # A second click on the same page: the same receipt, no second number.
    client.post(reverse("applications:submit", kwargs={"pk": application.pk}))
    assert application.submissions.count() == 1


def test_a_member_sees_the_submission_page_refused(client, application, member):
    client.force_login(member)
    assert client.get(reverse("applications:submit", kwargs={"pk": application.pk})).status_code == 403


def test_starting_twice_continues_the_same_application(client, lot, ngo, member):
    client.force_login(member)
    url = reverse("applications:start", kwargs={"lot": lot.code})
    first = client.post(url, {"ngo": ngo.pk})
    second = client.post(url, {"ngo": ngo.pk})
    assert first["Location"] == second["Location"]
    assert Application.objects.filter(lot=lot, ngo=ngo).count() == 1


def test_an_unverified_ngo_cannot_start(client, lot, ngo, member):
    ngo.verification = "pending"
    ngo.save()
    client.force_login(member)
    assert client.get(reverse("applications:start", kwargs={"lot": lot.code})).status_code == 403


def test_the_dashboard_panel_leads_back_to_the_draft(rf, application, member):
    from grants.applications.dashboard import panels

    request = rf.get("/")
    request.user = member
    (panel,) = panels(request)
    (item,) = panel["items"]
    assert item["url"] == reverse("applications:section", kwargs={"pk": application.pk, "section": "overview"})
    assert "Draft" in item["note"]


def test_a_lot_of_a_call_not_yet_announced_cannot_be_applied_to(client, lot, member):
    lot.call.status, lot.call.announced_at = "draft", None
    lot.call.save()
    client.force_login(member)
    assert client.get(reverse("applications:start", kwargs={"lot": lot.code})).status_code == 404


def test_the_budget_section_hands_the_rules_to_the_browser_from_the_python_constants(client, application, member,
                                                                                     monkeypatch):
    """money.js reads the rules from the page: change the constant and the page changes with it."""
    import re

    from grants.applications import budget

    monkeypatch.setattr(budget, "INSTITUTIONAL_SHARE_PERCENT", budget.Decimal("15"))
    client.force_login(member)
    url = reverse("applications:section", kwargs={"pk": application.pk, "section": "budget"})
    body = client.get(url).content.decode()
    table = dict(re.findall(r'(data-[a-z-]+)="([^"]*)"', re.search(r"<table[^>]*budget-table[^>]*>", body).group()))
    assert table["data-institutional-share-percent"] == "15"
    assert table["data-direct-categories"].split() == ["equipment", "materials", "services", "staff", "travel"]
    assert (table["data-institutional-category"], table["data-administrative-category"]) == (
        "institutional", "administrative")
    scripts = re.findall(r'<script src="([^"]+)"', body)
    assert scripts.index("/static/js/money.js") < scripts.index("/static/js/application-form.js")
