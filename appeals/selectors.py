"""What the appeals pages read: the decision an application may appeal and until when, the appeals of a user's
NGOs, the commission's list, and the public counts per call."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, Prefetch, Q

from evaluations.choices import MeetingStatus
from grants.applications.choices import ApplicationStatus
from grants.models import Application
from grants.workdays import WorkingCalendar, local_date
from ngos.choices import MemberRole
from portal.formatting import ASTANA

from .choices import AppealStatus, Ground
from .models import Appeal, CommissionMember

# The appeal period ends at the close of the operator's working day, as the calls' deadlines do.
CLOSES_AT = time(18, 30)
GROUND_OF_STATUS = {ApplicationStatus.NOT_ADMITTED: Ground.SCREENING, ApplicationStatus.NOT_FUNDED: Ground.EVALUATION}
DECISION_RELATED = ("lot__call__screening_conclusion", "decision__lot_decision__meeting", "ngo")


def working_days() -> int:
    """The appeal period in working days from the publication of the decision (a setting: 10 today)."""
    return settings.APPEAL_WORKING_DAYS


def period_end(published_at: datetime, calendar: WorkingCalendar | None = None) -> datetime:
    """18:30 Astana time on the last working day of the period: the N-th working day after the day of
    publication (weekends, holidays and moved days off from the working calendar)."""
    start = local_date(published_at)
    calendar = calendar or WorkingCalendar.around(start, working_days())
    return datetime.combine(calendar.add_working_days(start, working_days()), CLOSES_AT, tzinfo=ASTANA)


def published_at(application: Application) -> datetime | None:
    """When the decision the application may appeal was published: the screening conclusion of its call for
    a not admitted application, the commission's minutes for a not funded one."""
    if application.status == ApplicationStatus.NOT_ADMITTED:
        conclusion = getattr(application.lot.call, "screening_conclusion", None)
        return conclusion.published_at if conclusion else None
    if application.status == ApplicationStatus.NOT_FUNDED:
        decision = getattr(application, "decision", None)
        meeting = decision.lot_decision.meeting if decision else None
        return meeting.published_at if meeting and meeting.status == MeetingStatus.PUBLISHED else None
    return None


@dataclass
class Appealable:
    """A decision on an application and its appeal period; `appeal` once it is filed."""

    application: Application
    ground: str
    published_at: datetime
    deadline: datetime
    appeal: Appeal | None = None

    def is_open(self, now: datetime) -> bool:
        return self.appeal is None and now < self.deadline

    @property
    def ground_label(self) -> str:
        return Ground(self.ground).label


def _calendar_for(moments: list[datetime]) -> WorkingCalendar | None:
    if not moments:
        return None
    first = min(local_date(m) for m in moments)
    last = max(local_date(m) for m in moments)
    return WorkingCalendar(first - timedelta(days=7), last + timedelta(days=working_days() * 3 + 31))


def decisions(applications) -> list[Appealable]:
    """The appealable decisions of these applications (loaded with DECISION_RELATED and their appeals)."""
    found = [(a, published_at(a)) for a in applications]
    found = [(a, moment) for a, moment in found if moment is not None]
    calendar = _calendar_for([moment for _a, moment in found])
    rows = []
    for application, moment in found:
        ground = GROUND_OF_STATUS[application.status]
        appeal = next((x for x in application.appeals.all() if x.ground == ground), None)
        rows.append(Appealable(application=application, ground=ground, published_at=moment,
                               deadline=period_end(moment, calendar), appeal=appeal))
    return rows


def appealable(application: Application) -> Appealable | None:
    application = (Application.objects.select_related(*DECISION_RELATED).prefetch_related("appeals")
                   .get(pk=application.pk))
    rows = decisions([application])
    return rows[0] if rows else None


def _with_decisions(applications):
    return applications.filter(status__in=list(GROUND_OF_STATUS)).select_related(*DECISION_RELATED).prefetch_related(
        Prefetch("appeals", queryset=Appeal.objects.order_by("id"))
    )


def decisions_of_user(user) -> list[Appealable]:
    """The decisions the NGOs of `user` may appeal or have appealed, newest first (for their dashboard)."""
    applications = _with_decisions(Application.objects.filter(ngo__memberships__user=user)).order_by("-id")
    return sorted(decisions(applications), key=lambda row: row.published_at, reverse=True)


def heads_of(ngo) -> list:
    return [m.user for m in ngo.memberships.all() if m.role == MemberRole.HEAD]


def members_of(ngo) -> list:
    return [m.user for m in ngo.memberships.all()]


def open_periods(start: datetime, end: datetime) -> list[Appealable]:
    """Decisions whose appeal period ends in [start, end) and which have no appeal yet (for the reminder)."""
    since = start - timedelta(days=working_days() * 3 + 31)
    applications = _with_decisions(Application.objects.filter(
        Q(status=ApplicationStatus.NOT_ADMITTED, lot__call__screening_conclusion__published_at__gte=since,
          lot__call__screening_conclusion__published_at__lt=end)
        | Q(status=ApplicationStatus.NOT_FUNDED, decision__lot_decision__meeting__published_at__gte=since,
            decision__lot_decision__meeting__published_at__lt=end)
    )).prefetch_related("ngo__memberships__user")
    return [row for row in decisions(applications) if row.appeal is None and start <= row.deadline < end]


def appeal_for_page(pk: int) -> Appeal:
    return (Appeal.objects.select_related(
        "application__ngo", "application__lot__call", "filed_by", "reviewed_by", "reevaluation__expert__user",
    ).prefetch_related("files").get(pk=pk))


def appeals_for_staff(*, status: str = ""):
    appeals = Appeal.objects.select_related("application__ngo", "application__lot__call").order_by(
        "status", "-filed_at", "-id")
    if status:
        appeals = appeals.filter(status=status)
    return appeals


def waiting_count() -> int:
    return Appeal.objects.filter(status__in=[AppealStatus.FILED, AppealStatus.REEVALUATION]).count()


def commission_members():
    return CommissionMember.objects.select_related("user", "added_by")


def counts_by_call(call_ids=None) -> dict[int, list[dict]]:
    """For the public results page, per call: how many appeals, and how many in each state. No names."""
    rows = Appeal.objects.all()
    if call_ids is not None:
        rows = rows.filter(application__lot__call_id__in=list(call_ids))
    found: dict[int, dict] = {}
    for call_id, status, count in (rows.values("application__lot__call_id", "status").annotate(n=Count("pk"))
                                   .values_list("application__lot__call_id", "status", "n")):
        found.setdefault(call_id, {})[status] = count
    return {
        call_id: {"total": sum(by_status.values()),
                  "states": [{"label": label, "count": by_status[value]}
                             for value, label in AppealStatus.choices if by_status.get(value)]}
        for call_id, by_status in found.items()
    }


def last_day(deadline: datetime) -> date:
    return local_date(deadline)
