"""The statistics page's figures: a fixed set of aggregate queries (no loop over grants), whatever the data.

Money and grants by region, year, priority direction, customer and grant type; applications submitted, admitted
and funded per region for the year; the share of each region's verified NGOs that received a grant."""

from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import ExtractYear

from agreements.models import Grant
from grants.applications.choices import ApplicationStatus
from grants.choices import GrantType
from grants.models import Application, Customer, PriorityDirection
from ngos.choices import VerificationStatus
from ngos.models import NGO
from portal.models import Region

from .registry import PUBLIC_STATUSES, public_grants

NOT_SUBMITTED = (ApplicationStatus.DRAFT,)
ADMITTED = (ApplicationStatus.ADMITTED, ApplicationStatus.UNDER_EVALUATION, ApplicationStatus.WINNER,
            ApplicationStatus.RESERVE, ApplicationStatus.NOT_FUNDED)


def _money(value) -> Decimal:
    return value if value is not None else Decimal("0.00")


def _rows(queryset, key: str) -> dict:
    return {row[key]: (row["n"], _money(row["total"])) for row in
            queryset.values(key).annotate(n=Count("pk"), total=Sum("amount")).order_by()}


def years() -> list[int]:
    return list(public_grants().annotate(y=ExtractYear("awarded_on")).order_by("-y").values_list("y", flat=True)
                .distinct())


def figures(year: int | None) -> dict:
    """Every figure of the page for `year` (None: all years), as plain data the cache can keep."""
    regions = list(Region.objects.order_by("position"))
    grants = public_grants()
    in_year = grants.filter(awarded_on__year=year) if year else grants

    by_region = _rows(in_year, "lot__region")
    region_rows = [{"slug": r.slug, "iso": r.iso_code, "name": str(r.name), "label": str(r.name),
                    "count": by_region.get(r.pk, (0, 0))[0], "amount": by_region.get(r.pk, (0, Decimal("0.00")))[1]}
                   for r in regions]
    national = by_region.get(None, (0, Decimal("0.00")))

    by_year = _rows(grants.annotate(y=ExtractYear("awarded_on")), "y")
    year_rows = [{"label": str(y), "count": n, "amount": total} for y, (n, total) in sorted(by_year.items())]

    by_direction = (in_year.values("lot__direction").annotate(n=Count("pk"), total=Sum("amount"))
                    .order_by("-total"))
    directions = {d.pk: d for d in PriorityDirection.objects.filter(
        pk__in=[row["lot__direction"] for row in by_direction if row["lot__direction"]])
        .select_related("direction_list__customer", "direction_list__fiscal_year")}
    direction_rows = []
    for row in by_direction:
        direction = directions.get(row["lot__direction"])
        label = (f"{direction.direction_list.fiscal_year.year} · {direction.number}. {direction.title}"
                 if direction else "—")
        direction_rows.append({"label": label, "count": row["n"], "amount": _money(row["total"])})

    by_customer = _rows(in_year, "call__customer")
    customers = {c.pk: c for c in Customer.objects.filter(pk__in=list(by_customer))}
    customer_rows = sorted(({"label": str(customers[pk].short_name or customers[pk].name), "count": n,
                             "amount": total} for pk, (n, total) in by_customer.items() if pk in customers),
                           key=lambda r: r["amount"], reverse=True)

    by_type = _rows(in_year, "lot__grant_type")
    type_rows = [{"label": str(label), "count": by_type.get(value, (0, 0))[0],
                  "amount": by_type.get(value, (0, Decimal("0.00")))[1]} for value, label in GrantType.choices]

    applications = Application.objects.exclude(status__in=NOT_SUBMITTED).filter(submitted_at__isnull=False)
    if year:
        applications = applications.filter(lot__call__fiscal_year__year=year)
    funded = Exists(Grant.objects.filter(application=OuterRef("pk"), status__in=PUBLIC_STATUSES))
    success = {row["lot__region"]: row for row in applications.annotate(funded=funded).values("lot__region").annotate(
        submitted=Count("pk"), admitted=Count("pk", filter=Q(status__in=ADMITTED)),
        won=Count("pk", filter=Q(funded=True))).order_by()}

    has_grant = Exists(Grant.objects.filter(ngo=OuterRef("pk"), status__in=PUBLIC_STATUSES,
                                            **({"awarded_on__year": year} if year else {})))
    ngo_counts = {row["region"]: row for row in NGO.objects.filter(verification=VerificationStatus.VERIFIED)
                  .annotate(funded=has_grant).values("region").annotate(
                      total=Count("pk"), funded_count=Count("pk", filter=Q(funded=True))).order_by()}
    region_success = []
    for r in regions:
        s = success.get(r.pk, {})
        n = ngo_counts.get(r.pk, {})
        submitted, won = s.get("submitted", 0), s.get("won", 0)
        total, with_grant = n.get("total", 0), n.get("funded_count", 0)
        region_success.append({
            "slug": r.slug, "name": str(r.name), "label": str(r.name), "submitted": submitted,
            "admitted": s.get("admitted", 0),
            "funded": won, "rate": round(100 * won / submitted, 1) if submitted else None,
            "ngos": total, "ngos_funded": with_grant,
            "ngo_share": round(100 * with_grant / total, 1) if total else None,
        })
    shares = [r["ngo_share"] for r in region_success if r["ngo_share"]]
    return {
        "year": year,
        "total": {"count": sum(r["count"] for r in region_rows) + national[0],
                  "amount": sum((r["amount"] for r in region_rows), Decimal("0.00")) + national[1]},
        "regions": region_rows,
        "national": {"count": national[0], "amount": national[1]},
        "years": year_rows,
        "directions": direction_rows,
        "customers": customer_rows,
        "types": type_rows,
        "success": region_success,
        "share_spread": round(max(shares) / min(shares), 1) if len(shares) > 1 else None,
    }
