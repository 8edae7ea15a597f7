"""Every write to an application: starting it, saving its sections, documents, submission, withdrawal and
the outcomes later steps record. Each state change checks TRANSITIONS, locks the row and writes one audit entry."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ngos.rules import is_ngo_head, is_ngo_member
from portal.audit import record
from portal.formatting import astana_time

from . import checks, files, selectors
from .choices import EDITABLE_STATUSES, ApplicationStatus, Section
from .models import (
    Application,
    ApplicationActivity,
    ApplicationDocument,
    ApplicationIndicator,
    ApplicationSection,
    BudgetLine,
    CallCounter,
    DraftConflict,
    Submission,
)

S = ApplicationStatus

# (from, to): the audit action. Anything not here is refused.
TRANSITIONS = {
    (S.DRAFT, S.SUBMITTED): "application_submitted",
    (S.WITHDRAWN, S.SUBMITTED): "application_submitted",
    (S.SUBMITTED, S.WITHDRAWN): "application_withdrawn",
    (S.SUBMITTED, S.ADMITTED): "application_admitted",
    (S.SUBMITTED, S.NOT_ADMITTED): "application_not_admitted",
    # Screening may be revised until its conclusion is published (the screening service guards that).
    (S.ADMITTED, S.NOT_ADMITTED): "application_not_admitted",
    (S.NOT_ADMITTED, S.ADMITTED): "application_admitted",
    (S.ADMITTED, S.UNDER_EVALUATION): "application_under_evaluation",
    (S.UNDER_EVALUATION, S.WINNER): "application_won",
    (S.UNDER_EVALUATION, S.RESERVE): "application_reserved",
    (S.UNDER_EVALUATION, S.NOT_FUNDED): "application_not_funded",
    # A reserve moves up when a winner drops out.
    (S.RESERVE, S.WINNER): "application_won",
}
SCREENING_OUTCOMES = frozenset({S.ADMITTED, S.NOT_ADMITTED})
EVALUATION_OUTCOMES = frozenset({S.UNDER_EVALUATION, S.WINNER, S.RESERVE, S.NOT_FUNDED})

SCALAR_FIELDS = {
    Section.OVERVIEW: ("title", "summary", "language"),
    Section.PROBLEM: ("problem", "goals"),
    Section.BENEFICIARIES: ("target_groups", "beneficiaries_count"),
    Section.TEAM: ("team",),
    Section.PARTNERS: ("partners",),
    Section.RISKS: ("risks", "sustainability"),
    Section.DECLARATIONS: ("declares_accuracy", "declares_eligibility", "consents_publication"),
}


class StaleSection(Exception):
    """Someone saved the section after this text was loaded; the refused text is kept in `conflict`."""

    def __init__(self, conflict: DraftConflict, saved: ApplicationSection):
        super().__init__("stale section version")
        self.conflict = conflict
        self.saved = saved


def _refuse_transition(current: str, target: str):
    raise ValidationError(
        _("An application that is “%(current)s” cannot become “%(target)s”.")
        % {"current": S(current).label, "target": S(target).label},
        code="transition",
    )


def _lock(application) -> Application:
    # of=("self",): lock the application only, never its lot, call or NGO (PostgreSQL locks joined rows).
    return Application.objects.select_for_update(of=("self",)).select_related("lot__call", "ngo").get(pk=application.pk)


def _transition(
    app: Application, target: str, *, actor, note: str = "", data: dict | None = None, also: tuple = ()
) -> Application:
    """Move to `target` if the table allows it; `also` names other fields saved in the same UPDATE."""
    action = TRANSITIONS.get((app.status, target))
    if action is None:
        _refuse_transition(app.status, target)
    previous = app.status
    app.status = target
    app.save(update_fields=["status", "updated_at", *also])
    record(actor=actor, obj=app, action=action, from_state=previous, to_state=target, note=note, data=data)
    return app


def _ensure_open_for_editing(app: Application, now: datetime):
    if app.status not in EDITABLE_STATUSES:
        raise ValidationError(
            _("This application is “%(status)s”: it can no longer be changed.") % {"status": S(app.status).label},
            code="not_editable",
        )
    if not app.ngo.is_verified:
        raise ValidationError(_("The NGO is not verified yet: only verified NGOs may apply."), code="not_verified")
    call = app.lot.call
    if not call.is_accepting_applications(now):
        raise ValidationError(
            _("Applications to this call were accepted until %(deadline)s: the draft can no longer be changed.")
            % {"deadline": astana_time(call.closes_at)},
            code="closed",
        )


@transaction.atomic
def application_start(*, lot, ngo, user, now: datetime | None = None) -> Application:
    """The NGO's application to the lot: the existing one, or a new draft (one per lot and NGO)."""
    now = now or timezone.now()
    existing = selectors.application_of_ngo_for_lot(lot=lot, ngo=ngo)
    if existing is not None:
        return existing
    if not is_ngo_member(user, ngo):
        raise ValidationError(_("Only members of the NGO may start its application."), code="not_member")
    if not ngo.is_verified:
        raise ValidationError(
            _("%(ngo)s is not verified yet: only verified NGOs may apply.") % {"ngo": ngo.name}, code="not_verified"
        )
    if not lot.call.is_accepting_applications(now):
        raise ValidationError(_("This call is not accepting applications."), code="closed")
    try:
        with transaction.atomic():
            app = Application.objects.create(lot=lot, ngo=ngo, created_by=user)
    except IntegrityError:
        # Another member started it at the same moment: theirs is ours.
        return Application.objects.get(lot=lot, ngo=ngo)
    record(actor=user, obj=app, action="application_started", to_state=app.status)
    return app


def _write_rows(app: Application, section: str, rows: list[dict]):
    if section == Section.ACTIVITIES:
        app.activities.all().delete()
        ApplicationActivity.objects.bulk_create(
            ApplicationActivity(application=app, position=i, **row) for i, row in enumerate(rows)
        )
    elif section == Section.BUDGET:
        app.budget_lines.all().delete()
        BudgetLine.objects.bulk_create(BudgetLine(application=app, position=i, **row) for i, row in enumerate(rows))
    elif section == Section.INDICATORS:
        lot_indicators = set(app.lot.indicators.values_list("pk", flat=True))
        app.indicators.all().delete()
        kept, seen = [], set()
        for row in rows:
            lot_indicator = row.get("lot_indicator_id")
            if lot_indicator is not None:
                if lot_indicator not in lot_indicators or lot_indicator in seen:
                    continue  # not this lot's indicator, or given twice
                seen.add(lot_indicator)
                row = {**row, "name": "", "unit": ""}
            kept.append(row)
        ApplicationIndicator.objects.bulk_create(
            ApplicationIndicator(application=app, position=i, **row) for i, row in enumerate(kept)
        )
    else:
        raise ValueError(f"{section} has no rows")


def _section_data(app: Application, section: str) -> dict:
    """The section as saved, in the shape a form's payload has: equal data is no change and no conflict."""
    if section in SCALAR_FIELDS:
        return {name: getattr(app, name) for name in SCALAR_FIELDS[section]}
    if section == Section.ACTIVITIES:
        fields = ("activity", "starts_on", "ends_on", "outputs")
        return {"rows": [{f: getattr(row, f) for f in fields} for row in app.activities.all()]}
    if section == Section.BUDGET:
        fields = ("category", "description", "unit", "quantity", "unit_cost")
        return {"rows": [{f: getattr(row, f) for f in fields} for row in app.budget_lines.all()]}
    fields = ("lot_indicator_id", "name", "unit", "baseline", "target", "verification")
    rows = []
    for row in app.indicators.all():
        values = {f: getattr(row, f) for f in fields}
        if row.lot_indicator_id:
            del values["name"], values["unit"]
        rows.append(values)
    return {"rows": rows}


@transaction.atomic
def _save_section(*, application, section, data, raw, version, user, now):
    app = _lock(application)
    _ensure_open_for_editing(app, now)
    ApplicationSection.objects.bulk_create(
        [ApplicationSection(application=app, section=section)], ignore_conflicts=True
    )
    saved = ApplicationSection.objects.select_for_update().get(application=app, section=section)
    if saved.version != version and _section_data(app, section) != data:
        # Keep the refused text; one kept version per author and base version, updated as they type on.
        conflict, _created = DraftConflict.objects.update_or_create(
            application=app, section=section, author=user, base_version=version, resolved_at=None,
            defaults={"current_version": saved.version, "data": raw, "created_at": now},
        )
        return None, StaleSection(conflict, saved)
    if _section_data(app, section) == data:
        return saved, None  # nothing changed (a repeated autosave, or a save racing an identical one)
    if section in SCALAR_FIELDS:
        for name in SCALAR_FIELDS[section]:
            setattr(app, name, data[name])
    else:
        _write_rows(app, section, data["rows"])
    app.version += 1
    app.save()
    saved.version += 1
    saved.saved_at = now
    saved.saved_by = user
    saved.save(update_fields=["version", "saved_at", "saved_by"])
    return saved, None


def application_save_section(
    *, application, section: str, data: dict, raw: dict, version: int, user, now: datetime | None = None
) -> ApplicationSection:
    """Save one section if nobody saved it since `version` was loaded; otherwise keep the text and refuse.

    Not audited: a draft's text is not a decision, and autosave writes it every few seconds.
    """
    now = now or timezone.now()
    if section not in SCALAR_FIELDS and section not in (Section.ACTIVITIES, Section.BUDGET, Section.INDICATORS):
        raise ValueError(f"{section} is not saved as a form")
    saved, stale = _save_section(
        application=application, section=section, data=data, raw=raw, version=version, user=user, now=now
    )
    if stale is not None:
        raise stale  # after the transaction committed the kept version
    return saved


@transaction.atomic
def conflict_resolve(*, conflict: DraftConflict, user, now: datetime | None = None) -> DraftConflict:
    """The author has taken what they needed from the kept version: it leaves the list."""
    conflict = DraftConflict.objects.select_for_update().get(pk=conflict.pk)
    if conflict.resolved_at is None:
        conflict.resolved_at = now or timezone.now()
        conflict.save(update_fields=["resolved_at"])
    return conflict


def _touch(app: Application):
    app.version += 1
    app.save(update_fields=["version", "updated_at"])


@transaction.atomic
def document_upload(*, application, kind: str, upload, user, now: datetime | None = None) -> ApplicationDocument:
    now = now or timezone.now()
    app = _lock(application)
    _ensure_open_for_editing(app, now)
    file_kind = files.validate_upload(upload)
    document = ApplicationDocument(
        application=app, kind=kind, name=files.safe_name(upload.name, file_kind), content_type=file_kind.content_type,
        size=upload.size, sha256=files.sha256_of(upload), uploaded_by=user, uploaded_at=now,
    )
    document.file.save(document.name, upload, save=False)
    document.save()
    _touch(app)
    record(
        actor=user, obj=app, action="application_document_uploaded", note=document.name,
        data={"sha256": document.sha256},
    )
    return document


@transaction.atomic
def document_replace(*, document: ApplicationDocument, upload, user, now: datetime | None = None):
    now = now or timezone.now()
    app = _lock(document.application)
    _ensure_open_for_editing(app, now)
    document = ApplicationDocument.objects.select_for_update().get(pk=document.pk, application=app)
    file_kind = files.validate_upload(upload)
    old_file, old_sha = document.file.name, document.sha256
    document.name = files.safe_name(upload.name, file_kind)
    document.content_type = file_kind.content_type
    document.size = upload.size
    document.sha256 = files.sha256_of(upload)
    document.uploaded_by = user
    document.uploaded_at = now
    document.file.save(document.name, upload, save=False)
    document.save()
    _touch(app)
    record(
        actor=user, obj=app, action="application_document_replaced", note=document.name,
        data={"previous_sha256": old_sha, "sha256": document.sha256},
    )
    storage = document.file.storage
    transaction.on_commit(lambda: storage.delete(old_file))
    return document


@transaction.atomic
def document_delete(*, document: ApplicationDocument, user, now: datetime | None = None):
    now = now or timezone.now()
    app = _lock(document.application)
    _ensure_open_for_editing(app, now)
    document = ApplicationDocument.objects.get(pk=document.pk, application=app)
    name, sha, storage = document.file.name, document.sha256, document.file.storage
    document.delete()
    _touch(app)
    record(actor=user, obj=app, action="application_document_removed", note=document.name, data={"sha256": sha})
    transaction.on_commit(lambda: storage.delete(name))


def _next_number(call) -> tuple[int, str]:
    """The next number in the call, taken under the counter's row lock: no duplicates, and no gaps because a
    transaction that fails after taking a number rolls the counter back with it."""
    CallCounter.objects.bulk_create([CallCounter(call=call)], ignore_conflicts=True)
    counter = CallCounter.objects.select_for_update().get(call=call)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number, f"{call.code}-{counter.last_number:04d}"


@transaction.atomic
def application_submit(*, application, user, now: datetime | None = None) -> Submission:
    """Submit by the head, decided by the server's clock. A second click returns the first receipt."""
    now = now or timezone.now()
    # Locked and read with its content at once: a submission is the busiest moment of a call.
    app = selectors.with_content(Application.objects.select_for_update(of=("self",)), sections=False).get(
        pk=application.pk
    )
    if app.status == S.SUBMITTED:
        return app.submissions.order_by("-submitted_at", "-id").first()
    if not is_ngo_head(user, app.ngo):
        raise ValidationError(_("Only the head of the NGO may submit its application."), code="not_head")
    if (app.status, S.SUBMITTED) not in TRANSITIONS:
        _refuse_transition(app.status, S.SUBMITTED)
    content = app
    problems = checks.general_problems(content, now=now) + [
        p.message for found in checks.section_problems(content).values() for p in found
    ]
    if problems:
        raise ValidationError(problems, code="incomplete")

    snapshot = selectors.build_snapshot(content)
    # The counter's lock is held until commit: take the number as late as possible.
    if not app.registration_number:
        app.sequence, app.registration_number = _next_number(content.lot.call)
    submission = Submission.objects.create(
        application=app, number=app.registration_number, submitted_at=now, submitted_by=user,
        language=content.language, snapshot=snapshot, snapshot_sha256=selectors.snapshot_hash(snapshot),
    )
    app.submitted_at = now
    _transition(
        app, S.SUBMITTED, actor=user, also=("sequence", "registration_number", "submitted_at"),
        data={"number": submission.number, "sha256": submission.snapshot_sha256, "at": now.isoformat()},
    )

    def notify():
        from .tasks import send_submission_receipt

        send_submission_receipt.delay(submission.pk)

    transaction.on_commit(notify)
    return submission


@transaction.atomic
def application_withdraw(*, application, user, reason: str, now: datetime | None = None) -> Application:
    """The head takes the application back before the deadline; it may be changed and submitted again."""
    now = now or timezone.now()
    app = _lock(application)
    if not is_ngo_head(user, app.ngo):
        raise ValidationError(_("Only the head of the NGO may withdraw its application."), code="not_head")
    if (app.status, S.WITHDRAWN) not in TRANSITIONS:
        _refuse_transition(app.status, S.WITHDRAWN)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for withdrawing the application."), code="reason")
    call = app.lot.call
    if not call.is_accepting_applications(now):
        raise ValidationError(
            _("The deadline of %(deadline)s has passed: the application can no longer be withdrawn.")
            % {"deadline": astana_time(call.closes_at)},
            code="closed",
        )
    submission = app.submissions.select_for_update().order_by("-submitted_at", "-id").first()
    submission.withdrawn_at = now
    submission.withdrawn_by = user
    submission.withdrawal_reason = reason
    submission.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    _transition(app, S.WITHDRAWN, actor=user, note=reason, data={"number": submission.number})

    def notify():
        from .tasks import send_withdrawal_notice

        send_withdrawal_notice.delay(submission.pk)

    transaction.on_commit(notify)
    return app


@transaction.atomic
def application_record_screening(*, application, status: str, actor, note: str = "") -> Application:
    """Admitted or not admitted, as the screening decided (called by grants.screening.services)."""
    if status not in SCREENING_OUTCOMES:
        raise ValidationError(_("Screening decides only whether an application is admitted."), code="outcome")
    app = _lock(application)
    return _transition(app, status, actor=actor, note=note)


@transaction.atomic
def application_set_outcome(*, application, status: str, actor, note: str = "") -> Application:
    """Under evaluation, then winner, reserve or not funded: the evaluation and commission steps call this."""
    if status not in EVALUATION_OUTCOMES:
        raise ValidationError(
            _("“%(status)s” is not an outcome of the evaluation.") % {"status": S(status).label}, code="outcome"
        )
    app = _lock(application)
    return _transition(app, status, actor=actor, note=note)


def submission_receipt(*, submission: Submission) -> bytes:
    """The receipt PDF, rendered once and kept: the same file every time it is downloaded."""
    if submission.receipt:
        with submission.receipt.open("rb") as handle:
            return handle.read()
    from django.core.files.base import ContentFile

    from .pdf import render_receipt

    pdf = render_receipt(submission)
    submission.receipt.save(f"receipt-{submission.number}.pdf", ContentFile(pdf), save=False)
    Submission.objects.filter(pk=submission.pk).update(receipt=submission.receipt.name)
    return pdf
