"""Submission by the head, by the server's clock, with its number, snapshot and receipt; withdrawal; and the
outcomes that screening, evaluation and the commission record through the same table."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ngos.rules import is_ngo_head
from portal.formatting import astana_time

from .. import checks, notifications, selectors
from ..models import Application, CallCounter, Submission
from .transitions import (
    EVALUATION_OUTCOMES,
    SCREENING_OUTCOMES,
    TRANSITIONS,
    S,
    lock_application,
    refuse_transition,
    transition,
)


def _next_number(call) -> tuple[int, str]:
    """The next number in the call, taken under the counter's row lock: no duplicates, and no gaps because a
    transaction that fails after taking a number rolls the counter back with it."""
    table = connection.ops.quote_name(CallCounter._meta.db_table)
    increment = f"UPDATE {table} SET last_number = last_number + 1 WHERE call_id = %s RETURNING last_number"
    with connection.cursor() as cursor:
        # One statement takes the row lock and the number (the usual case, from the second submission on).
        cursor.execute(increment, [call.pk])
        row = cursor.fetchone()
        if row is None:
            CallCounter.objects.bulk_create([CallCounter(call=call)], ignore_conflicts=True)
            cursor.execute(increment, [call.pk])
            row = cursor.fetchone()
    number = row[0]
    return number, f"{call.code}-{number:04d}"


@transaction.atomic
def application_submit(*, application, actor, now: datetime | None = None) -> Submission:
    """Submit by the head, decided by the server's clock. A second click returns the first receipt."""
    now = now or timezone.now()
    # Locked and read with its content at once: a submission is the busiest moment of a call.
    # Read under the lock by the signature that wraps this service in the same transaction, else here.
    app = selectors.take_locked_content(application) or selectors.locked_with_content(application.pk)
    if app.status == S.SUBMITTED:
        return app.submissions.order_by("-submitted_at", "-id").first()
    if not is_ngo_head(actor, app.ngo):
        raise ValidationError(_("Only the head of the NGO may submit its application."), code="not_head")
    if (app.status, S.SUBMITTED) not in TRANSITIONS:
        refuse_transition(app.status, S.SUBMITTED)
    content = app
    problems = checks.general_problems(content, now=now) + [
        p.message for found in checks.section_problems(content).values() for p in found
    ]
    if problems:
        raise ValidationError(problems, code="incomplete")

    # Everything that needs no number is done before it is taken: the snapshot from the rows the checks read,
    # its hash; the members to tell were read with the application. The counter's row lock is held from the
    # number to the commit, and every submission to the call waits for it: after it come only the writes that
    # carry the number.
    snapshot, sha256 = selectors.frozen_snapshot(content)  # built for the signed document already, if signed
    if not app.registration_number:
        app.sequence, app.registration_number = _next_number(content.lot.call)
    submission = Submission.objects.create(
        application=app, number=app.registration_number, submitted_at=now, submitted_by=actor,
        language=content.language, snapshot=snapshot, snapshot_sha256=sha256,
    )
    app.submitted_at = now
    transition(
        app, S.SUBMITTED, actor=actor, also=("sequence", "registration_number", "submitted_at"), at=now,
        data={"number": submission.number, "sha256": sha256}, locked=True,
    )
    # Written to the outbox, not sent nor rendered to PDF here: the worker attaches the receipt after commit.
    notifications.submission_receipt(submission, to=app.members)
    return submission


@transaction.atomic
def application_withdraw(*, application, actor, reason: str, now: datetime | None = None) -> Application:
    """The head takes the application back before the deadline; it may be changed and submitted again."""
    now = now or timezone.now()
    app = lock_application(application)
    if not is_ngo_head(actor, app.ngo):
        raise ValidationError(_("Only the head of the NGO may withdraw its application."), code="not_head")
    if (app.status, S.WITHDRAWN) not in TRANSITIONS:
        refuse_transition(app.status, S.WITHDRAWN)
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
    submission.withdrawn_by = actor
    submission.withdrawal_reason = reason
    submission.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    transition(app, S.WITHDRAWN, actor=actor, note=reason, data={"number": submission.number}, at=now)
    notifications.withdrawal_notice(submission)
    return app


@transaction.atomic
def application_record_screening(
    *, application, status: str, actor, note: str = "", message: tuple | None = None, now: datetime | None = None
) -> Application:
    """Admitted or not admitted, as the screening decided (called by grants.screening.services)."""
    if status not in SCREENING_OUTCOMES:
        raise ValidationError(_("Screening decides only whether an application is admitted."), code="outcome")
    app = lock_application(application)
    return transition(app, status, actor=actor, note=note, message=message, at=now or timezone.now())


@transaction.atomic
def application_set_outcome(
    *, application, status: str, actor, note: str = "", message: tuple | None = None, now: datetime | None = None
) -> Application:
    """Under evaluation, then winner, reserve or not funded: the evaluation and commission steps call this."""
    if status not in EVALUATION_OUTCOMES:
        raise ValidationError(
            _("“%(status)s” is not an outcome of the evaluation.") % {"status": S(status).label}, code="outcome"
        )
    app = lock_application(application)
    return transition(app, status, actor=actor, note=note, message=message, at=now or timezone.now())


def submission_receipt(*, submission: Submission) -> bytes:
    """The receipt PDF, rendered once and kept: the same file every time it is downloaded."""
    if submission.receipt:
        with submission.receipt.open("rb") as handle:
            return handle.read()
    from django.core.files.base import ContentFile

    from ..pdf import render_receipt

    pdf = render_receipt(submission)
    submission.receipt.save(f"receipt-{submission.number}.pdf", ContentFile(pdf), save=False)
    Submission.objects.filter(pk=submission.pk).update(receipt=submission.receipt.name)
    return pdf
