"""Every queryset the agreement pages show, with what they need joined, so a page runs a fixed number of queries."""

from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Prefetch, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from ngos.rules import member_roles
from portal.audit import history

from .choices import GrantStatus, SignatureStatus, TrancheStatus
from .models import Grant, Payment, Signature, Tranche

# Grants an NGO has received, as its public profile lists them: the agreement is signed.
RECEIVED = (GrantStatus.AGREEMENT_SIGNED, GrantStatus.IN_PROGRESS, GrantStatus.COMPLETED)
MONEY_FIELD = DecimalField(max_digits=16, decimal_places=2)


def _paid_total():
    paid = (Payment.objects.filter(tranche__grant=OuterRef("pk")).order_by().values("tranche__grant")
            .annotate(total=Sum("amount")).values("total"))
    return Coalesce(Subquery(paid, output_field=MONEY_FIELD), Value(Decimal("0.00")), output_field=MONEY_FIELD)


def _with_tranches():
    return Prefetch("tranches", queryset=Tranche.objects.prefetch_related("payments").order_by("position"))


def grants_of_user(user):
    """The grants of every NGO the user belongs to ("Our grants"), newest first."""
    return (
        Grant.objects.filter(ngo_id__in=list(member_roles(user)))
        .select_related("ngo", "call", "lot", "agreement")
        .prefetch_related(_with_tranches())
        .annotate(paid=_paid_total())
        .order_by("-awarded_on", "number")
    )


def staff_grants(*, call=None, status: str = "", query: str = ""):
    """The staff list: by call and status, with the amount paid so far."""
    grants = Grant.objects.select_related("ngo", "call", "lot", "agreement").annotate(paid=_paid_total())
    if call:
        grants = grants.filter(call=call)
    if status:
        grants = grants.filter(status=status)
    if query:
        grants = grants.filter(Q(number__icontains=query) | Q(title__icontains=query) | Q(ngo__bin=query)
                               | Q(ngo__name_kk__icontains=query) | Q(ngo__name_ru__icontains=query))
    return grants.order_by("call__code", "number")


def grant_page(number: str):
    """One grant with its agreement, signatures, tranches and payments."""
    signatures = Signature.objects.select_related("signer").order_by("signed_at")
    return (
        Grant.objects.select_related("ngo", "call__customer", "lot", "application", "agreement")
        .prefetch_related(_with_tranches(), Prefetch("agreement__signatures", queryset=signatures),
                          "amendments", "budget_versions")
        .annotate(paid=_paid_total())
        .filter(number=number)
    )


def valid_signatures(agreement) -> dict:
    """{party: signature} of the signatures that stand."""
    return {s.party: s for s in agreement.signatures.all() if s.status == SignatureStatus.VALID}


def grant_history(grant) -> list:
    """The grant's audit trail with its agreement's, newest first."""
    entries = list(history(grant)) + list(history(grant.agreement))
    return sorted(entries, key=lambda entry: (entry.at, entry.pk), reverse=True)


def tranche_paid(tranche) -> Decimal:
    return sum((p.amount for p in tranche.payments.all()), Decimal("0.00"))


def next_due(grant):
    """The first tranche due and not yet paid, or None."""
    return next((t for t in grant.tranches.all() if t.status == TrancheStatus.DUE), None)


def budget_in_force(grant, on):
    """The budget version reports compare against: the latest in force on the date (the award's before any)."""
    versions = sorted(grant.budget_versions.all(), key=lambda v: v.version)
    current = [v for v in versions if v.in_force_from <= on]
    return current[-1] if current else (versions[0] if versions else None)


def labelled_budget(by_category: dict) -> list[tuple[str, str]]:
    """(category label, amount) in the categories' order, for pages and PDFs."""
    from grants.applications.choices import BudgetCategory

    return [(label, by_category[key]) for key, label in BudgetCategory.choices if key in by_category]


def amendment_budget_rows(amendment) -> list[tuple[str, str, str]]:
    from grants.applications.choices import BudgetCategory

    before, after = amendment.previous.get("budget", {}), amendment.changes.get("budget", {})
    return [(label, before.get(key, "0.00"), after.get(key, "0.00")) for key, label in BudgetCategory.choices
            if key in before or key in after]


def head_of(ngo):
    """The NGO's head as the agreement names them (None when the NGO has none on the portal)."""
    from ngos.choices import MemberRole
    from ngos.models import Membership

    membership = Membership.objects.filter(ngo=ngo, role=MemberRole.HEAD).select_related("user").first()
    return membership.user if membership else None


def agreement_for_pdf(agreement_pk: int):
    from .models import Agreement

    return (Agreement.objects.select_related("grant__ngo", "grant__call__customer", "grant__lot")
            .prefetch_related(Prefetch("grant__tranches", queryset=Tranche.objects.order_by("position")))
            .get(pk=agreement_pk))
