"""Screening writes: start (automatic checks filled in), record the checks, decide, publish the conclusion."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from grants.applications import services as application_services
from grants.applications.choices import ApplicationStatus
from grants.models import Application, Call
from portal import mail
from portal.audit import record
from portal.formatting import astana_time
from portal.workflow import transition

from . import automatic, notifications, selectors
from .choices import ALL_CHECKS, AUTOMATIC_CHECKS, CheckResult, ScreeningDecision
from .models import Screening, ScreeningCheck, ScreeningConclusion

S = ApplicationStatus
DECISION_STATUS = {ScreeningDecision.ADMITTED: S.ADMITTED, ScreeningDecision.NOT_ADMITTED: S.NOT_ADMITTED}
D = ScreeningDecision
# The decision may change (or be reworded, or reopened) until the call's conclusion is published.
DECISION_TRANSITIONS = {
    (D.PENDING, D.ADMITTED): "screening_decided",
    (D.PENDING, D.NOT_ADMITTED): "screening_decided",
    (D.ADMITTED, D.NOT_ADMITTED): "screening_decided",
    (D.NOT_ADMITTED, D.ADMITTED): "screening_decided",
    (D.ADMITTED, D.ADMITTED): "screening_reason_changed",
    (D.NOT_ADMITTED, D.NOT_ADMITTED): "screening_reason_changed",
    (D.ADMITTED, D.PENDING): "screening_reopened",
    (D.NOT_ADMITTED, D.PENDING): "screening_reopened",
}


def _ensure_not_published(call: Call):
    if ScreeningConclusion.objects.filter(call=call).exists():
        raise ValidationError(
            _("The screening conclusion of this call is published: its screening can no longer change."),
            code="published",
        )


def _ensure_closed(call: Call, now: datetime):
    if now < call.closes_at:
        raise ValidationError(
            _("Screening starts after the deadline of %(deadline)s.") % {"deadline": astana_time(call.closes_at)},
            code="open",
        )


@transaction.atomic
def screening_start(*, application: Application, actor, now: datetime | None = None) -> Screening:
    """Open the check list of a submitted application, with the automatic checks filled in."""
    now = now or timezone.now()
    app = Application.objects.select_for_update(of=("self",)).select_related(
        "lot__call__fiscal_year", "ngo"
    ).get(pk=application.pk)
    existing = Screening.objects.filter(application=app).first()
    if existing is not None:
        return existing
    if app.status != S.SUBMITTED:
        raise ValidationError(
            _("Only a submitted application is screened; this one is “%(status)s”.") % {"status": S(app.status).label},
            code="status",
        )
    _ensure_closed(app.lot.call, now)
    _ensure_not_published(app.lot.call)
    submission = app.submissions.order_by("-submitted_at", "-id").first()
    screening = Screening.objects.create(application=app, submission=submission, started_by=actor, started_at=now)
    found = automatic.findings(app, submission)
    ScreeningCheck.objects.bulk_create(
        ScreeningCheck(
            screening=screening, position=position, code=code, automatic=code in AUTOMATIC_CHECKS,
            found=found[code][0] if code in found else "", details=found[code][1] if code in found else {},
            result=found[code][0] if code in found else CheckResult.PENDING,
        )
        for position, code in enumerate(ALL_CHECKS)
    )
    record(actor=actor, obj=screening, action="screening_started",
           data={"automatic": {code: result for code, (result, _facts) in found.items()}})
    return screening


@transaction.atomic
def screening_record_checks(*, screening: Screening, results: dict[str, tuple[str, str]], actor,
                            now: datetime | None = None) -> Screening:
    """results: {code: (pass or fail, reason)}. A failed check, or an automatic finding corrected by hand,
    needs a reason; a decided screening is reopened by deciding again, not by changing its checks."""
    now = now or timezone.now()
    screening = Screening.objects.select_for_update().select_related("application__lot__call").get(pk=screening.pk)
    _ensure_not_published(screening.application.lot.call)
    if screening.decision != ScreeningDecision.PENDING:
        raise ValidationError(
            _("The decision is taken: record a new decision to change the screening."), code="decided"
        )
    errors = []
    checks = {c.code: c for c in screening.checks.select_for_update()}
    changed = {}
    for code, (result, note) in results.items():
        check = checks.get(code)
        if check is None:
            continue
        note = (note or "").strip()
        label = check.get_code_display()
        if result not in (CheckResult.PASS, CheckResult.FAIL, CheckResult.PENDING):
            errors.append(_("%(check)s: choose pass or fail.") % {"check": label})
            continue
        found_by_portal = check.automatic and check.found == result
        if result == CheckResult.FAIL and not note and not found_by_portal:
            # A failure the portal found explains itself; one the officer finds needs their reason.
            errors.append(_("%(check)s: give the reason it fails.") % {"check": label})
            continue
        if check.automatic and check.found and result not in (check.found, CheckResult.PENDING) and not note:
            errors.append(_("%(check)s: give the reason for changing what the portal found.") % {"check": label})
            continue
        if (check.result, check.note) != (result, note):
            check.result, check.note = result, note
            check.checked_by, check.checked_at = actor, now
            check.save(update_fields=["result", "note", "checked_by", "checked_at"])
            changed[code] = result
    if errors:
        raise ValidationError(errors, code="checks")
    if changed:
        record(actor=actor, obj=screening, action="screening_checks_recorded", data={"results": changed})
    return screening


@transaction.atomic
def screening_decide(*, screening: Screening, decision: str, reason_kk: str = "", reason_ru: str = "", actor,
                     now: datetime | None = None) -> Screening:
    """Admitted when every check passes; not admitted when one fails, with the reason in Kazakh and Russian
    (it is published). Changing a decision is allowed until the conclusion is published."""
    now = now or timezone.now()
    screening = Screening.objects.select_for_update().select_related("application__lot__call").get(pk=screening.pk)
    _ensure_not_published(screening.application.lot.call)
    checks = list(screening.checks.all())
    reason_kk, reason_ru = (reason_kk or "").strip(), (reason_ru or "").strip()
    if decision not in DECISION_STATUS:
        raise ValidationError(_("Choose admitted or not admitted."), code="decision")
    pending = [c.get_code_display() for c in checks if c.result == CheckResult.PENDING]
    if pending:
        raise ValidationError(
            _("Record every check first; not checked yet: %(checks)s.") % {"checks": ", ".join(map(str, pending))},
            code="pending",
        )
    failed = [c for c in checks if c.result == CheckResult.FAIL]
    if decision == ScreeningDecision.ADMITTED and failed:
        raise ValidationError(
            _("An application with a failed check cannot be admitted: %(checks)s.")
            % {"checks": ", ".join(str(c.get_code_display()) for c in failed)},
            code="failed_checks",
        )
    if decision == ScreeningDecision.NOT_ADMITTED:
        if not failed:
            raise ValidationError(
                _("Every check passed: to refuse admission, record which check fails and why."), code="no_failure"
            )
        if not (reason_kk and reason_ru):
            raise ValidationError(
                _("Give the reason for not admitting in Kazakh and in Russian: it is published in the conclusion."),
                code="reason",
            )
    screening.reason_kk, screening.reason_ru = reason_kk, reason_ru
    screening.decided_by, screening.decided_at = actor, now
    reason = ("reason", {"reason": {"kk": reason_kk, "ru": reason_ru}}) if reason_kk or reason_ru else None
    transition(
        screening, to=decision, table=DECISION_TRANSITIONS, field="decision", actor=actor, message=reason,
        update_fields=["reason_kk", "reason_ru", "decided_by", "decided_at"],
    )
    target = DECISION_STATUS[decision]
    if screening.application.status != target:
        # A reworded decision leaves the application where it is; a new one moves it.
        application_services.application_record_screening(
            application=screening.application, status=target, actor=actor, message=reason, now=now
        )
    return screening


@transaction.atomic
def screening_reopen(*, screening: Screening, actor, now: datetime | None = None) -> Screening:
    """Take back a decision to correct the checks (before publication); the application keeps its status
    until the new decision is recorded."""
    screening = Screening.objects.select_for_update().select_related("application__lot__call").get(pk=screening.pk)
    _ensure_not_published(screening.application.lot.call)
    if screening.decision == ScreeningDecision.PENDING:
        return screening
    transition(screening, to=ScreeningDecision.PENDING, table=DECISION_TRANSITIONS, field="decision", actor=actor)
    return screening


def conclusion_number(call: Call) -> str:
    return f"{call.code}-SC"


@transaction.atomic
def conclusion_publish(*, call: Call, actor, now: datetime | None = None) -> ScreeningConclusion:
    """Publish the call's screening conclusion once every submitted application is decided."""
    now = now or timezone.now()
    call = Call.objects.select_for_update().get(pk=call.pk)
    _ensure_closed(call, now)
    _ensure_not_published(call)
    if selectors.undecided_count(call):
        raise ValidationError(
            _("Some submitted applications are not decided yet: decide every one before publishing."),
            code="undecided",
        )
    reopened = Screening.objects.filter(application__lot__call=call, decision=ScreeningDecision.PENDING).exists()
    if reopened:
        raise ValidationError(_("A reopened screening waits for its new decision."), code="reopened")
    entries = list(selectors.conclusion_entries(call))
    conclusion = ScreeningConclusion.objects.create(
        call=call, number=conclusion_number(call), published_at=now, published_by=actor,
        admitted_count=sum(1 for a in entries if a.screening.decision == ScreeningDecision.ADMITTED),
        not_admitted_count=sum(1 for a in entries if a.screening.decision == ScreeningDecision.NOT_ADMITTED),
    )
    record(actor=actor, obj=conclusion, action="screening_conclusion_published", to_state="published",
           data={"admitted": conclusion.admitted_count, "not_admitted": conclusion.not_admitted_count})
    from .tasks import render_conclusion_pdfs

    mail.prepare(render_conclusion_pdfs, about=conclusion, conclusion_id=conclusion.pk)
    notifications.screening_outcomes(conclusion)
    return conclusion


def conclusion_store_pdf(*, conclusion: ScreeningConclusion, language: str, pdf: bytes) -> ScreeningConclusion:
    """Keep the rendered PDF of one language (written once by the task; rendering again replaces it)."""
    from django.core.files.base import ContentFile

    field = conclusion.pdf_in(language)
    old = field.name
    field.save(f"screening-conclusion-{conclusion.call.code}-{language}.pdf", ContentFile(pdf), save=False)
    ScreeningConclusion.objects.filter(pk=conclusion.pk).update(**{f"pdf_{language}": field.name})
    if old and old != field.name:
        field.storage.delete(old)
    return conclusion
