"""Tranches: the schedule an award creates, due when their condition is met, and the payments against them."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from grants.workdays import local_date
from portal import money
from portal.audit import record
from portal.formatting import tenge
from portal.workflow import transition

from .. import notifications
from ..choices import GrantStatus, TrancheCondition, TrancheStatus
from ..models import Grant, Payment, Tranche
from ..schedule import parse_condition, parse_schedule, split
from .states import grant_start, lock_grant

T = TrancheStatus
TRANSITIONS = {
    (T.PLANNED, T.DUE): "tranche_due",
    (T.DUE, T.PAID): "tranche_paid",
}
# A tranche falls due only while the grant runs.
RUNNING = (GrantStatus.AGREEMENT_SIGNED, GrantStatus.IN_PROGRESS)


def schedule_tranches(*, grant: Grant, rows: list | None) -> list[Tranche]:
    """The call's schedule (default 50 % on signing, 50 % after the interim report) as tranches of the grant;
    the amounts add up to the grant to the tiyn."""
    schedule = parse_schedule(rows)
    amounts = split(grant.amount, [share for share, _c in schedule])
    return Tranche.objects.bulk_create(
        Tranche(grant=grant, position=n, share=share, amount=amount, condition=condition.kind,
                condition_report=condition.report, condition_text=condition.text)
        for n, ((share, condition), amount) in enumerate(zip(schedule, amounts, strict=True), start=1)
    )


def _make_due(tranche: Tranche, *, actor, condition: str, note: str = "") -> Tranche:
    tranche.due_since = timezone.now()
    transition(tranche, to=T.DUE, table=TRANSITIONS, actor=actor, note=note, update_fields=["due_since"],
               subject=tranche.grant, message=("tranche_condition", {"condition": condition}),
               data={"tranche": tranche.position})
    notifications.tranche_due(tranche)
    return tranche


@transaction.atomic
def condition_met(*, grant: Grant, condition: str, actor) -> list[Tranche]:
    """The service that meets a condition says so here ("on_signing", "report_accepted:interim"…): the planned
    tranches waiting for it become due. No polling: nothing else makes a tranche due."""
    parsed = parse_condition(condition)
    if parsed.kind == TrancheCondition.MANUAL:
        raise ValidationError(_("A manual tranche is released by the operator."), code="manual")
    grant = lock_grant(grant)
    if grant.status not in RUNNING:
        return []
    waiting = Tranche.objects.select_for_update().filter(
        grant=grant, status=T.PLANNED, condition=parsed.kind, condition_report=parsed.report
    ).order_by("position")
    return [_make_due(tranche, actor=actor, condition=condition) for tranche in waiting]


def _lock(tranche: Tranche) -> Tranche:
    return Tranche.objects.select_for_update(of=("self",)).select_related("grant").get(pk=tranche.pk)


@transaction.atomic
def tranche_release(*, tranche: Tranche, actor, note: str = "") -> Tranche:
    """The operator releases a manual tranche once what its text asks for is done."""
    tranche = _lock(tranche)
    if tranche.condition != TrancheCondition.MANUAL:
        raise ValidationError(_("This tranche falls due by its condition, not by hand."), code="not_manual")
    if tranche.grant.status not in RUNNING:
        raise ValidationError(_("Tranches fall due only once the agreement is signed."), code="not_signed")
    return _make_due(tranche, actor=actor, condition="manual", note=(note or "").strip())


def paid_so_far(tranche: Tranche) -> Decimal:
    return money.total(tranche.payments.values_list("amount", flat=True))


@transaction.atomic
def payment_record(*, tranche: Tranche, actor, paid_on: date, amount, order_number: str) -> Payment:
    """The finance officer records a payment order: never above what is left of a due tranche. Paid in full,
    the tranche is paid; the first payment starts the project."""
    tranche = _lock(tranche)
    amount = money.to_tiyn(amount)
    order_number = (order_number or "").strip()
    if tranche.status != T.DUE:
        raise ValidationError(_("Only a due tranche is paid: its condition is not met yet, or it is paid."),
                              code="not_due")
    if amount <= 0:
        raise ValidationError({"amount": _("The amount must be above zero.")})
    if not order_number:
        raise ValidationError({"order_number": _("Enter the payment order number.")})
    if paid_on > local_date(timezone.now()):
        raise ValidationError({"paid_on": _("A payment is recorded once it is made: the date is in the future.")})
    left = tranche.amount - paid_so_far(tranche)
    if amount > left:
        raise ValidationError(
            {"amount": _("The tranche has %(left)s left to pay: the payment cannot be larger.") % {"left": tenge(left)}}
        )
    payment = Payment.objects.create(tranche=tranche, paid_on=paid_on, amount=amount, order_number=order_number,
                                     recorded_by=actor)
    if amount == left:
        tranche.paid_at = timezone.now()
        transition(tranche, to=T.PAID, table=TRANSITIONS, actor=actor, update_fields=["paid_at"],
                   subject=tranche.grant, data={"amount": str(amount), "order": order_number})
    else:
        record(actor=actor, obj=tranche.grant, action="payment_recorded", from_state=tranche.status,
               to_state=tranche.status, data={"tranche": tranche.position, "amount": str(amount),
                                               "order": order_number})
    grant_start(grant=tranche.grant, actor=actor)
    return payment
