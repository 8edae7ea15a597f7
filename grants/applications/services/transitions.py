"""The state table of an application and the one way to move along it: lock, check, write, audit once."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal import workflow
from portal.formatting import astana_time

from ..choices import EDITABLE_STATUSES, ApplicationStatus
from ..models import Application

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
    # An upheld appeal whose re-evaluation changes the decision puts the application on the reserve list
    # (the lot's money is already awarded; appeals.services).
    (S.NOT_FUNDED, S.RESERVE): "application_reserved",
}
SCREENING_OUTCOMES = frozenset({S.ADMITTED, S.NOT_ADMITTED})
EVALUATION_OUTCOMES = frozenset({S.UNDER_EVALUATION, S.WINNER, S.RESERVE, S.NOT_FUNDED})


def refuse_transition(current: str, target: str):
    raise ValidationError(
        _("An application that is “%(current)s” cannot become “%(target)s”.")
        % {"current": S(current).label, "target": S(target).label},
        code="transition",
    )


def lock_application(application) -> Application:
    # of=("self",): lock the application only, never its lot, call or NGO (PostgreSQL locks joined rows).
    return Application.objects.select_for_update(of=("self",)).select_related("lot__call", "ngo").get(pk=application.pk)


def transition(
    app: Application, target: str, *, actor, note: str = "", message: tuple | None = None,
    data: dict | None = None, also: tuple = (), at: datetime | None = None,
) -> Application:
    """Move to `target` if the table allows it; `also` names other fields saved in the same UPDATE. `at` is the
    moment the service decided by (the server's clock, or a frozen one): the status history shows it."""
    if (app.status, target) not in TRANSITIONS:
        refuse_transition(app.status, target)
    if at is not None:
        data = {**(data or {}), "at": at.isoformat()}
    workflow.transition(
        app, to=target, table=TRANSITIONS, actor=actor, note=note, message=message, data=data, update_fields=also
    )
    return app


def ensure_open_for_editing(app: Application, now: datetime):
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
