"""Priority directions: a customer's yearly list goes draft → public discussion → approved.

The discussion lasts at least 10 working days (DOMAIN.md, step 1); every comment gets an answer
before the list is approved, and the answers stay public.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal import audit
from portal.formatting import short_date
from portal.workflow import transition

from ..choices import CommentResolution, DirectionListStatus
from ..models import Customer, DirectionComment, FiscalYear, PriorityDirection, PriorityDirectionList
from ..workdays import add_working_days, local_date

MIN_DISCUSSION_WORKING_DAYS = 10

TRANSITIONS = {
    (DirectionListStatus.DRAFT, DirectionListStatus.DISCUSSION): "direction_list_discussion_started",
    (DirectionListStatus.DISCUSSION, DirectionListStatus.APPROVED): "direction_list_approved",
}

# A comment is answered once and the answer may be revised while the discussion runs.
ANSWERS = (CommentResolution.ACCEPTED, CommentResolution.PARTLY, CommentResolution.REJECTED)
COMMENT_TRANSITIONS = {
    (before, after): "comment_answered" for before in (CommentResolution.PENDING, *ANSWERS) for after in ANSWERS
}

DIRECTION_FIELDS = ["number", "title_kk", "title_ru", "title_en", "description_kk", "description_ru", "description_en"]


def _lock(direction_list: PriorityDirectionList) -> PriorityDirectionList:
    return PriorityDirectionList.objects.select_for_update().get(pk=direction_list.pk)


def _check_transition(direction_list: PriorityDirectionList, target: str) -> None:
    if (direction_list.status, target) in TRANSITIONS:
        return
    if target == DirectionListStatus.DISCUSSION:
        message = _("The public discussion of this list has already started.")
    elif direction_list.status == DirectionListStatus.DRAFT:
        message = _("The list goes through public discussion before it is approved.")
    else:
        message = _("This list is already approved.")
    raise ValidationError(message, code="transition")


@transaction.atomic
def direction_list_create(*, actor, customer: Customer, fiscal_year: FiscalYear) -> PriorityDirectionList:
    if PriorityDirectionList.objects.filter(customer=customer, fiscal_year=fiscal_year).exists():
        raise ValidationError(
            _("%(customer)s already has a list of priority directions for %(year)s.")
            % {"customer": customer, "year": fiscal_year.year}
        )
    direction_list = PriorityDirectionList.objects.create(customer=customer, fiscal_year=fiscal_year)
    audit.record(actor=actor, obj=direction_list, action="direction_list_created", to_state=direction_list.status)
    return direction_list


@transaction.atomic
def directions_save(*, actor, direction_list: PriorityDirectionList, directions: list[dict]) -> None:
    """Replace the directions of a draft list with these rows (number, titles, descriptions)."""
    direction_list = _lock(direction_list)
    if direction_list.status != DirectionListStatus.DRAFT:
        raise ValidationError(_("Directions can change only while the list is a draft."))
    numbers = [row["number"] for row in directions]
    if len(numbers) != len(set(numbers)):
        raise ValidationError(_("Two directions have the same number."))
    kept = {d.number: d for d in direction_list.directions.all()}
    for row in directions:
        direction = kept.pop(row["number"], None) or PriorityDirection(direction_list=direction_list)
        for name in DIRECTION_FIELDS:
            setattr(direction, name, row.get(name, ""))
        direction.save()
    for direction in kept.values():
        if direction.lots.exists():
            raise ValidationError(
                _("Direction %(number)s has lots and cannot be removed.") % {"number": direction.number}
            )
        direction.delete()
    audit.record(actor=actor, obj=direction_list, action="direction_list_changed", data={"count": len(directions)})


def earliest_discussion_end(starts_on: date) -> date:
    return add_working_days(starts_on, MIN_DISCUSSION_WORKING_DAYS)


@transaction.atomic
def discussion_start(
    *, actor, direction_list: PriorityDirectionList, starts_on: date, ends_on: date, now: datetime | None = None
) -> PriorityDirectionList:
    now = now or timezone.now()
    direction_list = _lock(direction_list)
    _check_transition(direction_list, DirectionListStatus.DISCUSSION)
    if not direction_list.directions.exists():
        raise ValidationError(_("Add at least one priority direction before the public discussion."))
    errors = {}
    if starts_on < local_date(now):
        errors["starts_on"] = _("The discussion cannot start in the past.")
    earliest = earliest_discussion_end(starts_on)
    if ends_on < earliest:
        errors["ends_on"] = _(
            "The public discussion lasts at least %(days)d working days: with a start on %(start)s it ends on "
            "%(earliest)s or later."
        ) % {
            "days": MIN_DISCUSSION_WORKING_DAYS, "start": short_date(starts_on),
            "earliest": short_date(earliest),
        }
    if errors:
        raise ValidationError(errors)
    direction_list.discussion_starts_on = starts_on
    direction_list.discussion_ends_on = ends_on
    transition(
        direction_list, to=DirectionListStatus.DISCUSSION, table=TRANSITIONS, actor=actor,
        update_fields=["discussion_starts_on", "discussion_ends_on"],
        message=("discussion_dates", {"starts_on": starts_on.isoformat(), "ends_on": ends_on.isoformat()}),
        data={"starts_on": starts_on.isoformat(), "ends_on": ends_on.isoformat()},
    )
    return direction_list


@transaction.atomic
def comment_add(*, actor, direction: PriorityDirection, text: str, now: datetime | None = None) -> DirectionComment:
    now = now or timezone.now()
    direction_list = _lock(direction.direction_list)
    today = local_date(now)
    if direction_list.status != DirectionListStatus.DISCUSSION or not (
        direction_list.discussion_starts_on <= today <= direction_list.discussion_ends_on
    ):
        raise ValidationError(_("Comments are accepted only while the public discussion runs."))
    if not text.strip():
        raise ValidationError({"text": _("Write your comment.")})
    comment = DirectionComment.objects.create(direction=direction, author=actor, text=text.strip())
    audit.record(actor=actor, obj=comment, action="comment_added", to_state=comment.resolution)
    return comment


@transaction.atomic
def comment_answer(
    *, actor, comment: DirectionComment, resolution: str, response: str, now: datetime | None = None
) -> DirectionComment:
    now = now or timezone.now()
    comment = DirectionComment.objects.select_for_update().select_related("direction__direction_list").get(
        pk=comment.pk
    )
    if comment.direction.direction_list.status != DirectionListStatus.DISCUSSION:
        raise ValidationError(_("Comments are answered during the discussion, before the list is approved."))
    errors = {}
    if resolution not in (CommentResolution.ACCEPTED, CommentResolution.PARTLY, CommentResolution.REJECTED):
        errors["resolution"] = _("Choose whether the comment is accepted, partly accepted or rejected.")
    if not response.strip():
        errors["response"] = _("Give the reason: it is published with the comment.")
    if errors:
        raise ValidationError(errors)
    comment.response = response.strip()
    comment.answered_by = actor
    comment.answered_at = now
    transition(
        comment, to=resolution, table=COMMENT_TRANSITIONS, field="resolution", actor=actor, note=comment.response,
        update_fields=["response", "answered_by", "answered_at"],
    )
    return comment


@transaction.atomic
def direction_list_approve(
    *, actor, direction_list: PriorityDirectionList, now: datetime | None = None
) -> PriorityDirectionList:
    now = now or timezone.now()
    direction_list = _lock(direction_list)
    _check_transition(direction_list, DirectionListStatus.APPROVED)
    problems = []
    if local_date(now) <= direction_list.discussion_ends_on:
        problems.append(
            _("The public discussion runs until %(end)s inclusive; the list is approved after it ends.")
            % {"end": short_date(direction_list.discussion_ends_on)}
        )
    unanswered = DirectionComment.objects.filter(
        direction__direction_list=direction_list, resolution=CommentResolution.PENDING
    ).count()
    if unanswered:
        problems.append(
            ngettext("%(count)d comment still has no answer.", "%(count)d comments still have no answer.", unanswered)
            % {"count": unanswered}
        )
    if problems:
        raise ValidationError(problems)
    direction_list.approved_at = now
    transition(direction_list, to=DirectionListStatus.APPROVED, table=TRANSITIONS, actor=actor,
               update_fields=["approved_at"])
    return direction_list
