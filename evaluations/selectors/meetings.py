import math
from dataclasses import dataclass

from django.db.models import Prefetch

from grants.models import Application, Lot

from ..choices import Attendance, MeetingStatus
from ..models import ApplicationDecision, LotDecision, Meeting, MeetingAttendance, ResultLetter, Rubric
from .ranking import lot_ranking


@dataclass(frozen=True)
class Quorum:
    members: int
    present: int
    needed: int

    @property
    def reached(self) -> bool:
        return self.members > 0 and self.present >= self.needed


def quorum_needed(members: int) -> int:
    """At least two thirds of the members, rounded up: 3 → 2, 5 → 4, 7 → 5."""
    return math.ceil(2 * members / 3)


def quorum_of(meeting: Meeting, attendance=None) -> Quorum:
    rows = list(meeting.attendance.all()) if attendance is None else attendance
    members = len(rows)
    present = sum(1 for row in rows if row.attendance != Attendance.ABSENT)
    return Quorum(members=members, present=present, needed=quorum_needed(members))


def lots_of_panel(panel):
    return Lot.objects.filter(
        pk__in=Application.objects.filter(assignments__panel=panel).values("lot_id")
    ).select_related("call").order_by("position", "code")


def rankings_of_panel(panel) -> list:
    rubric = Rubric.objects.filter(call=panel.call_id).first()
    return [lot_ranking(lot, rubric) for lot in lots_of_panel(panel)]


def meeting_of(panel) -> Meeting | None:
    return (
        Meeting.objects.filter(panel=panel)
        .select_related("panel__call")
        .prefetch_related(
            Prefetch("attendance", queryset=MeetingAttendance.objects.select_related("member__expert__user")),
            Prefetch(
                "decisions",
                queryset=LotDecision.objects.select_related("lot", "decided_by").prefetch_related(
                    Prefetch("applications", queryset=ApplicationDecision.objects.select_related(
                        "application__ngo").order_by("rank", "application__sequence"))
                ),
            ),
        )
        .first()
    )


def published_minutes(call=None):
    meetings = Meeting.objects.filter(status=MeetingStatus.PUBLISHED).select_related("panel__call", "panel__direction")
    if call is not None:
        meetings = meetings.filter(panel__call=call)
    return meetings.order_by("-published_at")


def outbox(call):
    return (
        ResultLetter.objects.filter(meeting__panel__call=call)
        .select_related("application__ngo", "application__lot", "sent_by")
        .order_by("status", "application__lot__code", "application__sequence")
    )
