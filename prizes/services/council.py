"""The Coordination Council's meeting: attendance with a 2/3 quorum, a decision per nomination (one or several
winners sharing the nomination's money equally to the tiyn, portal.money.split_equally), a rationale wherever
it departs from the experts' ranking; closing it decides the round and renders the decision in Kazakh and
Russian (a Celery job through the outbox); publishing makes the winners public and tells every applicant."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluations.choices import Attendance
from ngos.choices import MemberRole
from ngos.models import Membership
from portal import audit, mail, money, public_cache
from portal.rules import is_council_member
from portal.workflow import transition

from .. import notifications
from ..choices import CouncilMeetingStatus, RoundStatus
from ..models import Award, Candidacy, CouncilAttendance, CouncilMeeting, NominationDecision, Round
from .rounds import TRANSITIONS

MEETING_TRANSITIONS = {(CouncilMeetingStatus.OPEN, CouncilMeetingStatus.CLOSED): "council_meeting_closed"}


def _council(actor) -> None:
    if not is_council_member(actor):
        raise ValidationError(_("Only members of the Coordination Council hold its meeting."), code="not_council")


def _lock_meeting(meeting: CouncilMeeting) -> CouncilMeeting:
    meeting = CouncilMeeting.objects.select_for_update(of=("self",)).select_related("round__fiscal_year").get(
        pk=meeting.pk)
    if meeting.status != CouncilMeetingStatus.OPEN:
        raise ValidationError(_("The meeting is closed: its decision can no longer change."), code="closed")
    return meeting


@transaction.atomic
def meeting_open(*, actor, prize_round: Round, held_at: datetime, place: str) -> CouncilMeeting:
    """Open the meeting on a round under review; every council member is listed, the one opening it present."""
    from ..selectors import council_members

    _council(actor)
    prize_round = Round.objects.select_for_update().get(pk=prize_round.pk)
    if prize_round.status != RoundStatus.UNDER_REVIEW:
        raise ValidationError(_("The council meets once the candidacies are under review."), code="not_under_review")
    if CouncilMeeting.objects.filter(round=prize_round).exists():
        raise ValidationError(_("The council's meeting on this round is already open."), code="duplicate")
    place = (place or "").strip()
    if not place:
        raise ValidationError({"place": _("Say where the council meets, or give the link for remote participation.")})
    meeting = CouncilMeeting.objects.create(round=prize_round, held_at=held_at, place=place, opened_by=actor)
    CouncilAttendance.objects.bulk_create(
        CouncilAttendance(meeting=meeting, member=member,
                          attendance=Attendance.IN_PERSON if member.pk == actor.pk else Attendance.ABSENT)
        for member in council_members()
    )
    audit.record(actor=actor, obj=meeting, action="council_meeting_opened", to_state=meeting.status)
    return meeting


@transaction.atomic
def attendance_record(*, actor, meeting: CouncilMeeting, attendance: dict) -> CouncilMeeting:
    """{council member's user id: Attendance}; members not named keep what was recorded."""
    _council(actor)
    meeting = _lock_meeting(meeting)
    rows = {row.member_id: row for row in meeting.attendance.all()}
    changed = 0
    for user_id, value in attendance.items():
        row = rows.get(int(user_id))
        if row is None or value not in Attendance.values or row.attendance == value:
            continue
        row.attendance = value
        row.save(update_fields=["attendance"])
        changed += 1
    if changed:
        present = sum(1 for row in rows.values() if row.is_present)
        audit.record(actor=actor, obj=meeting, action="council_attendance_recorded",
                     message=("council_present", {"present": present, "members": len(rows)}))
    return meeting


def _require_quorum(meeting: CouncilMeeting) -> None:
    from ..selectors import quorum_of

    quorum = quorum_of(meeting)
    if not quorum.reached:
        raise ValidationError(
            _("No quorum: %(present)s of %(members)s members are present, at least %(needed)s are needed (two "
              "thirds).") % {"present": quorum.present, "members": quorum.members, "needed": quorum.needed},
            code="quorum",
        )


@transaction.atomic
def nomination_decide(*, actor, meeting: CouncilMeeting, nomination, winners, rationale: str = "",
                      now: datetime | None = None) -> NominationDecision:
    """Record (or record again, while the meeting is open) the decision on a nomination. Winners are among its
    live candidacies; several share the nomination's money equally, the remainder tiyn going one each to the
    first winners in the ranking's order. A decision other than the ranking's recommendation needs a rationale."""
    from ..selectors import rankings

    _council(actor)
    meeting = _lock_meeting(meeting)
    _require_quorum(meeting)
    if nomination.round_id != meeting.round_id:
        raise ValidationError(_("This nomination belongs to another round."))
    ranking = next(r for r in rankings(meeting.round) if r.nomination.pk == nomination.pk)
    order = [row.candidacy.pk for row in ranking.rows]
    chosen = {c.pk for c in winners}
    if not chosen <= set(order):
        raise ValidationError({"winners": _("Winners are chosen among the nomination's candidacies.")})
    follows = bool(chosen) and chosen == {c.pk for c in ranking.recommended}
    rationale = (rationale or "").strip()
    if not follows and not rationale:
        raise ValidationError({"rationale": _(
            "The decision departs from the experts' ranking (or awards no one): give the council's rationale.")})
    NominationDecision.objects.filter(nomination=nomination).delete()  # a second vote replaces the first
    decision = NominationDecision.objects.create(
        meeting=meeting, nomination=nomination, follows_ranking=follows, rationale=rationale, decided_by=actor,
        decided_at=now or timezone.now(),
    )
    ordered = [pk for pk in order if pk in chosen]
    shares = money.split_equally(nomination.total, len(ordered)) if ordered else []
    Award.objects.bulk_create(
        Award(decision=decision, candidacy_id=pk, position=index, amount=amount)
        for index, (pk, amount) in enumerate(zip(ordered, shares, strict=True), start=1)
    )
    audit.record(actor=actor, obj=meeting, action="council_nomination_decided", note=rationale,
                 message=("council_nomination_decided", {"number": nomination.number, "winners": len(ordered)}),
                 data={"nomination": nomination.number, "winners": ordered, "shares": [str(s) for s in shares],
                       "follows_ranking": follows})
    return decision


def undecided(meeting: CouncilMeeting) -> list:
    """Nominations with candidacies the council has not decided yet."""
    decided = set(NominationDecision.objects.filter(meeting=meeting).values_list("nomination_id", flat=True))
    with_candidacies = set(Candidacy.objects.filter(round=meeting.round, status="submitted")
                           .values_list("nomination_id", flat=True))
    return sorted(n.number for n in meeting.round.nominations.all() if n.pk in with_candidacies - decided)


@transaction.atomic
def meeting_close(*, actor, meeting: CouncilMeeting) -> CouncilMeeting:
    """Close the meeting: the quorum holds and every nomination with candidacies is decided. The round becomes
    decided and its decision is rendered in Kazakh and Russian by the worker."""
    _council(actor)
    meeting = _lock_meeting(meeting)
    _require_quorum(meeting)
    missing = undecided(meeting)
    if missing:
        raise ValidationError(_("Decide every nomination first; still open: %(numbers)s.") % {
            "numbers": ", ".join(str(n) for n in missing)}, code="undecided")
    meeting.closed_at = timezone.now()
    transition(meeting, to=CouncilMeetingStatus.CLOSED, table=MEETING_TRANSITIONS, actor=actor,
               update_fields=["closed_at"])
    transition(meeting.round, to=RoundStatus.DECIDED, table=TRANSITIONS, actor=actor)
    from ..tasks import render_decision

    mail.prepare(render_decision, about=meeting, meeting_pk=meeting.pk)
    return meeting


@transaction.atomic
def decision_render(*, meeting: CouncilMeeting) -> CouncilMeeting:
    """Render the council's decision in Kazakh and Russian (run by a Celery job after the meeting closes)."""
    from django.core.files.base import ContentFile

    from ..pdf import decision_pdf

    meeting = CouncilMeeting.objects.select_for_update(of=("self",)).select_related("round__fiscal_year").get(
        pk=meeting.pk)
    for language in ("kk", "ru"):
        content = decision_pdf(meeting, language=language)
        field = getattr(meeting, f"decision_{language}")
        if field:
            field.delete(save=False)
        field.save(f"awards-{meeting.round.year}-decision-{language}.pdf", ContentFile(content), save=False)
    meeting.save(update_fields=["decision_kk", "decision_ru"])
    audit.record(actor=None, obj=meeting, action="council_decision_rendered")
    return meeting


@transaction.atomic
def round_publish(*, actor, prize_round: Round) -> Round:
    """Publish the council's decision: the winners go public and every applicant is told its scores."""
    prize_round = Round.objects.select_for_update().select_related("fiscal_year").get(pk=prize_round.pk)
    meeting = CouncilMeeting.objects.filter(round=prize_round).first()
    if prize_round.status == RoundStatus.DECIDED and (meeting is None or not meeting.has_decision_pdfs):
        raise ValidationError(_("The decision's PDFs in Kazakh and Russian are still being prepared; publish it "
                                "once they are ready."), code="no_pdf")
    transition(prize_round, to=RoundStatus.PUBLISHED, table=TRANSITIONS, actor=actor)
    public_cache.bump("ngos")  # NGO profiles list the awards received
    candidacies = list(Candidacy.objects.filter(round=prize_round, status="submitted")
                       .select_related("ngo", "nomination", "round__fiscal_year").select_related("award"))
    heads = {}
    for membership in Membership.objects.filter(ngo__in=[c.ngo_id for c in candidacies], role=MemberRole.HEAD) \
            .select_related("user"):
        heads.setdefault(membership.ngo_id, []).append(membership.user)
    for candidacy in candidacies:
        notifications.tell_applicant_of_decision(candidacy, heads.get(candidacy.ngo_id, []))
    return prize_round
