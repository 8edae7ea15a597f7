"""When each step of a demo call happened: announcement → deadline → screening → draw → scoring → meeting →
letters, in working days after the deadline and at the hours an office works (Astana time).

The demo's calls are placed around today so that each stage of the lifecycle has one call in it: one
finished (minutes and letters out), one in expert evaluation, one in screening, one open, one announced and
a draft. The other demos (applications, evaluations) read their moments from here."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from portal.formatting import ASTANA

from .workdays import WorkingCalendar


def at_astana(day: date, hours: int, minutes: int = 0) -> datetime:
    return datetime.combine(day, time(hours, minutes), tzinfo=ASTANA)


# Working days after the deadline at which each step is done (the operator's usual pace: screening within
# about 10 working days, the draw a few days after the conclusion, two weeks of scoring, then the meeting).
SCREENING_STARTS, SCREENING_ENDS, CONCLUSION = 1, 6, 8
DRAW, ASSIGNED, DECLARED, SCORING_ENDS = 10, 11, 12, 19
MEETING, MINUTES_PUBLISHED, LETTERS_SENT = 22, 23, 24


@dataclass(frozen=True)
class CallDates:
    """The moments of one call. `step(n, hour)` is the n-th working day after the deadline at that hour."""

    announced: datetime
    opens: datetime
    closes: datetime
    calendar: WorkingCalendar

    @classmethod
    def of(cls, call) -> "CallDates":
        """The dates of a call already seeded (its deadline fixes the later steps)."""
        return cls(announced=call.announced_at or call.created_at, opens=call.opens_at, closes=call.closes_at,
                   calendar=_calendar(call.closes_at.astimezone(ASTANA).date()))

    def day(self, working_days: int) -> date:
        return self.calendar.add_working_days(self.closes.astimezone(ASTANA).date(), working_days)

    def step(self, working_days: int, hours: int, minutes: int = 0) -> datetime:
        return at_astana(self.day(working_days), hours, minutes)


def _calendar(today: date) -> WorkingCalendar:
    return WorkingCalendar(today - timedelta(days=200), today + timedelta(days=200))


def _working_day_before(calendar: WorkingCalendar, today: date, count: int) -> date:
    """The day `count` working days before today (so that `count` working days after it is today)."""
    day = today
    while calendar.working_days_after(day, today) < count:
        day -= timedelta(days=1)
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    return day


def closed_call(today: date, *, last_step: int, window_days: int = 28) -> CallDates:
    """A call whose step `last_step` (working days after its deadline) fell on the last working day before
    today: its deadline at 18:30, opened `window_days` before, announced a week before it opened."""
    calendar = _calendar(today)
    closes_on = _working_day_before(calendar, today, last_step + 1)
    closes = at_astana(closes_on, 18, 30)
    opens = at_astana(_working_day(calendar, closes_on - timedelta(days=window_days), -1), 9)
    announced = at_astana(_working_day(calendar, opens.date() - timedelta(days=7), -1), 11, 30)
    return CallDates(announced=announced, opens=opens, closes=closes, calendar=calendar)


def _working_day(calendar: WorkingCalendar, day: date, step: int = 1) -> date:
    """The day itself if the office works then, else the next (step=1) or previous (step=-1) working day."""
    while not calendar.is_working_day(day):
        day += timedelta(days=step)
    return day


def future_call(today: date, *, opens_in: int, window_days: int, announced_ago: int) -> CallDates:
    """A call that opens `opens_in` days from today (negative: it opened already), on working days."""
    calendar = _calendar(today)
    opens_on = _working_day(calendar, today + timedelta(days=opens_in))
    announced_on = _working_day(calendar, today - timedelta(days=announced_ago), -1)
    return CallDates(
        announced=at_astana(announced_on, 11, 30),
        opens=at_astana(opens_on, 9),
        closes=at_astana(_working_day(calendar, opens_on + timedelta(days=window_days)), 18, 30),
        calendar=calendar,
    )


def demo_calls(today: date) -> dict[str, CallDates]:
    """The demo's calls in the order they were announced (their numbers follow it)."""
    return {
        "finished": closed_call(today, last_step=LETTERS_SENT + 8),
        "evaluation": closed_call(today, last_step=DECLARED + 2),
        "screening": closed_call(today, last_step=SCREENING_STARTS + 1),
        "open": future_call(today, opens_in=-12, window_days=26, announced_ago=19),
        "announced": future_call(today, opens_in=10, window_days=30, announced_ago=3),
    }
