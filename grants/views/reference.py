"""Staff pages for reference data: the working-day calendar and the MCI of each year."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.actions import form_action

from .. import selectors
from ..choices import GrantType
from ..forms import CalendarDayForm, FiscalYearForm
from ..models import CalendarDay, FiscalYear
from ..services import calendar as calendar_services
from .staff import staff_only

# The years the calendar page shows: a date query beyond Python's years (or far from any grant) fails.
CALENDAR_YEARS = (2000, 2100)


def _calendar_year(request) -> int:
    this_year = timezone.localdate().year
    asked = request.GET.get("year", "").strip()
    if not asked:
        return this_year
    try:
        year = int(asked)
    except ValueError:
        year = None
    first, last = CALENDAR_YEARS
    if year is None or not first <= year <= last:
        messages.warning(request, _("The calendar covers the years %(first)s to %(last)s; “%(asked)s” is not one of "
                                    "them, so this year is shown.") % {"first": first, "last": last,
                                                                       "asked": asked[:20]})
        return this_year
    return year


@staff_only
def calendar(request):
    year = _calendar_year(request)
    can_manage = request.user.has_perm("grants.manage_calendar")
    form = CalendarDayForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            entry = calendar_services.calendar_day_save(
                actor=request.user, day=data["date"], kind=data["kind"], name_kk=data["name_kk"],
                name_ru=data["name_ru"], name_en=data["name_en"],
            )
            messages.success(request, _("%(day)s is saved in the calendar.") % {"day": entry})
            return redirect(f"{request.path}?year={entry.date.year}")
    context = {
        "year": year, "days": selectors.calendar_days(year), "form": form, "can_manage": can_manage,
        "years": [year - 1, year, year + 1],
    }
    return render(request, "grants/staff/calendar.html", context)


@require_POST
@staff_only
def calendar_delete(request, pk: int):
    if not request.user.has_perm("grants.manage_calendar"):
        raise PermissionDenied
    entry = get_object_or_404(CalendarDay, pk=pk)
    year = entry.date.year
    calendar_services.calendar_day_delete(actor=request.user, entry=entry)
    messages.success(request, _("The day is removed from the calendar."))
    return redirect(f"{reverse('calls:staff_calendar')}?year={year}")


@staff_only
def fiscal_years(request):
    can_manage = request.user.has_perm("grants.manage_calls")
    form = FiscalYearForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        done = form_action(
            request, form, lambda data: calendar_services.fiscal_year_save(actor=request.user, **data),
            success=lambda _saved: _("The MCI for %(year)s is saved.") % {"year": form.cleaned_data["year"]},
            redirect_to="calls:staff_years",
        )
        if done:
            return done
    years = list(FiscalYear.objects.all())
    for fiscal_year in years:
        fiscal_year.limits = {kind: fiscal_year.budget_limits(kind) for kind in GrantType.values}
    return render(request, "grants/staff/years.html", {"years": years, "form": form, "can_manage": can_manage})
