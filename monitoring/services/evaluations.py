"""The evaluation of efficiency: once the final report is accepted, the customer's representative and the
operator each score the five criteria 0-5 with a comment; the operator publishes, and the totals and comments
are public on the grant's page."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.choices import GrantStatus
from portal import mail
from portal.audit import record

from ..choices import Criterion, EvaluatorSide, ReportKind, ReportStatus
from ..models import EfficiencyEvaluation, GrantReport


def _ready(grant) -> None:
    # The state the database holds, not the caller's copy (the final report's acceptance just changed it).
    status = type(grant).objects.filter(pk=grant.pk).values_list("status", flat=True).first()
    if not GrantReport.objects.filter(grant=grant, kind=ReportKind.FINAL, status=ReportStatus.ACCEPTED).exists() \
            or status != GrantStatus.COMPLETED:
        raise ValidationError(_("The efficiency is evaluated once the final report is accepted."), code="not_final")


@transaction.atomic
def efficiency_score(*, grant, actor, side: str, scores: dict, comments: dict) -> EfficiencyEvaluation:
    _ready(grant)
    if side not in EvaluatorSide.values:
        raise ValidationError(_("Unknown side."), code="side")
    errors = {}
    clean_scores, clean_comments = {}, {}
    for code in Criterion.values:
        value = scores.get(code)
        if value is None or not 0 <= int(value) <= 5:
            errors[f"score_{code}"] = _("Score from 0 to 5.")
            continue
        clean_scores[code] = int(value)
        clean_comments[code] = (comments.get(code) or "").strip()[:2000]
        if not clean_comments[code]:
            errors[f"comment_{code}"] = _("Say why: the comment is published with the score.")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            evaluation, _created = EfficiencyEvaluation.objects.select_for_update().get_or_create(
                grant=grant, side=side, defaults={"evaluator": actor, "saved_at": timezone.now()})
    except IntegrityError:
        evaluation = EfficiencyEvaluation.objects.select_for_update().get(grant=grant, side=side)
    if evaluation.published_at:
        raise ValidationError(_("The evaluation is published: it no longer changes."), code="published")
    evaluation.scores, evaluation.comments = clean_scores, clean_comments
    evaluation.evaluator, evaluation.saved_at = actor, timezone.now()
    evaluation.save()
    record(actor=actor, obj=grant, action="efficiency_scored", data={"side": side, "total": evaluation.total})
    return evaluation


@transaction.atomic
def efficiency_publish(*, grant, actor) -> list[EfficiencyEvaluation]:
    """The operator publishes the scores given (its own at least)."""
    evaluations = list(EfficiencyEvaluation.objects.select_for_update().filter(grant=grant, published_at=None))
    if not any(e.side == EvaluatorSide.OPERATOR for e in evaluations):
        raise ValidationError(_("Score the operator's side first; then publish."), code="no_operator")
    now = timezone.now()
    for evaluation in evaluations:
        evaluation.published_at = now
        evaluation.save(update_fields=["published_at"])
    record(actor=actor, obj=grant, action="efficiency_published",
           data={"totals": {e.side: e.total for e in evaluations}})
    from ..tasks import render_efficiency

    mail.prepare(render_efficiency, about=grant, grant_pk=grant.pk)
    return evaluations


@transaction.atomic
def efficiency_render(*, grant_pk: int) -> EfficiencyEvaluation | None:
    """The worker renders the published evaluation in Kazakh and Russian once, kept on the operator's row."""
    from agreements.models import Grant

    from ..pdf import efficiency_pdf

    evaluation = (EfficiencyEvaluation.objects.select_for_update(of=("self",))
                  .filter(grant_id=grant_pk, side=EvaluatorSide.OPERATOR, published_at__isnull=False).first())
    if evaluation is None or (evaluation.pdf_kk and evaluation.pdf_ru):
        return None
    grant = Grant.objects.select_related("ngo", "call").get(pk=grant_pk)
    for language in ("kk", "ru"):
        getattr(evaluation, f"pdf_{language}").save(f"efficiency-{grant.number}-{language}.pdf",
                                                    ContentFile(efficiency_pdf(grant, language)), save=False)
    evaluation.save(update_fields=["pdf_kk", "pdf_ru"])
    return evaluation
