"""Reminders of due dates (portal.reminders): found by window on a frozen clock, written once per key of the
ledger whatever the dispatcher's runs do (reruns, retries, skipped runs, a moved deadline), stopped when the thing is
done, and delivered by the outbox, also after the broker was down."""

from datetime import date, datetime, timedelta

import pytest
from django.core import mail as sent
from django.utils import translation
from django.utils.translation import gettext

from grants.applications.models import Application
from portal import mail, reminders
from portal.formatting import ASTANA, astana_time
from portal.models import OutboxMessage, SentReminder
from tests.grants.applications.factories import LotFactory, NGOFactory, person

pytestmark = pytest.mark.django_db

CLOSES = datetime(2027, 3, 15, 18, 30, tzinfo=ASTANA)  # a Monday
DRAFTS = "grants.draft_application"


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ASTANA)


def ticks(first: datetime, last: datetime, every: timedelta = timedelta(hours=3)):
    moment = first
    while moment <= last:
        yield moment
        moment += every


@pytest.fixture
def draft(db):
    lot = LotFactory(call__opens_at=datetime(2027, 2, 1, 9, tzinfo=ASTANA), call__closes_at=CLOSES)
    ngo = NGOFactory()
    head = person(ngo, "head", language="kk")
    member = person(ngo, "member", language="ru")
    application = Application.objects.create(lot=lot, ngo=ngo, created_by=head, language="kk")
    return application, head, member


def reminder_subject(user) -> str:
    with translation.override(user.language):
        return gettext("Reminder: %(kind)s") % {"kind": gettext("application not submitted before the call's deadline")}


def ledger(kind: str = DRAFTS) -> list[tuple]:
    return sorted(SentReminder.objects.filter(kind=kind).values_list("recipient__email", "due_on", "offset"))


def test_a_simulated_month_sends_each_reminder_once_to_each_member_in_their_language(draft):
    application, head, member = draft
    # Every three hours over a month, each run twice (a retried task, a second beat): the ledger's key lets one through.
    for now in ticks(at(date(2027, 2, 28), 0), at(date(2027, 3, 28), 23)):
        reminders.dispatch(now=now)
        assert reminders.dispatch(now=now) == 0

    due = date(2027, 3, 15)
    assert ledger() == sorted((user.email, due, offset) for user in (head, member) for offset in (-7, -1, 0, 1, 7))
    when = dict(SentReminder.objects.filter(recipient=head).values_list("offset", "sent_at"))
    assert when[-7] == at(date(2027, 3, 8)) and when[-1] == at(date(2027, 3, 14))
    assert when[0] == at(due) < CLOSES  # on the day, before the deadline hour
    assert when[7] == at(date(2027, 3, 22))
    assert OutboxMessage.objects.filter(recipient=head.email, subject__contains=reminder_subject(head)).count() == 5

    sent.outbox.clear()
    mail.deliver_due(now=at(date(2027, 3, 29)))
    for user in (head, member):
        letters = [m for m in sent.outbox if m.to == [user.email] and reminder_subject(user) in m.subject]
        assert len(letters) == 5
        with translation.override(user.language):
            shown = astana_time(CLOSES)  # "15.03.2027, 18:30 (Astana time)" in the member's language
        assert all(shown in letter.body for letter in letters)
        assert all(f"/{user.language}/" in letter.body for letter in letters)  # the link in their language
    assert {m.subject for m in sent.outbox if m.to == [head.email]} != {
        m.subject for m in sent.outbox if m.to == [member.email]}


def test_a_skipped_run_catches_up_and_a_reminder_before_the_deadline_is_never_sent_after_it(draft):
    application, head, member = draft
    # The beat was down from 7 to 14 March: the run at 11:15 on the 14th sends the day-before one, not the stale
    # week-before one.
    reminders.dispatch(now=at(date(2027, 3, 7), 23, 45))
    assert reminders.dispatch(now=at(date(2027, 3, 14), 11, 15)) == 2
    assert {offset for *_, offset in ledger()} == {-1}
    # Nothing ran on the day until after the deadline: "on the day" still goes out, "before" never does.
    assert reminders.dispatch(now=at(date(2027, 3, 15), 20, 0)) == 2
    assert reminders.dispatch(now=at(date(2027, 3, 15), 21, 0)) == 0
    assert sorted({offset for *_, offset in ledger()}) == [-1, 0]


def test_a_before_reminder_due_on_the_deadline_day_after_the_deadline_is_not_sent(draft):
    application, head, member = draft
    application.lot.call.closes_at = at(date(2027, 3, 15), 8, 0)  # closes before the 09:00 round
    application.lot.call.save(update_fields=["closes_at"])
    assert reminders.dispatch(now=at(date(2027, 3, 15), 8, 30)) == 0  # too late for "1 day before"
    assert reminders.dispatch(now=at(date(2027, 3, 15), 9, 0)) == 2  # "today"


def test_a_moved_deadline_re_arms_its_reminders(draft):
    application, head, member = draft
    call = application.lot.call
    for now in ticks(at(date(2027, 3, 1)), at(date(2027, 3, 14), 12)):
        reminders.dispatch(now=now)
    assert {(due, offset) for _, due, offset in ledger()} == {(date(2027, 3, 15), -7), (date(2027, 3, 15), -1)}

    call.closes_at = CLOSES + timedelta(days=10)  # extended on the 14th to the 25th
    call.save(update_fields=["closes_at"])
    for now in ticks(at(date(2027, 3, 14), 15), at(date(2027, 4, 10))):
        reminders.dispatch(now=now)

    moved = date(2027, 3, 25)
    assert {(due, offset) for _, due, offset in ledger()} == {
        (date(2027, 3, 15), -7), (date(2027, 3, 15), -1),
        (moved, -7), (moved, -1), (moved, 0), (moved, 1), (moved, 7),
    }
    first_for_new = SentReminder.objects.get(recipient=head, due_on=moved, offset=-7)
    assert first_for_new.sent_at == at(date(2027, 3, 18))  # its own moment, not at once


def test_the_unique_key_keeps_a_racing_worker_from_sending_twice(draft, monkeypatch):
    now = at(date(2027, 3, 8), 9, 15)
    assert reminders.dispatch(now=now) == 2
    # A second worker that read the ledger before the first wrote: only the database constraint stands between it
    # and a second e-mail.
    monkeypatch.setattr(reminders, "already_sent", lambda *args: set())
    assert reminders.dispatch(now=now) == 0
    assert SentReminder.objects.count() == 2
    assert OutboxMessage.objects.filter(pk__in=SentReminder.objects.values("message")).count() == 2


def test_a_submitted_draft_is_no_longer_reminded(draft):
    application, head, member = draft
    assert reminders.dispatch(now=at(date(2027, 3, 8), 10)) == 2
    application.status = "submitted"
    application.save(update_fields=["status"])
    for now in ticks(at(date(2027, 3, 9)), at(date(2027, 3, 25)), timedelta(hours=6)):
        reminders.dispatch(now=now)
    assert [offset for *_, offset in ledger()] == [-7, -7]


def test_a_cancelled_call_is_no_longer_reminded(draft):
    application, head, member = draft
    application.lot.call.status = "cancelled"
    application.lot.call.save(update_fields=["status"])
    reminders.dispatch(now=at(date(2027, 3, 8), 10))
    assert ledger() == []


def test_the_operators_offsets_decide_when_reminders_go_out(draft):
    application, head, member = draft
    reminders.set_offsets(kind=DRAFTS, offsets=[-3], actor=None)
    for now in ticks(at(date(2027, 3, 1)), at(date(2027, 3, 31)), timedelta(hours=3)):
        reminders.dispatch(now=now)
    assert {offset for *_, offset in ledger()} == {-3}


def test_a_reminder_due_while_the_broker_is_down_goes_out_once_it_is_back(
    draft, broker_down, django_capture_on_commit_callbacks
):
    application, head, member = draft
    now = at(date(2027, 3, 8), 9, 15)
    with django_capture_on_commit_callbacks(execute=True):  # the hand-over to the (dead) broker runs
        assert reminders.dispatch(now=now) == 2
    assert sent.outbox == []
    assert OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).count() == 2

    # The broker is back: the outbox's beat job delivers; the next dispatcher runs add nothing.
    assert mail.deliver_due() == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.dispatch(now=now + timedelta(minutes=15)) == 0
    assert mail.deliver_due() == 0
    assert sorted(m.to[0] for m in sent.outbox) == sorted([head.email, member.email])
    assert all(reminder.message.status == OutboxMessage.Status.SENT
               for reminder in SentReminder.objects.select_related("message"))



def test_the_beat_runs_the_dispatcher_every_15_minutes(settings, draft):
    from config.celery import app

    job = settings.CELERY_BEAT_SCHEDULE["dispatch-reminders"]
    assert job["schedule"] == 15 * 60
    task = app.tasks[job["task"]]
    # The task is the dispatcher on the real clock: nothing is due for a call closing in March 2027 today.
    assert task.apply().get() == reminders.dispatch() == 0
