"""The activity plan's dates must make sense before they are saved: an activity ends on or after it starts,
no activity starts before applications close (a grant is awarded after that), and the whole plan fits the
lot's term, counted from the first activity. Each refusal names the row, so it can be found in a long plan."""

import calendar
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal.formatting import ASTANA
from portal.formsets import RowCountsFormSet


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _short(day: date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def plan_errors(rows: list[tuple[int, dict]], *, lot) -> list[str]:
    """rows: (number shown on the page, cleaned row). Messages for every row whose dates are impossible."""
    errors = []
    earliest_start = lot.call.closes_at.astimezone(ASTANA).date()
    dated = [(number, row) for number, row in rows if row.get("starts_on")]
    first = min((row["starts_on"] for _number, row in dated), default=None)
    term_end = add_months(first, lot.term_months) if first else None
    for number, row in rows:
        starts, ends = row.get("starts_on"), row.get("ends_on")
        names = {"number": number, "activity": row.get("activity") or "—"}
        if starts and ends and ends < starts:
            errors.append(_("Row %(number)d («%(activity)s») ends before it starts.") % names)
        if starts and starts < earliest_start:
            errors.append(
                _("Row %(number)d («%(activity)s») starts on %(date)s, before applications close (%(closes)s): "
                  "a project starts after the grant is awarded.")
                % {**names, "date": _short(starts), "closes": _short(earliest_start)}
            )
        last = ends or starts
        if term_end and last and last >= term_end:
            errors.append(
                _("Row %(number)d («%(activity)s») ends on %(date)s, outside the lot's term of %(months)d "
                  "months (%(first)s to %(end)s).")
                % {**names, "date": _short(last), "months": lot.term_months, "first": _short(first),
                   "end": _short(term_end - timedelta(days=1))}
            )
    return errors


class ActivityPlanFormSet(RowCountsFormSet):
    """The activity rows, checked together against the lot (set `lot` before validating)."""

    lot = None

    def clean(self):
        super().clean()
        if any(self.errors) or self.lot is None:
            return
        rows = [
            (number, form.cleaned_data)
            for number, form in enumerate(self.forms, start=1)
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        errors = plan_errors(rows, lot=self.lot)
        if errors:
            raise ValidationError(errors)
