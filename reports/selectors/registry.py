"""What the registry of awarded grants shows: every grant the commission awarded (a declined award never became
a grant: its reserve's grant stands in its place), with what the list and the grant page need joined."""

from decimal import Decimal

from django.db import connection
from django.db.models import DecimalField, F, OuterRef, Prefetch, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Collate, NullIf
from django.utils import translation

from agreements.choices import GrantStatus, TrancheStatus
from agreements.models import Grant, Payment, Tranche
from monitoring import selectors as monitoring_selectors
from ngos.selectors import NAME_COLLATION
from portal.translation import pick

from ..search import search

PUBLIC_STATUSES = tuple(s for s in GrantStatus.values if s != GrantStatus.DECLINED)
MONEY = DecimalField(max_digits=16, decimal_places=2)
ZERO = Value(Decimal("0.00"))


def paid_total():
    """The sum of the payments recorded against the grant's tranches (what 360Giving calls amountDisbursed)."""
    paid = (Payment.objects.filter(tranche__grant=OuterRef("pk")).order_by().values("tranche__grant")
            .annotate(total=Sum("amount")).values("total"))
    return Coalesce(Subquery(paid, output_field=MONEY), ZERO, output_field=MONEY)


def public_grants():
    """Every public grant, unordered, without joins: the base the filters narrow and the count reads."""
    return Grant.objects.filter(status__in=PUBLIC_STATUSES)


def with_columns(queryset):
    """What the grant's page and the feed show of a grant and the rows around it (the list's rows join less:
    page_rows; the files read rows: reports.opendata.files)."""
    return (queryset.select_related("ngo__region", "lot__region", "lot__direction", "call__customer",
                                    "call__fiscal_year")
            .annotate(paid=paid_total()))


def ngo_name_key(lang: str | None = None):
    lang = (lang or translation.get_language() or "kk")[:2]
    key = {"ru": F("ngo__name_ru"), "en": Coalesce(NullIf(F("ngo__name_en"), Value("")), F("ngo__name_kk"))}.get(
        lang, F("ngo__name_kk"))
    return Collate(key, NAME_COLLATION) if connection.vendor == "postgresql" else key


SORTS = {
    "-date": ("-awarded_on", "-pk"),
    "date": ("awarded_on", "pk"),
    "-amount": ("-amount", "-pk"),
    "amount": ("amount", "pk"),
    "ngo": "ngo",
    "-ngo": "-ngo",
}


def ordered(queryset, sort: str):
    sort = sort if sort in SORTS else "-date"
    if sort in ("ngo", "-ngo"):
        key = ngo_name_key()
        return queryset.order_by(key.desc() if sort == "-ngo" else key.asc(), "pk")
    return queryset.order_by(*SORTS[sort])


def filtered(*, region: str = "", year: int | None = None, customer: int | None = None,
             direction: int | None = None, grant_type: str = "", status: str = "", amount_from=None,
             amount_to=None, q: str = ""):
    """The public grants narrowed by what the visitor chose (each filter optional; they combine)."""
    grants = public_grants()
    if region == "national":
        grants = grants.filter(lot__region__isnull=True)
    elif region:
        grants = grants.filter(lot__region__slug=region)
    if year:
        grants = grants.filter(awarded_on__year=year)
    if customer:
        grants = grants.filter(call__customer_id=customer)
    if direction:
        grants = grants.filter(lot__direction_id=direction)
    if grant_type:
        grants = grants.filter(lot__grant_type=grant_type)
    if status:
        grants = grants.filter(status=status)
    if amount_from is not None:
        grants = grants.filter(amount__gte=amount_from)
    if amount_to is not None:
        grants = grants.filter(amount__lte=amount_to)
    return search(grants, q)


# What a row of the list reads (reports/templates/reports/registry_list.html): every language of what it shows, so
# the page's is picked (portal.translation falls back kk → ru → en); not the NGO's texts and search columns, the
# grant's budget and indicators, the lot's and call's descriptions, a few kilobytes a row to send and decode.
ROW_COLUMNS = (
    "pk", "number", "title", "amount", "status", "awarded_on", "starts_on", "ends_on",
    "ngo__bin", "ngo__name_kk", "ngo__name_ru", "ngo__name_en",
    "lot__code", "lot__grant_type", "lot__region",
    "lot__region__name_kk", "lot__region__name_ru", "lot__region__name_en",
    "lot__direction", "lot__direction__number",
    "lot__direction__title_kk", "lot__direction__title_ru", "lot__direction__title_en",
    "call__code",
    "call__customer__name_kk", "call__customer__name_ru", "call__customer__name_en",
    "call__customer__short_name_kk", "call__customer__short_name_ru", "call__customer__short_name_en",
)


def _row(values: dict) -> dict:
    """One row of the list in the page's language, flat: what the template shows, nothing left to look up."""
    return {
        "pk": values["pk"], "number": values["number"], "title": values["title"], "amount": values["amount"],
        "paid": values["paid"], "status": values["status"], "grant_type": values["lot__grant_type"],
        "awarded_on": values["awarded_on"], "starts_on": values["starts_on"], "ends_on": values["ends_on"],
        "ngo_bin": values["ngo__bin"], "ngo_name": pick(values, "ngo__name"),
        "call_code": values["call__code"], "lot_code": values["lot__code"],
        "region": pick(values, "lot__region__name") if values["lot__region"] else None,
        "customer": pick(values, "call__customer__short_name") or pick(values, "call__customer__name"),
        "direction": (f"{values['lot__direction__number']}. {pick(values, 'lot__direction__title')}"
                      if values["lot__direction"] else ""),
    }


def page_rows(ids: list[int]) -> list[dict]:
    """The grants of one page in the page's order (the list pages ids first), as flat rows of what a row shows
    (ROW_COLUMNS, read as values: no model built for a grant and its six related rows, twenty times a page)."""
    rows = Grant.objects.filter(pk__in=ids).annotate(paid=paid_total()).order_by().values(*ROW_COLUMNS, "paid")
    by_id = {row["pk"]: _row(row) for row in rows}
    return [by_id[pk] for pk in ids if pk in by_id]


def grant_page(number: str):
    """One public grant with its NGO, lot, call, decision (and its meeting), agreement and paid tranches."""
    tranches = Tranche.objects.prefetch_related(Prefetch("payments", queryset=Payment.objects.order_by("paid_on")))
    return (
        with_columns(public_grants().filter(number=number))
        .select_related("application__decision__lot_decision__meeting", "agreement")
        .prefetch_related(Prefetch("tranches", queryset=tranches.order_by("position")))
    )


def paid_tranches(grant) -> list[dict]:
    """The tranches paid so far: date of the last payment and the amount paid (prefetched, no query)."""
    rows = []
    for tranche in grant.tranches.all():
        payments = list(tranche.payments.all())
        if not payments:
            continue
        rows.append({"position": tranche.position, "paid_on": payments[-1].paid_on,
                     "amount": sum((p.amount for p in payments), Decimal("0.00")),
                     "complete": tranche.status == TrancheStatus.PAID})
    return rows


def project_texts(grant) -> dict:
    """The summary and goals as the NGO submitted them (the snapshot the commission decided on)."""
    application = grant.application
    return {"summary": application.summary, "goals": application.goals, "language": application.language}


def achieved_indicators(grant) -> dict:
    """Indicator name → value achieved, as the grantee's last accepted report states it (monitoring); empty
    while no report is accepted, so the page shows the targets alone."""
    return {row["name"]: row["achieved"] for row in monitoring_selectors.public_indicators(grant)}


def published_evaluation(grant):
    """The published evaluation of efficiency (the customer's and the operator's scores, comments, the total out of
    25 and the indicators' achievement share), or None while the operator has not published it."""
    return monitoring_selectors.published_evaluation(grant)
