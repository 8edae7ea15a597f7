"""Two workers run the dispatcher at the same instant (PostgreSQL, real threads and transactions): the ledger's
unique key lets each reminder through once, whichever worker wins."""

from datetime import date

import pytest
from django.db import connection

from grants.applications.models import Application
from portal import reminders
from portal.models import OutboxMessage, SentReminder
from tests.grants.applications.factories import LotFactory, NGOFactory, person
from tests.grants.applications.test_concurrency import run_together

from .test_reminders import CLOSES, at

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the race needs PostgreSQL"),
]


def test_four_workers_at_once_send_each_reminder_once(monkeypatch):
    lot = LotFactory(call__opens_at=at(date(2027, 2, 1)), call__closes_at=CLOSES)
    ngo = NGOFactory()
    head, member = person(ngo, "head", language="kk"), person(ngo, "member", language="ru")
    Application.objects.create(lot=lot, ngo=ngo, created_by=head, language="kk")
    # Each worker reads the ledger before any has written, as under a real race.
    monkeypatch.setattr(reminders, "already_sent", lambda *args: set())

    results, errors = run_together([lambda: reminders.dispatch(now=at(date(2027, 3, 8), 9, 15))] * 4)

    assert errors == []
    assert sum(results) == 2
    assert sorted(SentReminder.objects.values_list("recipient__email", "offset")) == sorted(
        [(head.email, -7), (member.email, -7)])
    assert OutboxMessage.objects.filter(pk__in=SentReminder.objects.values("message")).count() == 2
    assert OutboxMessage.objects.filter(recipient__in=[head.email, member.email]).count() == 2
