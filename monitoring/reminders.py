"""Monitoring's due dates (portal.reminders): grantee reports until they are first submitted (before the due
date and, while late, after it), and the follow-up actions of a visit until the NGO answers them."""

from datetime import timedelta

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from ngos.models import Membership
from portal.formatting import astana
from portal.reminders import Due, Kind

from .models import FollowUp, GrantReport
from .selectors import OPEN, deadline_of


def _days(start, end):
    # A due date's deadline is the next midnight in Astana: the days whose deadline lies in [start, end).
    return astana(start).date() - timedelta(days=1), astana(end).date()


def _members():
    return Prefetch("grant__ngo__memberships", queryset=Membership.objects.select_related("user"))


def reports_due(start, end):
    """Every report not yet submitted whose due date falls in the window; the NGO's members are told (from a week
    before, and after it while it is late)."""
    first, last = _days(start, end)
    reports = (GrantReport.objects.filter(status__in=OPEN, due_on__gte=first, due_on__lte=last)
               .select_related("grant__ngo").prefetch_related(_members()))
    for report in reports:
        deadline = deadline_of(report.due_on)
        if start <= deadline < end:
            yield Due(obj=report, deadline=deadline, recipients=[m.user for m in report.grant.ngo.memberships.all()],
                      link=("monitoring:report", {"pk": report.pk}),
                      about=lambda r=report: _("%(report)s of grant %(number)s") % {
                          "report": r.get_kind_display(), "number": r.grant.number})


def follow_ups_due(start, end):
    first, last = _days(start, end)
    actions = (FollowUp.objects.filter(answered_at__isnull=True, due_on__gte=first, due_on__lte=last)
               .select_related("visit__grant__ngo")
               .prefetch_related(Prefetch("visit__grant__ngo__memberships",
                                          queryset=Membership.objects.select_related("user"))))
    for action in actions:
        deadline = deadline_of(action.due_on)
        if start <= deadline < end:
            yield Due(obj=action, deadline=deadline,
                      recipients=[m.user for m in action.visit.grant.ngo.memberships.all()],
                      link=("monitoring:visit", {"pk": action.visit_id}),
                      about=lambda a=action: _("follow-up of the monitoring visit to grant %(number)s: %(action)s")
                      % {"number": a.visit.grant.number, "action": a.action})


KINDS = [
    Kind("monitoring.report_due", _("grantee report due or late"), reports_due, audience=_("the NGO's members")),
    Kind("monitoring.follow_up_due", _("follow-up action of a monitoring visit"), follow_ups_due,
         audience=_("the NGO's members")),
]
