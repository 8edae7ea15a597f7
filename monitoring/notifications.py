"""The e-mails of monitoring, written to the outbox in the service's transaction."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_noop

from agreements.notifications import heads_of, staff_in
from portal import mail
from portal.choices import StaffRole


def members_of(ngo) -> list:
    return list(get_user_model().objects.filter(memberships__ngo=ngo, is_active=True).distinct())


def _links(report) -> dict:
    return {"report_url": ("monitoring:report", {"pk": report.pk})}


def report_submitted(report, submission) -> None:
    mail.send(to=staff_in(StaffRole.MONITORING_OFFICER),
              subject=gettext_noop("Grant %(number)s: a report is submitted for review"),
              subject_params={"number": report.grant.number}, template="monitoring/email/report_submitted.txt",
              context={"report": report, "submission": submission}, links=_links(report))


def report_reviewed(report, review) -> None:
    mail.send(to=members_of(report.grant.ngo), subject=gettext_noop("Grant %(number)s: your report is reviewed"),
              subject_params={"number": report.grant.number}, template="monitoring/email/report_reviewed.txt",
              context={"report": report, "review": review}, links=_links(report))


def follow_ups_set(visit) -> None:
    mail.send(to=heads_of(visit.grant.ngo),
              subject=gettext_noop("Grant %(number)s: the monitoring visit asks for follow-up actions"),
              subject_params={"number": visit.grant.number}, template="monitoring/email/follow_ups.txt",
              context={"visit": visit}, links={"visit_url": ("monitoring:visit", {"pk": visit.pk})})
