"""Reminders of due dates: one mechanism, declared by each app in `<app>/reminders.py` (Contributes.reminders).

An app declares its kinds: which objects have a due date, the moment it is late, who is told, and when the thing
stops being due (the finder returns only what is still due). The beat job runs dispatch() every 15 minutes. It
works by window, not by exact day: the reminder of an offset is due from its moment (09:00 Astana time on the day
`offset` days from the due date) until the next offset's moment, so a missed run catches up, a reminder before
the deadline is never sent once the deadline has passed, and a long outage sends only the latest reminder, not a
burst of stale ones. The ledger (SentReminder) has a unique key (kind, object, due date, offset, recipient): the
row and the outbox message are written in one transaction, so a rerun, a retry or two workers send it once; a
moved deadline is a new due date, whose reminders go out again.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from . import audit, mail, registry
from .formatting import ASTANA, astana
from .models import ReminderSchedule, SentReminder

# 7 days and 1 day before, on the day, 1 and 7 days after.
DEFAULT_OFFSETS = (-7, -1, 0, 1, 7)
# The reminders of a day go out from this hour, Astana time, not at midnight.
SEND_AT = time(9, 0)
# The last offset of a kind stays due this long, for a dispatcher that did not run (after that it is stale).
CATCH_UP = timedelta(days=3)
MAX_OFFSET_DAYS = 60


@dataclass(frozen=True)
class Due:
    """One object with a due date: `deadline` is the first moment it is late (aware)."""

    obj: object
    deadline: datetime
    recipients: Iterable
    link: tuple[str, dict] = ("portal:dashboard", {})
    about: Callable[[], str] | None = None  # what the recipient reads it is about; str(obj) when not given


@dataclass(frozen=True)
class Kind:
    """A kind of reminder. `find(start, end)` yields Due for the objects still due whose deadline lies in
    [start, end); the finder's filter is the stop condition (submitted, answered, screened...)."""

    code: str
    label: str
    find: Callable[[datetime, datetime], Iterable[Due]]
    offsets: tuple[int, ...] = DEFAULT_OFFSETS
    audience: str = field(default="", compare=False)  # who is told, for the staff page


def kinds() -> list[Kind]:
    """Every declared kind, in layer order."""
    return [kind for declared in registry.contributions("reminders") for kind in declared]


def kind_labels() -> dict[str, str]:
    return {kind.code: kind.label for kind in kinds()}


def due_on(deadline: datetime) -> date:
    """The last day to do it, Astana time: a deadline of 1 April, 00:00 is due on 31 March."""
    return astana(deadline - timedelta(microseconds=1)).date()


def moment(deadline: datetime, offset: int) -> datetime:
    """When the reminder of `offset` goes out: 09:00 Astana time, `offset` days from the due date."""
    return datetime.combine(due_on(deadline) + timedelta(days=offset), SEND_AT, tzinfo=ASTANA)


def current_offset(deadline: datetime, offsets: Iterable[int], now: datetime) -> int | None:
    """The offset whose window holds `now`, or None. A window runs from its moment to the next offset's one; the
    last one for CATCH_UP; one before the deadline ends at the deadline at the latest."""
    ordered = sorted(set(offsets))
    for position, offset in enumerate(ordered):
        start = moment(deadline, offset)
        end = moment(deadline, ordered[position + 1]) if position + 1 < len(ordered) else start + CATCH_UP
        if offset < 0:
            end = min(end, deadline)
        if start <= now < end:
            return offset
    return None


def search_range(offsets: Iterable[int], now: datetime) -> tuple[datetime, datetime]:
    """The deadlines that can have an offset due at `now` (a day of slack each side for the hour and the zone)."""
    offsets = list(offsets) or [0]
    start = now - timedelta(days=max(max(offsets), 0) + 2) - CATCH_UP
    end = now + timedelta(days=max(-min(offsets), 0) + 2)
    return start, end


def schedules() -> dict[str, list[int]]:
    """The offsets of each kind: staff's if set, else the kind's defaults."""
    kept = dict(ReminderSchedule.objects.values_list("kind", "offsets"))
    return {kind.code: list(kept.get(kind.code) or kind.offsets) for kind in kinds()}


def dispatch(*, now: datetime | None = None) -> int:
    """The beat job: write every reminder due now that the ledger has not seen. Returns how many were written."""
    now = now or timezone.now()
    offsets = schedules()
    written = 0
    for kind in kinds():
        start, end = search_range(offsets[kind.code], now)
        wanted = []
        for due in kind.find(start, end):
            offset = current_offset(due.deadline, offsets[kind.code], now)
            if offset is not None:
                wanted.extend((due, offset, user) for user in due.recipients if user.is_active and user.email)
        if not wanted:
            continue
        seen = already_sent(kind.code, start, end)
        for due, offset, user in wanted:
            content_type = ContentType.objects.get_for_model(due.obj)
            key = (content_type.pk, due.obj.pk, due_on(due.deadline), offset, user.pk)
            if key not in seen and _send_once(kind, due, offset, user, content_type, now):
                seen.add(key)
                written += 1
    return written


def already_sent(code: str, start: datetime, end: datetime) -> set[tuple]:
    """One query for the keys the ledger already holds: it spares the insert, not the guarantee; the unique
    key settles a race with another worker that wrote the same row after this query."""
    return set(SentReminder.objects.filter(
        kind=code, due_on__gte=due_on(start), due_on__lte=due_on(end)
    ).values_list("content_type_id", "object_id", "due_on", "offset", "recipient_id"))


def _send_once(kind: Kind, due: Due, offset: int, user, content_type, now: datetime) -> bool:
    language = mail.language_of(user)
    with translation.override(language):
        about = str(due.about() if due.about else due.obj)
        link = mail.absolute_url(due.link[0], due.link[1], language=language)
    try:
        with transaction.atomic():
            row = SentReminder.objects.create(
                kind=kind.code, content_type=content_type, object_id=due.obj.pk, due_on=due_on(due.deadline),
                offset=offset, recipient=user, deadline=due.deadline, about=about[:300], link=link[:300],
                sent_at=now,
            )
            messages = mail.send(
                to=[user], subject=gettext_noop("Reminder: %(kind)s"), subject_params={"kind": kind.label},
                template="portal/email/reminder.txt",
                context={"kind": kind.label, "about": about, "deadline": due.deadline, "offset": offset,
                         "days": abs(offset), "link": link},
            )
            if messages:
                row.message = messages[0]
                row.save(update_fields=["message"])
    except IntegrityError:
        return False  # another run wrote it first
    return True


def parse_offsets(text: str) -> list[int]:
    """'-7, -1, 0, 1, 7' → [-7, -1, 0, 1, 7]; ValueError on anything else."""
    values = sorted({int(part) for part in text.replace(";", ",").split(",") if part.strip()})
    if not values or any(abs(value) > MAX_OFFSET_DAYS for value in values):
        raise ValueError(text)
    return values


@transaction.atomic
def set_offsets(*, kind: str, offsets: list[int], actor) -> ReminderSchedule:
    """The operator administrator changes when a kind of reminder goes out."""
    if kind not in kind_labels():
        raise ValueError(kind)
    schedule, _created = ReminderSchedule.objects.select_for_update().get_or_create(kind=kind)
    previous = list(schedule.offsets)
    schedule.offsets = sorted(set(offsets))
    schedule.save(update_fields=["offsets", "updated_at"])
    audit.record(actor=actor, obj=schedule, action="reminder_schedule_changed",
                 data={"kind": kind, "from": previous, "to": schedule.offsets})
    return schedule
