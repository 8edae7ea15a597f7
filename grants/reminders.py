"""The due dates of calls (portal.reminders): drafts before the deadline, questions waiting for an answer, and the
screening due after the deadline."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Prefetch
from django.utils.translation import gettext_lazy as _

from ngos.models import Membership
from portal.choices import StaffRole
from portal.formatting import ASTANA
from portal.reminders import Due, Kind

from .applications.choices import EDITABLE_STATUSES
from .applications.models import Application
from .choices import CallStatus, ClarificationStatus
from .models import Call, Clarification
from .screening.models import ScreeningConclusion
from .selectors import clarification_due_dates
from .workdays import WorkingCalendar, local_date

# The operator screens the applications within about 10 working days after the deadline (DOMAIN.md).
SCREENING_WORKING_DAYS = 10


def end_of(day) -> datetime:
    """The first moment after a day, Astana time: a thing due on a day is late from the next midnight."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=ASTANA)


def staff(role: str) -> list:
    return list(get_user_model().objects.filter(groups__name=role, is_active=True))


def drafts(start, end):
    """Applications not submitted (drafts, withdrawn) of an announced call closing in the range; the NGO's
    members are told until the application is submitted or the call is cancelled."""
    applications = Application.objects.filter(
        status__in=EDITABLE_STATUSES, lot__call__status=CallStatus.ANNOUNCED,
        lot__call__closes_at__gte=start, lot__call__closes_at__lt=end,
    ).select_related("lot__call", "ngo").prefetch_related(
        Prefetch("ngo__memberships", queryset=Membership.objects.select_related("user"))
    )
    for application in applications:
        call = application.lot.call
        yield Due(
            obj=application, deadline=call.closes_at,
            recipients=[m.user for m in application.ngo.memberships.all()],
            link=("applications:detail", {"pk": application.pk}),
            about=lambda a=application: _("the application of %(ngo)s to lot %(lot)s of call %(call)s is not "
                                          "submitted") % {"ngo": a.ngo, "lot": a.lot.code, "call": a.lot.call.code},
        )


def questions(start, end):
    """Clarification questions without an answer 3 working days after they were asked: the call managers."""
    waiting = list(Clarification.objects.filter(
        status=ClarificationStatus.PENDING, asked_at__gte=start - timedelta(days=31), asked_at__lt=end,
    ).select_related("call"))
    if not waiting:
        return
    due_dates = clarification_due_dates(waiting)
    managers = staff(StaffRole.CALL_MANAGER)
    for question in waiting:
        deadline = end_of(due_dates[question.pk])
        if start <= deadline < end:
            yield Due(
                obj=question, deadline=deadline, recipients=managers,
                link=("calls:staff_clarification", {"pk": question.pk}),
                about=lambda q=question: _("a question on call %(call)s asked on %(date)s is not answered")
                % {"call": q.call.code, "date": local_date(q.asked_at).strftime("%d.%m.%Y")},
            )


def screenings(start, end):
    """Calls past their deadline with submitted applications whose screening conclusion is not published:
    the screening officers, until it is."""
    calls = list(Call.objects.filter(
        status=CallStatus.ANNOUNCED, closes_at__gte=start - timedelta(days=31), closes_at__lt=end,
        lots__applications__submitted_at__isnull=False,
    ).filter(~Exists(ScreeningConclusion.objects.filter(call=OuterRef("pk")))).distinct())
    if not calls:
        return
    first = min(local_date(call.closes_at) for call in calls)
    calendar = WorkingCalendar(first, max(local_date(call.closes_at) for call in calls) + timedelta(days=45))
    officers = staff(StaffRole.SCREENING_OFFICER)
    for call in calls:
        deadline = end_of(calendar.add_working_days(local_date(call.closes_at), SCREENING_WORKING_DAYS))
        if start <= deadline < end:
            yield Due(
                obj=call, deadline=deadline, recipients=officers, link=("screening:call", {"call": call.code}),
                about=lambda c=call: _("the screening of call %(call)s") % {"call": c.code},
            )


KINDS = [
    Kind("grants.draft_application", _("application not submitted before the call's deadline"), drafts,
         audience=_("the NGO's members")),
    Kind("grants.unanswered_question", _("clarification question without an answer"), questions,
         offsets=(-1, 0, 1, 7), audience=_("call managers")),
    Kind("grants.screening_due", _("screening of the applications due"), screenings,
         audience=_("screening officers")),
]
