"""Rubrics: started from a template or another call's rubric, edited until the first score sheet is submitted."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.audit import record

from ..models import MAX_TOTAL, Criterion, Rubric

CRITERION_FIELDS = [
    "position", "title_kk", "title_ru", "title_en", "guidance_kk", "guidance_ru", "guidance_en",
    "max_score", "weight", "min_score",
]


def rubric_problems(rubric: Rubric, criteria=None) -> list[str]:
    """Why the rubric cannot be used for scoring yet (empty when it can)."""
    criteria = list(rubric.criteria.all()) if criteria is None else criteria
    if not criteria:
        return [_("The rubric has no criteria.")]
    problems = []
    total = sum((c.weight for c in criteria), Decimal("0"))
    if total != MAX_TOTAL:
        shown = format(total.normalize(), "f")  # 90, not 9E+1
        problems.append(_("The weights add up to %(total)s, not 100.") % {"total": shown})
    return problems


def _copy_criteria(source: Rubric, target: Rubric) -> None:
    Criterion.objects.bulk_create(
        Criterion(rubric=target, **{field: getattr(c, field) for field in CRITERION_FIELDS})
        for c in source.criteria.all()
    )


def _refuse_if_locked(rubric: Rubric) -> None:
    if rubric.is_locked:
        raise ValidationError(_("The rubric is locked: experts have started submitting scores on it."))


@transaction.atomic
def rubric_start(*, call, actor, source: Rubric | None = None) -> Rubric:
    """The call's rubric, as a copy of a template or another call's rubric (or empty)."""
    if Rubric.objects.filter(call=call).exists():
        raise ValidationError(_("This call already has a rubric."))
    rubric = Rubric.objects.create(
        call=call, copied_from=source,
        overall_threshold=source.overall_threshold if source else Decimal("0"),
        dispersion_percent=source.dispersion_percent if source else 30,
    )
    if source is not None:
        _copy_criteria(source, rubric)
    record(actor=actor, obj=rubric, action="rubric_created", to_state="editable",
           note=str(source) if source else "", data={"copied_from": source.pk if source else None})
    return rubric


@transaction.atomic
def rubric_replace_from(*, rubric: Rubric, source: Rubric, actor) -> Rubric:
    """Throw away the criteria and start again from another rubric, while nobody has scored."""
    rubric = Rubric.objects.select_for_update().get(pk=rubric.pk)
    _refuse_if_locked(rubric)
    if source.pk == rubric.pk:
        raise ValidationError(_("A rubric cannot be copied onto itself."))
    rubric.criteria.all().delete()
    _copy_criteria(source, rubric)
    rubric.copied_from = source
    rubric.overall_threshold, rubric.dispersion_percent = source.overall_threshold, source.dispersion_percent
    rubric.save(update_fields=["copied_from", "overall_threshold", "dispersion_percent", "updated_at"])
    record(actor=actor, obj=rubric, action="rubric_copied", note=str(source), data={"copied_from": source.pk})
    return rubric


@transaction.atomic
def rubric_template_create(*, actor, name_kk: str, name_ru: str, name_en: str = "",
                           source: Rubric | None = None) -> Rubric:
    if not (name_kk.strip() and name_ru.strip()):
        raise ValidationError(_("A template needs a name in Kazakh and in Russian."))
    rubric = Rubric.objects.create(
        name_kk=name_kk.strip(), name_ru=name_ru.strip(), name_en=name_en.strip(), copied_from=source,
        overall_threshold=source.overall_threshold if source else Decimal("0"),
        dispersion_percent=source.dispersion_percent if source else 30,
    )
    if source is not None:
        _copy_criteria(source, rubric)
    record(actor=actor, obj=rubric, action="rubric_template_created", to_state="editable")
    return rubric


@transaction.atomic
def rubric_update(*, rubric: Rubric, actor, settings: dict, criteria: list[dict]) -> Rubric:
    """Replace the rubric's settings and criteria in one go (the editor posts them all)."""
    rubric = Rubric.objects.select_for_update().get(pk=rubric.pk)
    _refuse_if_locked(rubric)
    new = [Criterion(rubric=rubric, **{f: row.get(f) for f in CRITERION_FIELDS}) for row in criteria]
    for position, criterion in enumerate(new, start=1):
        criterion.position = position
        criterion.title_en = criterion.title_en or ""
        for field in ("guidance_kk", "guidance_ru", "guidance_en"):
            setattr(criterion, field, getattr(criterion, field) or "")
        if criterion.min_score is not None and criterion.min_score > criterion.max_score:
            raise ValidationError(
                _("Criterion %(n)s: the threshold cannot be above the maximum score.") % {"n": position}
            )
    problems = rubric_problems(rubric, new)
    if problems:
        raise ValidationError(problems)
    for field in ("name_kk", "name_ru", "name_en", "overall_threshold", "dispersion_percent"):
        if field in settings:
            setattr(rubric, field, settings[field] if settings[field] is not None else getattr(rubric, field))
    rubric.save()
    rubric.criteria.all().delete()
    Criterion.objects.bulk_create(new)
    record(actor=actor, obj=rubric, action="rubric_changed", data={"criteria": len(new)})
    return rubric


def rubric_lock(*, rubric: Rubric, actor) -> bool:
    """Lock at the first submitted score sheet (called inside the submit transaction); True if it locked now."""
    updated = Rubric.objects.filter(pk=rubric.pk, locked_at__isnull=True).update(locked_at=timezone.now())
    if updated:
        rubric.refresh_from_db(fields=["locked_at"])
        record(actor=actor, obj=rubric, action="rubric_locked", from_state="editable", to_state="locked",
               message=("rubric_locked_by_first_sheet", {}))
    return bool(updated)
