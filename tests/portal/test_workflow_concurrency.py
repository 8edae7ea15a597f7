"""Six requests cancel the same call at the same instant: the row lock lets one through, the others are
refused by the table, and the log has exactly one entry (PostgreSQL, real threads and transactions)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from grants.choices import CallStatus
from grants.models import Call
from portal import workflow
from portal.models import AuditEntry
from tests.grants.applications.test_concurrency import run_together
from tests.grants.factories import draft_call

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks under concurrency need PostgreSQL"),
]

TABLE = {(CallStatus.DRAFT, CallStatus.CANCELLED): "call_cancelled"}


def test_two_simultaneous_changes_from_the_same_state_pass_once():
    call = draft_call()

    def cancel():
        stale = Call.objects.get(pk=call.pk)  # both read "draft" before either writes
        with transaction.atomic():
            return workflow.transition(stale, to=CallStatus.CANCELLED, table=TABLE, actor=None).pk

    results, errors = run_together([cancel] * 6)

    assert len([r for r in results if r]) == 1
    assert len(errors) == 5 and all(isinstance(e, ValidationError) for e in errors)
    assert AuditEntry.objects.filter(object_id=str(call.pk), action="call_cancelled").count() == 1
    assert Call.objects.get(pk=call.pk).status == CallStatus.CANCELLED
