"""The NGO database's due dates (portal.reminders): the yearly report, due on 31 March for the year that ended."""

from django.db.models import Exists, OuterRef, Prefetch
from django.utils.translation import gettext_lazy as _

from portal.reminders import Due, Kind

from .models import NGO, Membership, YearlyReport
from .models.reports import report_deadline


def yearly_reports(start, end):
    """Every NGO of the database whose report for the year is not submitted yet; its members are told. It stops
    being due once the report is first submitted."""
    for year in {start.year - 1, end.year - 1}:
        deadline = report_deadline(year)
        if not start <= deadline < end:
            continue
        submitted = YearlyReport.objects.filter(ngo=OuterRef("pk"), year=year, first_submitted_at__isnull=False)
        ngos = NGO.objects.filter(~Exists(submitted), memberships__isnull=False).distinct().prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("user"))
        )
        for ngo in ngos:
            yield Due(
                obj=ngo, deadline=deadline, recipients=[m.user for m in ngo.memberships.all()],
                link=("ngos:report", {"bin": ngo.bin, "year": year}),
                about=lambda ngo=ngo, year=year: _("%(ngo)s: the report for %(year)s") % {"ngo": ngo, "year": year},
            )


KINDS = [
    Kind("ngos.yearly_report", _("yearly report to the NGO database"), yearly_reports,
         audience=_("the NGO's members")),
]
