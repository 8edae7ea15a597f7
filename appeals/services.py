"""Appeals: the head files within the period, the appeals commission reviews, an upheld appeal re-admits the
application (screening) or has a reserve expert score it again (evaluation), the outcome letter follows."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from evaluations.choices import AssignmentStatus
from evaluations.services.assignments import reevaluation_assign
from grants.applications.choices import ApplicationStatus
from grants.applications.services import application_record_screening, application_set_outcome
from grants.models import Application
from grants.screening.choices import ScreeningDecision
from grants.screening.models import Screening
from grants.screening.services import DECISION_TRANSITIONS
from grants.uploads import validate_document
from ngos.rules import is_ngo_head
from portal import mail
from portal.audit import record
from portal.formatting import astana_time
from portal.workflow import transition

from . import selectors
from .choices import AppealStatus, FinalVerdict, Ground, Verdict
from .models import Appeal, AppealFile, CommissionMember

A = AppealStatus
TRANSITIONS = {
    (A.FILED, A.UPHELD): "appeal_upheld",
    (A.FILED, A.REJECTED): "appeal_rejected",
    (A.FILED, A.REEVALUATION): "appeal_upheld_reevaluation",
    (A.REEVALUATION, A.UPHELD): "appeal_reevaluation_changed",
    (A.REEVALUATION, A.DECISION_STANDS): "appeal_reevaluation_confirmed",
}
MAX_FILES = 5
REASON_MIN_LENGTH = 20


def _required(text: str, field: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: message})
    return text


@transaction.atomic
def appeal_file(*, application: Application, actor, reason: str, files=(), now: datetime | None = None) -> Appeal:
    """The head of the applicant NGO appeals the published decision on its application, with a reason and
    files (checked by their content), before the appeal period ends. One appeal per decision."""
    now = now or timezone.now()
    application = Application.objects.select_for_update(of=("self",)).select_related("ngo").get(pk=application.pk)
    if not is_ngo_head(actor, application.ngo):
        raise ValidationError(_("Only the head of the NGO files an appeal on its behalf."), code="not_head")
    row = selectors.appealable(application)
    if row is None:
        raise ValidationError(_("This application has no published decision that can be appealed."),
                              code="no_decision")
    if row.appeal is not None:
        raise ValidationError(
            _("An appeal against this decision was filed on %(date)s: one appeal per decision.")
            % {"date": astana_time(row.appeal.filed_at)}, code="duplicate")
    if now >= row.deadline:
        raise ValidationError(
            _("The appeal period ended on %(deadline)s: the appeal can no longer be filed.")
            % {"deadline": astana_time(row.deadline)}, code="late")
    reason = (reason or "").strip()
    if len(reason) < REASON_MIN_LENGTH:
        raise ValidationError({"reason": _("Explain the reason for the appeal: at least %(n)s characters.")
                               % {"n": REASON_MIN_LENGTH}})
    files = [f for f in files if f]
    if len(files) > MAX_FILES:
        raise ValidationError({"files": _("Attach at most %(n)s files.") % {"n": MAX_FILES}})
    checked = []
    for upload in files:
        try:
            checked.append((upload, validate_document(upload)))
        except ValidationError as error:
            raise ValidationError({"files": [f"{upload.name}: {message}" for message in error.messages]}) from None
    try:
        with transaction.atomic():
            appeal = Appeal.objects.create(application=application, ground=row.ground, reason=reason,
                                           deadline=row.deadline, filed_by=actor, filed_at=now)
    except IntegrityError:
        raise ValidationError(_("An appeal against this decision is already filed: one appeal per decision."),
                              code="duplicate") from None
    for upload, content_type in checked:
        AppealFile.objects.create(appeal=appeal, file=upload, content_type=content_type, size=upload.size,
                                  uploaded_at=now)
    record(actor=actor, obj=appeal, action="appeal_filed", to_state=appeal.status,
           data={"ground": row.ground, "files": len(checked), "deadline": row.deadline.isoformat()})
    mail.send(to=commission(), subject=gettext_noop("Appeal %(number)s filed"),
              subject_params={"number": appeal.number},
              template="appeals/email/filed.txt", context={"appeal": appeal},
              links={"link": ("appeals:detail", {"pk": appeal.pk})})
    return appeal


def commission() -> list:
    """Who reviews appeals: the operator administrators and the members they designated."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from portal.choices import StaffRole

    return list(get_user_model().objects.filter(
        Q(groups__name=StaffRole.OPERATOR_ADMIN) | Q(appeals_seat__isnull=False), is_active=True).distinct())


def _lock(appeal: Appeal) -> Appeal:
    return Appeal.objects.select_for_update(of=("self",)).select_related(
        "application__ngo", "application__lot__call").get(pk=appeal.pk)


def _readmit(appeal: Appeal, *, actor, now) -> None:
    """The screening decision goes from not admitted to admitted through the screening's own table, and the
    application follows through the application's."""
    screening = Screening.objects.select_for_update().get(application=appeal.application)
    message = ("readmitted_on_appeal", {"appeal": appeal.number})
    screening.decided_by, screening.decided_at = actor, now
    transition(screening, to=ScreeningDecision.ADMITTED, table=DECISION_TRANSITIONS, field="decision", actor=actor,
               message=message, update_fields=["decided_by", "decided_at"])
    application_record_screening(application=appeal.application, status=ApplicationStatus.ADMITTED, actor=actor,
                                 message=message, now=now)


@transaction.atomic
def appeal_review(*, appeal: Appeal, actor, question: str, answer: str, verdict: str, rationale: str,
                  now: datetime | None = None) -> Appeal:
    """The appeals commission answers the procedural question the appeal raises and upholds or rejects it,
    with a rationale. Upheld: a screening appeal re-admits the application; an evaluation appeal asks a
    reserve expert of the commission to score it again, and the decision waits for that."""
    now = now or timezone.now()
    appeal = _lock(appeal)
    errors = {}
    for field, value, message in (
        ("question", question, _("Write the procedural question the appeal raises.")),
        ("answer", answer, _("Write the commission's answer to the question.")),
        ("rationale", rationale, _("Give the rationale of the decision: it goes into the letter.")),
    ):
        if not (value or "").strip():
            errors[field] = message
    if verdict not in Verdict.values:
        errors["verdict"] = _("Choose whether the appeal is upheld or rejected.")
    if errors:
        raise ValidationError(errors)
    if appeal.status != A.FILED:
        raise ValidationError(_("This appeal is reviewed already: “%(status)s”.")
                              % {"status": appeal.get_status_display()}, code="reviewed")
    appeal.question, appeal.answer, appeal.rationale = question.strip(), answer.strip(), rationale.strip()
    appeal.reviewed_by, appeal.reviewed_at = actor, now
    fields = ["question", "answer", "rationale", "reviewed_by", "reviewed_at"]
    if verdict == Verdict.REJECT:
        target = A.REJECTED
    elif appeal.ground == Ground.SCREENING:
        target = A.UPHELD
        _readmit(appeal, actor=actor, now=now)
    else:
        target = A.REEVALUATION
        assignment = reevaluation_assign(application=appeal.application, actor=actor, reason=appeal.number)
        if assignment is None:
            raise ValidationError(_("No reserve expert of the commission is free to score the application again: "
                                    "the appeal cannot be upheld this way."), code="no_reserve")
        appeal.reevaluation = assignment
        fields.append("reevaluation")
    if target in (A.UPHELD, A.REJECTED):
        appeal.decided_at = now
        fields.append("decided_at")
    transition(appeal, to=target, table=TRANSITIONS, actor=actor, note=appeal.rationale, update_fields=fields)
    _letter(appeal)
    return appeal


@transaction.atomic
def appeal_finalise(*, appeal: Appeal, actor, verdict: str, rationale: str, now: datetime | None = None) -> Appeal:
    """After the reserve expert submitted the new score sheet: the decision changes (the application goes on
    the lot's reserve list) or stands, with a rationale."""
    now = now or timezone.now()
    appeal = _lock(appeal)
    rationale = _required(rationale, "final_rationale", _("Give the rationale of the final decision."))
    if verdict not in FinalVerdict.values:
        raise ValidationError({"verdict": _("Choose whether the decision changes or stands.")})
    if appeal.status != A.REEVALUATION:
        raise ValidationError(_("Only an appeal waiting for its re-evaluation gets a final decision."),
                              code="status")
    if appeal.reevaluation is None or appeal.reevaluation.status != AssignmentStatus.SUBMITTED:
        raise ValidationError(_("The reserve expert has not submitted the new score sheet yet."), code="not_scored")
    appeal.final_rationale, appeal.decided_at = rationale, now
    target = A.UPHELD if verdict == FinalVerdict.CHANGE else A.DECISION_STANDS
    if target == A.UPHELD:
        application_set_outcome(application=appeal.application, status=ApplicationStatus.RESERVE, actor=actor,
                                message=("reserved_on_appeal", {"appeal": appeal.number}), now=now)
    transition(appeal, to=target, table=TRANSITIONS, actor=actor, note=rationale,
               update_fields=["final_rationale", "decided_at"])
    _letter(appeal)
    return appeal


def _letter(appeal: Appeal) -> None:
    from .tasks import render_letter

    mail.prepare(render_letter, about=appeal, appeal_pk=appeal.pk, status=appeal.status)


@transaction.atomic
def appeal_render_letter(*, appeal_pk: int, status: str) -> Appeal | None:
    """The outcome letter in Kazakh and in Russian (the worker runs this after the review), then the e-mail
    to the NGO's members with the link. A letter for a state the appeal has left is not written."""
    from django.core.files.base import ContentFile

    from .pdf import letter_pdf

    appeal = Appeal.objects.select_for_update(of=("self",)).get(pk=appeal_pk)
    if appeal.status != status:
        return None
    for language in ("kk", "ru"):
        field = appeal.letter_in(language)
        if field:
            field.delete(save=False)
        field.save(f"appeal-{appeal.pk}-{status}-{language}.pdf", ContentFile(letter_pdf(appeal, language=language)),
                   save=False)
    appeal.save(update_fields=["letter_kk", "letter_ru"])
    record(actor=None, obj=appeal, action="appeal_letter_written", to_state=appeal.status)
    appeal = selectors.appeal_for_page(appeal.pk)
    mail.send(to=selectors.members_of(appeal.application.ngo),
              subject=gettext_noop("Appeal %(number)s: the commission's decision"),
              subject_params={"number": appeal.number}, template="appeals/email/outcome.txt",
              context={"appeal": appeal}, links={"link": ("appeals:detail", {"pk": appeal.pk})})
    return appeal


@transaction.atomic
def commission_add(*, user, actor, now: datetime | None = None) -> CommissionMember:
    """The operator administrator designates an operator employee to the appeals commission."""
    from portal.rules import is_operator_staff

    if not is_operator_staff(user):
        raise ValidationError({"email": _("Only an operator employee can sit on the appeals commission.")})
    member, created = CommissionMember.objects.get_or_create(
        user=user, defaults={"added_by": actor, "added_at": now or timezone.now()})
    if not created:
        raise ValidationError({"email": _("%(user)s is on the appeals commission already.") % {"user": user}})
    record(actor=actor, obj=member, action="appeals_member_designated", data={"user": user.pk},
           message=("appeals_member", {"user": str(user)}))
    return member


@transaction.atomic
def commission_remove(*, member: CommissionMember, actor) -> None:
    member = CommissionMember.objects.select_for_update().select_related("user").get(pk=member.pk)
    record(actor=actor, obj=member, action="appeals_member_removed", data={"user": member.user_id},
           message=("appeals_member", {"user": str(member.user)}))
    member.delete()
