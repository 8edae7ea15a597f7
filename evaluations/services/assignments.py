"""Applications go to the commission; each expert declares conflicts before seeing one; a recused expert's
place goes to the next reserve. An expert who is a member of the applying NGO is never assigned it."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from grants.applications.choices import ApplicationStatus
from grants.applications.services import application_set_outcome
from grants.models import Application
from ngos.models import Membership
from portal import workflow
from portal.audit import record

from ..choices import AssignmentStatus, MemberRole, PanelStatus
from ..models import Assignment, ConflictDeclaration, Panel, Rubric
from .panels import PANEL_TRANSITIONS
from .rubrics import rubric_problems

A = AssignmentStatus
TRANSITIONS = {
    (A.AWAITING_DECLARATION, A.SCORING): "assignment_no_conflict_declared",
    (A.AWAITING_DECLARATION, A.RECUSED): "assignment_conflict_declared",
    (A.SCORING, A.SUBMITTED): "assignment_submitted",
}


def ensure_allowed(assignment: Assignment, target: str) -> None:
    """Refuse early, before anything is written, with the expert's words for it."""
    if (assignment.status, target) not in TRANSITIONS:
        raise ValidationError(
            _("This assignment is “%(status)s”: that step is not possible now.")
            % {"status": assignment.get_status_display()}
        )


def admitted_applications(panel: Panel):
    applications = Application.objects.filter(lot__call=panel.call, status=ApplicationStatus.ADMITTED)
    if panel.direction_id:
        applications = applications.filter(lot__direction=panel.direction_id)
    return applications.select_related("ngo", "lot").order_by("sequence", "id")


def ngo_ties(user_ids, ngo_ids) -> set[tuple[int, int]]:
    """(user, NGO) pairs where the user is a member of the NGO: such an expert never reviews its work."""
    return set(
        Membership.objects.filter(user_id__in=user_ids, ngo_id__in=ngo_ids).values_list("user_id", "ngo_id")
    )


@transaction.atomic
def panel_assign(*, panel: Panel, actor) -> int:
    """Give every admitted application to the commission: to every member, or to N of them, balanced."""
    panel = Panel.objects.select_for_update(of=("self",)).select_related("call").get(pk=panel.pk)
    if panel.status != PanelStatus.DRAWN:
        raise ValidationError(_("Applications are assigned once, after the draw."))
    rubric = Rubric.objects.filter(call=panel.call).first()
    if rubric is None or rubric_problems(rubric):
        raise ValidationError(_("The call's rubric must be complete before applications are assigned."))
    applications = list(admitted_applications(panel))
    if not applications:
        raise ValidationError(_("No admitted application is waiting for this commission."))
    seats = list(panel.members.select_related("expert").order_by("draw_position"))
    members = [s for s in seats if s.role != MemberRole.RESERVE]
    reserves = [s for s in seats if s.role == MemberRole.RESERVE]
    per_application = panel.experts_per_application or len(members)
    related = ngo_ties([s.expert.user_id for s in seats], {a.ngo_id for a in applications})
    load = defaultdict(int)
    rows = []
    for application in applications:
        def free(seat, application=application):
            return (seat.expert.user_id, application.ngo_id) not in related

        chosen = sorted((s for s in members if free(s)), key=lambda s: (load[s.pk], s.draw_position))
        chosen = chosen[:per_application]
        chosen += [s for s in reserves if free(s)][: per_application - len(chosen)]
        if len(chosen) < per_application:
            raise ValidationError(
                _("Application %(number)s: not enough experts of the commission are free of ties to %(ngo)s.")
                % {"number": application.registration_number, "ngo": application.ngo}
            )
        for seat in chosen:
            load[seat.pk] += 1
            rows.append(Assignment(panel=panel, application=application, expert=seat.expert))
    Assignment.objects.bulk_create(rows)
    for application in applications:
        application_set_outcome(application=application, status=ApplicationStatus.UNDER_EVALUATION, actor=actor,
                                note=str(panel))
    workflow.transition(
        panel, to=PanelStatus.ASSIGNED, table=PANEL_TRANSITIONS, actor=actor,
        message=("panel_assigned", {"applications": len(applications), "assignments": len(rows)}),
        data={"applications": len(applications), "assignments": len(rows), "per_application": per_application})
    return len(rows)


def _lock(assignment: Assignment) -> Assignment:
    return (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("expert__user", "application__ngo", "panel")
        .get(pk=assignment.pk)
    )


def next_reserve(assignment: Assignment):
    """The first reserve, in draw order, not yet on this application and not a member of the applying NGO."""
    taken = set(Assignment.objects.filter(application=assignment.application).values_list("expert_id", flat=True))
    reserves = assignment.panel.members.filter(role=MemberRole.RESERVE).select_related("expert").order_by(
        "draw_position")
    return first_free_reserve(reserves, taken=taken, ngo_id=assignment.application.ngo_id)


def first_free_reserve(reserves, *, taken: set[int], ngo_id: int):
    """The first of `reserves` (seats with .expert, in draw order) not among the `taken` experts and with no
    tie to the NGO; None when none is left."""
    free = [seat for seat in reserves if seat.expert_id not in taken]
    related = ngo_ties([s.expert.user_id for s in free], [ngo_id])
    return next((s for s in free if (s.expert.user_id, ngo_id) not in related), None)


def declaration_errors(*, has_conflict: bool, nature: str) -> dict:
    """What a conflict declaration lacks: a declared conflict states its nature."""
    if has_conflict and not (nature or "").strip():
        return {"nature": _("Describe the nature of the conflict of interest.")}
    return {}


@transaction.atomic
def assignment_declare(*, assignment: Assignment, actor, has_conflict: bool, nature: str = "") -> Assignment:
    """No conflict opens the application for scoring; a conflict recuses the expert and a reserve steps in."""
    assignment = _lock(assignment)
    nature = (nature or "").strip()
    errors = declaration_errors(has_conflict=has_conflict, nature=nature)
    if errors:
        raise ValidationError(errors)
    target = A.RECUSED if has_conflict else A.SCORING
    ensure_allowed(assignment, target)
    ConflictDeclaration.objects.create(
        assignment=assignment, has_conflict=has_conflict, nature=nature if has_conflict else "",
        declared_at=timezone.now(),
    )
    workflow.transition(assignment, to=target, table=TRANSITIONS, actor=actor, note=nature)
    if has_conflict:
        _step_in(assignment, actor=actor)
    return assignment


def _step_in(recused: Assignment, *, actor) -> Assignment | None:
    seat = next_reserve(recused)
    if seat is None:
        record(actor=actor, obj=recused, action="assignment_left_without_reserve", to_state=recused.status,
               message=("no_reserve_left", {}))
        return None
    replacement = Assignment.objects.create(
        panel=recused.panel, application=recused.application, expert=seat.expert, replaces=recused
    )
    record(
        actor=actor, obj=replacement, action="assignment_reserve_stepped_in", to_state=replacement.status,
        message=("reserve_replaces", {"reserve": str(seat.expert), "expert": str(recused.expert)}),
        data={"replaces": recused.pk, "reserve": seat.expert_id, "draw_position": seat.draw_position},
    )
    return replacement


@transaction.atomic
def translation_upload(*, application, language: str, upload, actor):
    """The operator's translation of an application, shown to experts beside the original."""
    from ..models import ApplicationTranslation

    if language == application.language:
        raise ValidationError({"language": _("The application is written in this language already.")})
    translation_row, created = ApplicationTranslation.objects.get_or_create(
        application=application, language=language, defaults={"uploaded_by": actor}
    )
    if not created and translation_row.file:
        translation_row.file.delete(save=False)
    translation_row.file.save(upload.name.rsplit("/", 1)[-1], upload, save=False)
    translation_row.uploaded_by = actor
    translation_row.save()
    record(actor=actor, obj=application, action="application_translation_uploaded",
           message=("translation_language", {"language": language}))
    return translation_row


@transaction.atomic
def reevaluation_assign(*, application, actor, reason: str = "") -> Assignment | None:
    """A new expert from the commission's reserves scores the application again (an upheld appeal asks it):
    the first reserve in draw order not yet on the application and free of ties to the NGO. None when no
    reserve is left."""
    first = (Assignment.objects.filter(application=application).select_related("panel", "application")
             .order_by("id").first())
    if first is None:
        return None
    seat = next_reserve(first)
    if seat is None:
        return None
    assignment = Assignment.objects.create(panel=first.panel, application=application, expert=seat.expert)
    record(actor=actor, obj=assignment, action="assignment_reevaluation", to_state=assignment.status,
           note=reason, message=("reevaluation_by_reserve", {"reserve": str(seat.expert)}),
           data={"reserve": seat.expert_id, "draw_position": seat.draw_position})
    return assignment
