"""The awarded grant: created when the commission's decision makes an application a winner, declined by its head
or by the clock (the first reserve of the lot then moves up), started, completed or terminated."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluations.choices import Outcome
from evaluations.models import ApplicationDecision
from grants.applications.choices import ApplicationStatus
from grants.applications.services import application_set_outcome
from grants.models import Application, Lot
from grants.workdays import local_date
from portal import money
from portal.audit import record
from portal.workflow import transition

from .. import notifications
from ..choices import AgreementStatus, GrantStatus
from ..models import Agreement, BudgetVersion, CallTerms, Grant
from ..schedule import award_dates
from .states import GRANT_TRANSITIONS, lock_grant
from .tranches import schedule_tranches

S = GrantStatus
TRANSITIONS = GRANT_TRANSITIONS


def _snapshot(application) -> dict:
    submission = application.submissions.order_by("-submitted_at", "-id").first()
    return submission.snapshot if submission else {}


def _next_number(lot: Lot) -> str:
    # The lot's row is locked, so two awards in one lot never take the same number.
    Lot.objects.select_for_update(of=("self",)).filter(pk=lot.pk).first()
    return f"{lot.code}-G{Grant.objects.filter(lot=lot).count() + 1}"


def _indicators(snapshot: dict) -> list:
    return [
        {"name": row.get("name", ""), "unit": row.get("unit", ""), "baseline": row.get("baseline"),
         "target": row.get("target"), "verification": row.get("verification", "")}
        for row in snapshot.get("indicators", [])
    ]


@transaction.atomic
def grant_award(*, application, awarded_on: date, actor, amount=None, moved_up: bool = False) -> Grant:
    """The winner's grant with its agreement and tranche schedule; the NGO's head is asked to sign. Once per
    application: a second call returns the grant that exists."""
    existing = Grant.objects.filter(application=application).first()
    if existing:
        return existing
    application = Application.objects.select_related("lot__call", "ngo").get(pk=application.pk)
    if application.status != ApplicationStatus.WINNER:
        raise ValidationError(_("Only a winning application receives a grant."), code="not_winner")
    lot, call = application.lot, application.lot.call
    snapshot = _snapshot(application)
    budget = snapshot.get("budget", {})
    amount = money.to_tiyn(amount if amount is not None else budget.get("total") or application.budget_total())
    terms = CallTerms.objects.filter(call=call).first() or CallTerms(call=call)
    dates = award_dates(awarded_on=awarded_on, term_months=lot.term_months, interim_report=terms.interim_report,
                        final_report_working_days=terms.final_report_working_days)
    grant = Grant.objects.create(
        number=_next_number(lot), application=application, ngo=application.ngo, lot=lot, call=call,
        title=(snapshot.get("overview") or {}).get("title") or application.display_title, amount=amount,
        awarded_on=awarded_on, sign_by=dates.sign_by, starts_on=dates.starts_on, ends_on=dates.ends_on,
        interim_report_due=dates.interim_report_due, final_report_due=dates.final_report_due,
        indicators=_indicators(snapshot), budget=budget.get("by_category", {}),
        activities=[{"activity": a.get("activity", ""), "starts_on": a.get("start"), "ends_on": a.get("end")}
                    for a in snapshot.get("activities", [])],
    )
    BudgetVersion.objects.create(grant=grant, version=1, by_category=grant.budget, in_force_from=awarded_on)
    Agreement.objects.create(grant=grant)
    schedule_tranches(grant=grant, rows=terms.tranches)
    record(actor=actor, obj=grant, action="grant_awarded", to_state=grant.status,
           data={"amount": str(amount), "moved_up": moved_up})
    notifications.signing_requested(grant, moved_up=moved_up)
    return grant


def award_winner(*, decision: ApplicationDecision, actor) -> Grant:
    """The listener meeting_close() calls for each winner (registered in AgreementsConfig.ready)."""
    return grant_award(application=decision.application, awarded_on=local_date(decision.lot_decision.decided_at),
                       actor=actor)


_lock = lock_grant


def move_up_reserve(*, grant: Grant, actor) -> Grant | None:
    """The lot's first reserve still waiting becomes a winner (the outcome service of applications) and gets a
    grant; None when the reserve list is exhausted."""
    decision = ApplicationDecision.objects.filter(application=grant.application).select_related("lot_decision").first()
    if decision is None:
        return None
    reserve = (
        ApplicationDecision.objects.filter(lot_decision=decision.lot_decision, outcome=Outcome.RESERVE,
                                           application__status=ApplicationStatus.RESERVE)
        .select_related("application").order_by("reserve_position", "pk").first()
    )
    if reserve is None:
        return None
    application_set_outcome(application=reserve.application, status=ApplicationStatus.WINNER, actor=actor,
                            message=("moved_up_from_reserve", {"number": grant.number}))
    return grant_award(application=reserve.application, awarded_on=local_date(timezone.now()), actor=actor,
                       moved_up=True)


@transaction.atomic
def grant_decline(*, grant: Grant, actor, reason: str) -> Grant:
    """The NGO's head declines the grant, with a reason that is published; the first reserve moves up."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the NGO declines the grant: the reason is published.")})
    grant = _lock(grant)
    grant.reason = reason
    transition(grant, to=S.DECLINED, table=TRANSITIONS, actor=actor, note=reason, update_fields=["reason"])
    notifications.grant_declined(grant)
    move_up_reserve(grant=grant, actor=actor)
    return grant


@transaction.atomic
def grant_expire(*, grant: Grant, today: date | None = None) -> Grant | None:
    """A winner that has not signed by the deadline loses the grant; the first reserve moves up."""
    grant = _lock(grant)
    today = today or local_date(timezone.now())
    agreement = Agreement.objects.get(grant=grant)
    if grant.status != S.AWARDED or grant.sign_by >= today or agreement.status not in (
            AgreementStatus.DRAFT, AgreementStatus.READY):
        return None  # signed by the NGO in time (the operator's delay is not the NGO's), or no longer awarded
    grant.reason = _("The agreement was not signed by %(date)s.") % {"date": grant.sign_by.strftime("%d.%m.%Y")}
    transition(grant, to=S.DECLINED, table=TRANSITIONS, actor=None, update_fields=["reason"],
               message=("signing_deadline_passed", {"date": grant.sign_by.strftime("%d.%m.%Y")}))
    notifications.grant_declined(grant)
    move_up_reserve(grant=grant, actor=None)
    return grant


def grants_expire_unsigned(*, today: date | None = None) -> list[Grant]:
    """The beat job: every grant past its signing deadline, each in its own transaction."""
    today = today or local_date(timezone.now())
    late = Grant.objects.filter(status=S.AWARDED, sign_by__lt=today).values_list("pk", flat=True)
    return [g for g in (grant_expire(grant=Grant(pk=pk), today=today) for pk in list(late)) if g]


@transaction.atomic
def grant_complete(*, grant: Grant, actor) -> Grant:
    """The project is done (monitoring calls this once the final report is accepted)."""
    grant = _lock(grant)
    transition(grant, to=S.COMPLETED, table=TRANSITIONS, actor=actor)
    return grant


@transaction.atomic
def grant_terminate(*, grant: Grant, actor, reason: str) -> Grant:
    """The operator ends a signed agreement early, with a public reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the agreement is terminated: the reason is published.")})
    grant = _lock(grant)
    grant.reason = reason
    transition(grant, to=S.TERMINATED, table=TRANSITIONS, actor=actor, note=reason, update_fields=["reason"])
    return grant
