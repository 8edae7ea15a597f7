"""Supplementary agreements: the head requests a budget reallocation (the application's budget rules still hold,
the total unchanged), a longer term (within the grant type's range) or an activity's new dates, with a
justification; staff approve or reject with a reason. Approved, the grant changes and the PDF is rendered."""

from datetime import date
from decimal import InvalidOperation

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from grants.applications import budget as budget_rules
from grants.applications.choices import BudgetCategory
from grants.choices import GRANT_TYPE_RULES
from grants.workdays import add_working_days, local_date
from portal import mail, money
from portal.audit import record
from portal.workflow import transition

from .. import notifications
from ..choices import AmendmentKind, AmendmentStatus, GrantStatus
from ..models import Amendment, BudgetVersion, CallTerms, Grant
from ..schedule import add_months
from .states import lock_grant

S = AmendmentStatus
TRANSITIONS = {
    (S.REQUESTED, S.APPROVED): "amendment_approved",
    (S.REQUESTED, S.REJECTED): "amendment_rejected",
}
RUNNING = (GrantStatus.AGREEMENT_SIGNED, GrantStatus.IN_PROGRESS)


def _budget_changes(grant: Grant, proposed: dict) -> dict:
    try:
        amounts = {key: money.to_tiyn(value) for key, value in proposed.items() if key in BudgetCategory.values
                   and value not in (None, "")}
    except InvalidOperation:
        raise ValidationError({"budget": _("Enter each amount as a number.")}) from None
    if any(amount < 0 for amount in amounts.values()):
        raise ValidationError({"budget": _("An amount cannot be negative.")})
    totals = budget_rules.totals_of(amounts.items())
    if totals.total != money.to_tiyn(grant.amount):
        raise ValidationError({"budget": _("A reallocation keeps the total: %(total)s, not %(proposed)s.") % {
            "total": money.to_tiyn(grant.amount), "proposed": totals.total}})
    found = budget_rules.violations(totals, lot_budget=grant.amount)
    if found:
        raise ValidationError({"budget": [v.message for v in found]})
    if {k: str(v) for k, v in amounts.items() if v} == {k: str(money.to_tiyn(v)) for k, v in grant.budget.items()
                                                       if money.to_tiyn(v)}:
        raise ValidationError({"budget": _("The proposed budget is the budget in force.")})
    return {"budget": {k: str(v) for k, v in sorted(amounts.items()) if v}}


def _extension(grant: Grant, ends_on: date | None) -> dict:
    if ends_on is None or ends_on <= grant.ends_on:
        raise ValidationError({"ends_on": _("An extension ends after the current end, %(end)s.") % {
            "end": grant.ends_on.strftime("%d.%m.%Y")}})
    longest = add_months(grant.starts_on, GRANT_TYPE_RULES[grant.lot.grant_type].max_months)
    if ends_on >= longest:
        raise ValidationError({"ends_on": _("A grant of this type lasts at most %(months)s months: it ends before "
                                            "%(date)s.") % {"months": GRANT_TYPE_RULES[grant.lot.grant_type]
                                                            .max_months, "date": longest.strftime("%d.%m.%Y")}})
    return {"ends_on": ends_on.isoformat()}


def _activity(grant: Grant, position, starts_on: date | None, ends_on: date | None) -> dict:
    if position is None or not 0 <= int(position) < len(grant.activities):
        raise ValidationError({"activity": _("Choose an activity of the plan.")})
    if starts_on is None or ends_on is None or ends_on < starts_on:
        raise ValidationError({"activity_ends_on": _("An activity ends on or after its start.")})
    if starts_on < grant.starts_on or ends_on > grant.ends_on:
        raise ValidationError({"activity_ends_on": _("An activity's dates lie within the grant's term.")})
    return {"activity": int(position), "starts_on": starts_on.isoformat(), "ends_on": ends_on.isoformat()}


@transaction.atomic
def amendment_request(*, grant: Grant, actor, kind: str, justification: str, budget: dict | None = None,
                      ends_on: date | None = None, activity=None, activity_starts_on: date | None = None,
                      activity_ends_on: date | None = None) -> Amendment:
    grant = lock_grant(grant)
    if grant.status not in RUNNING:
        raise ValidationError(_("An amendment changes a signed agreement of a running grant."), code="not_running")
    if grant.amendments.filter(status=S.REQUESTED).exists():
        raise ValidationError(_("The grant has a request waiting for a decision."), code="pending")
    justification = (justification or "").strip()
    if not justification:
        raise ValidationError({"justification": _("Explain why the agreement should change.")})
    if kind == AmendmentKind.BUDGET:
        changes, previous = _budget_changes(grant, budget or {}), {"budget": grant.budget}
    elif kind == AmendmentKind.EXTENSION:
        changes, previous = _extension(grant, ends_on), {"ends_on": grant.ends_on.isoformat()}
    elif kind == AmendmentKind.ACTIVITY_DATES:
        changes = _activity(grant, activity, activity_starts_on, activity_ends_on)
        previous = {"activity": changes["activity"], **{k: grant.activities[changes["activity"]].get(k)
                                                        for k in ("starts_on", "ends_on")}}
    else:
        raise ValidationError({"kind": _("Choose what the amendment changes.")})
    number = (grant.amendments.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    amendment = Amendment.objects.create(grant=grant, number=number, kind=kind, justification=justification,
                                         changes=changes, previous=previous, requested_by=actor)
    record(actor=actor, obj=grant, action="amendment_requested", to_state=amendment.status,
           data={"amendment": number, "kind": kind})
    return amendment


def _apply(amendment: Amendment, grant: Grant, today: date) -> None:
    changes = amendment.changes
    if amendment.kind == AmendmentKind.BUDGET:
        grant.budget = changes["budget"]
        version = (grant.budget_versions.order_by("-version").values_list("version", flat=True).first() or 0) + 1
        BudgetVersion.objects.create(grant=grant, version=version, by_category=grant.budget, in_force_from=today,
                                     amendment=amendment)
        grant.save(update_fields=["budget", "updated_at"])
    elif amendment.kind == AmendmentKind.EXTENSION:
        terms = CallTerms.objects.filter(call=grant.call_id).first() or CallTerms()
        grant.ends_on = date.fromisoformat(changes["ends_on"])
        grant.final_report_due = add_working_days(grant.ends_on, terms.final_report_working_days)
        grant.save(update_fields=["ends_on", "final_report_due", "updated_at"])
    else:
        activities = [dict(a) for a in grant.activities]
        activities[changes["activity"]].update(starts_on=changes["starts_on"], ends_on=changes["ends_on"])
        grant.activities = activities
        grant.save(update_fields=["activities", "updated_at"])


@transaction.atomic
def amendment_decide(*, amendment: Amendment, actor, approve: bool, reason: str = "") -> Amendment:
    """Staff approve (the grant changes, the supplementary agreement is rendered) or reject with a reason."""
    amendment = Amendment.objects.select_for_update(of=("self",)).select_related("grant").get(pk=amendment.pk)
    reason = (reason or "").strip()
    if not approve and not reason:
        raise ValidationError({"reason": _("Say why the request is rejected.")})
    grant = lock_grant(amendment.grant)
    amendment.decided_by, amendment.decided_at, amendment.decision_reason = actor, timezone.now(), reason
    transition(amendment, to=S.APPROVED if approve else S.REJECTED, table=TRANSITIONS, actor=actor, note=reason,
               update_fields=["decided_by", "decided_at", "decision_reason"], subject=grant)
    if approve:
        _apply(amendment, grant, local_date(amendment.decided_at))
        from ..tasks import render_amendment

        mail.prepare(render_amendment, about=amendment, amendment_pk=amendment.pk)
    notifications.amendment_decided(amendment)
    return amendment


@transaction.atomic
def amendment_render(*, amendment_pk: int) -> Amendment | None:
    """The worker renders the numbered supplementary agreement (both texts) once."""
    import hashlib

    from ..pdf import amendment_pdf

    amendment = Amendment.objects.select_for_update(of=("self",)).select_related("grant").get(pk=amendment_pk)
    if amendment.pdf or amendment.status != S.APPROVED:
        return None
    pdf = amendment_pdf(amendment)
    amendment.pdf.save(f"amendment-{amendment.full_number}.pdf", ContentFile(pdf), save=False)
    amendment.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    amendment.save(update_fields=["pdf", "pdf_sha256", "updated_at"])
    return amendment
