"""Clarification questions: asked privately by an NGO while a call is open, answered by staff in
Kazakh and Russian, then published for every applicant."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ngos.models import NGO
from ngos.rules import is_ngo_member
from portal import audit, mail
from portal.workflow import transition

from ..choices import ClarificationStatus
from ..models import Call, Clarification, Lot

TRANSITIONS = {
    (ClarificationStatus.PENDING, ClarificationStatus.ANSWERED): "clarification_answered",
    (ClarificationStatus.ANSWERED, ClarificationStatus.ANSWERED): "clarification_answered",
    (ClarificationStatus.PENDING, ClarificationStatus.PUBLISHED): "clarification_published",
    (ClarificationStatus.ANSWERED, ClarificationStatus.PUBLISHED): "clarification_published",
}


@transaction.atomic
def clarification_ask(
    *, actor, call: Call, ngo: NGO, question: str, language: str, lot: Lot | None = None,
    now: datetime | None = None,
) -> Clarification:
    now = now or timezone.now()
    call = Call.objects.select_for_update().get(pk=call.pk)
    if not call.is_accepting_applications(now):
        raise ValidationError(_("Questions are accepted only while the call is open."))
    if not is_ngo_member(actor, ngo):
        raise ValidationError({"ngo": _("You can ask only on behalf of an NGO you belong to.")})
    if lot is not None and lot.call_id != call.pk:
        raise ValidationError({"lot": _("Choose a lot of this call.")})
    if not question.strip():
        raise ValidationError({"question": _("Write your question.")})
    clarification = Clarification.objects.create(
        call=call, lot=lot, ngo=ngo, asked_by=actor, question=question.strip(), language=language, asked_at=now
    )
    audit.record(actor=actor, obj=clarification, action="clarification_asked", to_state=clarification.status)
    return clarification


def _notify_asker(clarification: Clarification) -> None:
    mail.send(
        to=[clarification.asked_by],
        subject=gettext_noop("Answer to your question on call %(code)s"),
        subject_params={"code": clarification.call.code},
        template="grants/email/clarification_answered.txt",
        context={"clarification": clarification, "call": clarification.call},
    )


@transaction.atomic
def clarification_answer(
    *, actor, clarification: Clarification, question_kk: str, question_ru: str, answer_kk: str, answer_ru: str,
    publish: bool, now: datetime | None = None,
) -> Clarification:
    """Write the answer (and the question as it will be published) in both languages; publish at once or later."""
    now = now or timezone.now()
    clarification = Clarification.objects.select_for_update().get(pk=clarification.pk)
    target = ClarificationStatus.PUBLISHED if publish else ClarificationStatus.ANSWERED
    if (clarification.status, target) not in TRANSITIONS:
        raise ValidationError(_("This answer is already published and stays as published."))
    fields = {"question_kk": question_kk, "question_ru": question_ru, "answer_kk": answer_kk, "answer_ru": answer_ru}
    required = {
        "question_kk": _("Give the question in Kazakh as it will be published."),
        "question_ru": _("Give the question in Russian as it will be published."),
        "answer_kk": _("Write the answer in Kazakh."),
        "answer_ru": _("Write the answer in Russian."),
    }
    errors = {name: message for name, message in required.items() if not fields[name].strip()}
    if errors:
        raise ValidationError(errors)
    first_answer = clarification.answered_at is None
    for name, value in fields.items():
        setattr(clarification, name, value.strip())
    clarification.answered_by = actor
    clarification.answered_at = clarification.answered_at or now
    if publish:
        clarification.published_at = now
    transition(
        clarification, to=target, table=TRANSITIONS, actor=actor,
        update_fields=[*fields, "answered_by", "answered_at", "published_at"],
    )
    if first_answer:
        _notify_asker(clarification)
    return clarification


@transaction.atomic
def clarification_publish(*, actor, clarification: Clarification, now: datetime | None = None) -> Clarification:
    now = now or timezone.now()
    clarification = Clarification.objects.select_for_update().get(pk=clarification.pk)
    if clarification.status != ClarificationStatus.ANSWERED:
        raise ValidationError(_("Only an answered question that is not yet public can be published."))
    clarification.published_at = now
    transition(
        clarification, to=ClarificationStatus.PUBLISHED, table=TRANSITIONS, actor=actor, update_fields=["published_at"]
    )
    return clarification
