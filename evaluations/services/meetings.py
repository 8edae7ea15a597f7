"""The commission meeting: attendance and quorum (at least 2/3), a decision per lot, then the statuses, the
minutes and the letters."""


from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from grants.applications.choices import ApplicationStatus
from grants.applications.services import application_set_outcome
from grants.models import Application, Lot
from portal import mail
from portal.audit import record
from portal.workflow import transition

from ..choices import AssignmentStatus, Attendance, MeetingStatus, MemberRole, Outcome, PanelStatus, Recommendation
from ..models import ApplicationDecision, Assignment, LotDecision, Meeting, MeetingAttendance, Panel, Rubric
from ..selectors.meetings import quorum_of
from ..selectors.ranking import lot_ranking
from .panels import PANEL_TRANSITIONS

# A meeting is opened, closed with its decisions, then its minutes are published.
MEETING_TRANSITIONS = {
    (MeetingStatus.OPEN, MeetingStatus.CLOSED): "meeting_closed",
    (MeetingStatus.CLOSED, MeetingStatus.PUBLISHED): "meeting_minutes_published",
}

R = Recommendation
FROM_RECOMMENDATION = {R.WINNER: Outcome.WINNER, R.RESERVE: Outcome.RESERVE, R.BELOW_THRESHOLD: Outcome.NOT_FUNDED}
STATUS_OF = {Outcome.WINNER: ApplicationStatus.WINNER, Outcome.RESERVE: ApplicationStatus.RESERVE,
             Outcome.NOT_FUNDED: ApplicationStatus.NOT_FUNDED}


def scoring_open(panel: Panel) -> int:
    return Assignment.objects.filter(
        panel=panel, status__in=[AssignmentStatus.AWAITING_DECLARATION, AssignmentStatus.SCORING]
    ).count()


def _lots(panel: Panel):
    return Lot.objects.filter(
        pk__in=Application.objects.filter(assignments__panel=panel).values("lot_id")
    ).order_by("position", "code")


def _check_attendance(panel: Panel, attendance: dict) -> dict:
    members = {m.pk: m for m in panel.members.exclude(role=MemberRole.RESERVE)}
    if set(map(int, attendance)) != set(members):
        raise ValidationError(_("Record the attendance of every member of the commission."))
    for value in attendance.values():
        if value not in Attendance.values:
            raise ValidationError(_("Unknown attendance."))
    return {int(k): v for k, v in attendance.items()}


@transaction.atomic
def meeting_open(*, panel: Panel, actor, held_at, place: str, attendance: dict) -> Meeting:
    panel = Panel.objects.select_for_update(of=("self",)).get(pk=panel.pk)
    if panel.status != PanelStatus.ASSIGNED:
        raise ValidationError(_("The commission meets once its applications are assigned and scored."))
    if Meeting.objects.filter(panel=panel).exists():
        raise ValidationError(_("This commission's meeting is already open."))
    left = scoring_open(panel)
    if left:
        raise ValidationError(
            _("Scoring is not finished: score sheets not submitted yet: %(count)s.") % {"count": left}
        )
    attendance = _check_attendance(panel, attendance)
    meeting = Meeting.objects.create(panel=panel, held_at=held_at, place=place.strip(), opened_by=actor)
    MeetingAttendance.objects.bulk_create(
        MeetingAttendance(meeting=meeting, member_id=pk, attendance=value) for pk, value in attendance.items()
    )
    quorum = quorum_of(meeting)
    record(actor=actor, obj=meeting, action="meeting_opened", to_state=meeting.status,
           data={"present": quorum.present, "members": quorum.members, "quorum": quorum.reached})
    return meeting


def _lock(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update(of=("self",)).select_related("panel__call").get(pk=meeting.pk)


@transaction.atomic
def meeting_set_attendance(*, meeting: Meeting, actor, attendance: dict, held_at=None, place: str = "") -> Meeting:
    meeting = _lock(meeting)
    if meeting.status != MeetingStatus.OPEN:
        raise ValidationError(_("The meeting is closed: its record can no longer change."))
    attendance = _check_attendance(meeting.panel, attendance)
    for row in meeting.attendance.all():
        if row.attendance != attendance[row.member_id]:
            row.attendance = attendance[row.member_id]
            row.save(update_fields=["attendance"])
    if held_at:
        meeting.held_at = held_at
    if place.strip():
        meeting.place = place.strip()
    meeting.save(update_fields=["held_at", "place"])
    quorum = quorum_of(meeting)
    record(actor=actor, obj=meeting, action="meeting_attendance_recorded", to_state=meeting.status,
           data={"present": quorum.present, "members": quorum.members, "quorum": quorum.reached})
    return meeting


@transaction.atomic
def lot_decide(*, meeting: Meeting, lot, actor, confirm: bool, outcomes: dict | None = None,
               rationale: str = "") -> LotDecision:
    """Confirm the ranking's recommendation for the lot, or decide otherwise with a rationale."""
    meeting = _lock(meeting)
    if meeting.status != MeetingStatus.OPEN:
        raise ValidationError(_("The meeting is closed: its record can no longer change."))
    if not quorum_of(meeting).reached:
        raise ValidationError(_("There is no quorum: at least two thirds of the members must be present."))
    rubric = Rubric.objects.filter(call=meeting.panel.call_id).first()
    ranking = lot_ranking(lot, rubric)
    if not ranking.rows or not ranking.complete:
        raise ValidationError(_("The lot's applications are not all scored."))
    rationale = (rationale or "").strip()
    rows = {row.application.pk: row for row in ranking.rows}
    if confirm:
        if ranking.has_ties:
            raise ValidationError(_("There is a tie at the funding line: decide it, with a rationale."))
        decided = {pk: FROM_RECOMMENDATION[row.recommendation] for pk, row in rows.items()}
    else:
        if not rationale:
            raise ValidationError({"rationale": _("Explain why the commission decides otherwise.")})
        decided = {int(pk): value for pk, value in (outcomes or {}).items()}
        if set(decided) != set(rows) or not set(decided.values()) <= set(Outcome.values):
            raise ValidationError(_("Decide every application of the lot."))
        for pk, outcome in decided.items():
            if not rows[pk].eligible and outcome != Outcome.NOT_FUNDED:
                raise ValidationError(
                    _("Application %(number)s is below a threshold: it cannot be a winner or on the reserve list.")
                    % {"number": rows[pk].application.registration_number}
                )
        winners = [rows[pk] for pk, outcome in decided.items() if outcome == Outcome.WINNER]
        if len(winners) > lot.grants_count:
            raise ValidationError(
                _("The lot has %(count)s grants: choose at most that many winners.") % {"count": lot.grants_count}
            )
        if sum(r.budget for r in winners) > lot.budget:
            raise ValidationError(_("The winners' budgets add up to more than the lot's budget."))
    LotDecision.objects.filter(meeting=meeting, lot=lot).delete()
    decision = LotDecision.objects.create(
        meeting=meeting, lot=lot, confirmed=confirm, rationale=rationale, decided_by=actor, decided_at=timezone.now()
    )
    reserve_place = 0
    rows_out = []
    for row in ranking.rows:
        outcome = decided[row.application.pk]
        position = None
        if outcome == Outcome.RESERVE:
            reserve_place += 1
            position = reserve_place
        rows_out.append(ApplicationDecision(
            lot_decision=decision, application=row.application, rank=row.rank, mean_total=row.mean,
            recommendation=row.recommendation, outcome=outcome, reserve_position=position,
        ))
    ApplicationDecision.objects.bulk_create(rows_out)
    record(actor=actor, obj=decision, action="lot_ranking_confirmed" if confirm else "lot_ranking_overridden",
           to_state="decided",
           note=rationale, data={str(pk): value for pk, value in decided.items()})
    return decision


def undecided_lots(meeting: Meeting) -> list:
    decided = set(meeting.decisions.values_list("lot_id", flat=True))
    return [lot for lot in _lots(meeting.panel) if lot.pk not in decided]


@transaction.atomic
def meeting_close(*, meeting: Meeting, actor) -> Meeting:
    """Record the decisions as application statuses, draft the letters and have the minutes written."""
    meeting = _lock(meeting)
    if meeting.status != MeetingStatus.OPEN:
        raise ValidationError(_("The meeting is closed already."))
    if not quorum_of(meeting).reached:
        raise ValidationError(_("There is no quorum: at least two thirds of the members must be present."))
    missing = undecided_lots(meeting)
    if missing:
        raise ValidationError(
            _("Decide every lot first: %(lots)s.") % {"lots": ", ".join(lot.code for lot in missing)}
        )
    decisions = ApplicationDecision.objects.filter(lot_decision__meeting=meeting).select_related("application")
    for decision in decisions:
        status = STATUS_OF[decision.outcome]
        if decision.application.status != status:
            application_set_outcome(application=decision.application, status=status, actor=actor,
                                    message=("decided_at_meeting", {"panel": str(meeting.panel)}))
    meeting.closed_at = timezone.now()
    transition(meeting, to=MeetingStatus.CLOSED, table=MEETING_TRANSITIONS, actor=actor, update_fields=["closed_at"])
    transition(meeting.panel, to=PanelStatus.DECIDED, table=PANEL_TRANSITIONS, actor=actor)
    from .letters import letters_draft

    letters_draft(meeting=meeting)
    from ..tasks import render_minutes

    mail.prepare(render_minutes, about=meeting, meeting_pk=meeting.pk)
    return meeting


@transaction.atomic
def meeting_render_minutes(*, meeting: Meeting) -> Meeting:
    """The minutes in Kazakh and Russian (run by a Celery task when the meeting closes)."""
    from django.core.files.base import ContentFile

    from ..pdf import minutes_pdf

    meeting = _lock(meeting)
    for language in ("kk", "ru"):
        pdf = minutes_pdf(meeting, language=language)
        field = getattr(meeting, f"minutes_{language}")
        if field:
            field.delete(save=False)
        field.save(f"minutes-{meeting.panel.call.code}-{meeting.pk}-{language}.pdf", ContentFile(pdf), save=False)
    meeting.save(update_fields=["minutes_kk", "minutes_ru"])
    record(actor=None, obj=meeting, action="meeting_minutes_written", to_state=meeting.status)
    return meeting


@transaction.atomic
def meeting_publish(*, meeting: Meeting, actor) -> Meeting:
    meeting = _lock(meeting)
    if meeting.status != MeetingStatus.CLOSED:
        raise ValidationError(_("Only the minutes of a closed meeting are published."))
    if not meeting.has_minutes:
        raise ValidationError(_("The minutes are still being written: try again in a minute."))
    meeting.published_at = timezone.now()
    transition(meeting, to=MeetingStatus.PUBLISHED, table=MEETING_TRANSITIONS, actor=actor,
               update_fields=["published_at"])
    return meeting
