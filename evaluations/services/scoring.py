"""Score sheets: saved as the expert types, submitted once (then frozen), the total computed from the stored scores."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import workflow

from ..choices import AssignmentStatus
from ..models import Assignment, Criterion, Rubric, Score
from .assignments import TRANSITIONS, ensure_allowed
from .rubrics import rubric_lock


def _lock(assignment: Assignment) -> Assignment:
    return Assignment.objects.select_for_update(of=("self",)).select_related("panel__call").get(pk=assignment.pk)


def criteria_of(assignment: Assignment) -> list[Criterion]:
    return list(Criterion.objects.filter(rubric__call=assignment.panel.call_id).order_by("position", "id"))


def check_value(criterion: Criterion, value) -> int | None:
    if value in (None, ""):
        return None
    try:
        value = int(value)
    except (TypeError, ValueError):
        raise ValidationError(
            {f"score_{criterion.pk}": _("Give a whole number from 0 to %(max)s.") % {"max": criterion.max_score}}
        ) from None
    if not 0 <= value <= criterion.max_score:
        raise ValidationError(
            {f"score_{criterion.pk}": _("Give a whole number from 0 to %(max)s.") % {"max": criterion.max_score}}
        )
    return value


def checked_values(criteria, values: dict) -> dict:
    """{criterion_id: (score or None, comment)} checked against the sheet's criteria (ids of other criteria are
    skipped); every field's refusal at once, so the expert sees all that is wrong. Award rounds' sheets use it too."""
    by_id = {c.pk: c for c in criteria}
    errors, cleaned = {}, {}
    for criterion_id, (value, comment) in values.items():
        criterion = by_id.get(int(criterion_id))
        if criterion is None:
            continue
        try:
            cleaned[criterion.pk] = (check_value(criterion, value), (comment or "").strip())
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def scores_save(*, assignment: Assignment, actor, values: dict) -> list[Score]:
    """Keep what the expert has typed so far: {criterion_id: (score or None, comment)}. Not a state change."""
    assignment = _lock(assignment)
    if assignment.status != AssignmentStatus.SCORING:
        raise ValidationError(_("This score sheet is closed: it can no longer change."))
    cleaned = checked_values(criteria_of(assignment), values)
    existing = {s.criterion_id: s for s in assignment.scores.all()}
    saved = []
    for criterion_id, (value, comment) in cleaned.items():
        score = existing.get(criterion_id) or Score(assignment=assignment, criterion_id=criterion_id)
        score.value, score.comment = value, comment
        score.save()
        saved.append(score)
    return saved


def sheet_problems(assignment: Assignment, criteria: list[Criterion], scores: dict[int, Score]) -> dict[str, str]:
    problems = {}
    for criterion in criteria:
        score = scores.get(criterion.pk)
        if score is None or score.value is None:
            problems[f"score_{criterion.pk}"] = _("Give a score for this criterion.")
        elif criterion.min_score is not None and score.value < criterion.min_score and not score.comment.strip():
            problems[f"comment_{criterion.pk}"] = _(
                "The score is below this criterion's threshold (%(min)s): explain it in a comment."
            ) % {"min": criterion.min_score}
    return problems


def weighted_total(assignment: Assignment) -> Decimal:
    return weighted_total_of(Score.objects.filter(assignment=assignment))


def weighted_total_of(scores) -> Decimal:
    """Σ score / maximum × weight of one sheet's scores (any queryset whose rows have value and a criterion with
    weight and max_score), to the hundredth. A sheet has a handful of rows: they are summed here in Decimal, in
    one query, because SQLite (the demo's database) divides two integers as integers (5 × 25 / 10 = 12)."""
    rows = scores.values_list("value", "criterion__weight", "criterion__max_score")
    total = sum((Decimal(value) * Decimal(weight) / max_score for value, weight, max_score in rows
                 if value is not None), Decimal(0))
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@transaction.atomic
def assignment_submit(*, assignment: Assignment, actor) -> Assignment:
    """Submit the sheet: every criterion scored, a comment under each threshold; then it never changes."""
    assignment = _lock(assignment)
    ensure_allowed(assignment, AssignmentStatus.SUBMITTED)
    criteria = criteria_of(assignment)
    scores = {s.criterion_id: s for s in assignment.scores.all()}
    problems = sheet_problems(assignment, criteria, scores)
    if problems:
        raise ValidationError(problems)
    assignment.total = weighted_total(assignment)
    assignment.submitted_at = timezone.now()
    workflow.transition(assignment, to=AssignmentStatus.SUBMITTED, table=TRANSITIONS, actor=actor,
                        update_fields=["total", "submitted_at"], data={"total": str(assignment.total)})
    rubric = Rubric.objects.filter(call=assignment.panel.call_id).first()
    if rubric is not None:
        rubric_lock(rubric=rubric, actor=actor)
    return assignment
