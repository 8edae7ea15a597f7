"""The submission at a deadline (issue 11): a pinned number of queries whatever the application holds, the
snapshot and the e-mails built from what the submission read, the receipt rendered by the worker."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from grants.applications.models import Application, ApplicationActivity, BudgetLine, CallCounter, Submission
from portal.models import OutboxMessage

from .factories import person

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the one-query read is PostgreSQL's"),
]
# Session, user, the user's groups and roles in NGOs (one query: portal.rules.load_user_facts, for the MFA check
# and the rules); then in one transaction: the application locked with its rows and the members to tell (one
# query on PostgreSQL, read once for the rules, the signed document and the submission), the number, the
# submission, the application's new state, its audit entry (which names the signature:
# portal.audit.joining_change), the outbox and the signature record (written once, about the submission); and the
# lot marked for the statistics' tallies (reports/tallies.py: one insert, no row another submission waits on).
# Was 30 on main before issue 11's second part (18 without the signature step, which read everything again),
# then 14 (the signature record was written before the submission and corrected after it); 14 until the
# user's groups and roles were read in one query, 13 while the signature had an audit entry of its own, 12 while
# the view read the application for the rules before the locked read.
SUBMIT_QUERIES = 11


def grow(application, ngo, rows: int):
    for position in range(1, rows):
        ApplicationActivity.objects.create(
            application=application, position=position, activity=f"Кездесу {position}", starts_on=date(2026, 4, 1),
            ends_on=date(2026, 5, 1), outputs="1 кездесу",
        )
    for position in range(rows):
        person(ngo, "member", email=f"member{position}@example.kz")
    # The budget keeps its shares: the same lines split in two, the total unchanged.
    for line in list(application.budget_lines.all()):
        BudgetLine.objects.create(
            application=application, position=line.position + 100, category=line.category,
            description=f"{line.description} (2)", unit=line.unit, quantity=line.quantity,
            unit_cost=line.unit_cost / 2,
        )
        line.unit_cost = line.unit_cost / 2
        line.save()


def submit(client, application):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("applications:submit", kwargs={"pk": application.pk}))
    assert response.status_code == 302, response.content.decode()[:500]
    return [q["sql"] for q in queries.captured_queries if q["sql"] not in ("BEGIN", "COMMIT")
            and not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]


@pytest.mark.parametrize("rows", [1, 6])
def test_a_submission_runs_the_same_queries_for_one_row_or_many(client, application, ngo, head, rows):
    grow(application, ngo, rows)
    client.force_login(head)
    client.get(reverse("applications:submit", kwargs={"pk": application.pk}))  # sites, translations
    for model in (Application, Submission):  # cached for the process: the first audit entries read them
        ContentType.objects.get_for_model(model)
    CallCounter.objects.create(call=application.lot.call)  # made by the call's first submission only
    queries = submit(client, application)
    assert len(queries) == SUBMIT_QUERIES, "\n\n".join(queries)
    submission = application.submissions.get()
    # The snapshot holds every row the checks read, from the same query.
    assert len(submission.snapshot["activities"]) == rows
    assert len(submission.snapshot["budget"]["lines"]) == 8
    assert Decimal(submission.snapshot["budget"]["total"]) > 0
    # Every active member is told, and nothing was rendered to PDF in the request.
    told = set(OutboxMessage.objects.values_list("recipient", flat=True))
    assert told == set(ngo.memberships.values_list("user__email", flat=True))
    assert not submission.receipt


def test_the_signed_document_and_the_submission_share_one_snapshot(client, application, head, monkeypatch):
    """The snapshot is built once a submission, for the document the head signs (its hash) and then for the
    submission (the snapshot itself), from the rows read under the lock."""
    from grants.applications import selectors
    from portal.esign.models import SignatureRecord

    built = []
    real = selectors.build_snapshot
    monkeypatch.setattr(selectors, "build_snapshot", lambda app: built.append(app.pk) or real(app))
    client.force_login(head)
    submit(client, application)
    submission = application.submissions.get()
    record = SignatureRecord.objects.get()
    assert built == [application.pk]
    assert f"snapshot SHA-256: {submission.snapshot_sha256}" in record.document
    assert selectors.snapshot_hash(submission.snapshot) == submission.snapshot_sha256
