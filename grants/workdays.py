"""Working days in Kazakhstan: Monday to Friday, minus public holidays and days off, plus the
weekends the government moves to work. The exceptions are data (CalendarDay), kept by staff."""

from datetime import date, datetime, timedelta

from portal.formatting import astana

from .choices import CalendarDayKind
from .models import CalendarDay


class WorkingCalendar:
    """The calendar for a span of dates, read with one query."""

    def __init__(self, first: date, last: date):
        self.first, self.last = first, last
        self.exceptions = dict(
            CalendarDay.objects.filter(date__range=(first, last)).values_list("date", "kind")
        )

    @classmethod
    def around(cls, day: date, working_days: int) -> "WorkingCalendar":
        # Holidays never take more than a few days in a row, so three weeks per five working days is ample.
        return cls(day - timedelta(days=7), day + timedelta(days=working_days * 3 + 31))

    def is_working_day(self, day: date) -> bool:
        kind = self.exceptions.get(day)
        if kind == CalendarDayKind.WORKING_DAY:
            return True
        if kind == CalendarDayKind.DAY_OFF:
            return False
        return day.weekday() < 5

    def add_working_days(self, start: date, count: int) -> date:
        """The count-th working day after start (start itself is not counted)."""
        day, found = start, 0
        while found < count:
            day += timedelta(days=1)
            if day > self.last:
                self.__init__(self.first, self.last + timedelta(days=366))
            if self.is_working_day(day):
                found += 1
        return day

    def working_days_after(self, start: date, end: date) -> int:
        """How many working days lie after start, up to and including end."""
        if end > self.last:
            self.__init__(self.first, end)
        return sum(1 for n in range(1, (end - start).days + 1) if self.is_working_day(start + timedelta(days=n)))


def add_working_days(start: date, count: int) -> date:
    return WorkingCalendar.around(start, count).add_working_days(start, count)


def working_days_after(start: date, end: date) -> int:
    return WorkingCalendar(start, end).working_days_after(start, end)


def local_date(moment: datetime) -> date:
    """The date in Astana of an aware moment."""
    return astana(moment).date()
