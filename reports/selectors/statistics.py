"""The statistics page's figures: a fixed set of aggregate queries (no loop over grants), whatever the data.

Money and grants by region, year, priority direction, customer and grant type; applications submitted, admitted
and funded per region for the year; the share of each region's verified NGOs that received a grant."""

from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language

from agreements.models import Grant
from grants.applications.choices import ApplicationStatus
from grants.choices import GrantType
from grants.models import Application
from ngos.choices import VerificationStatus
from ngos.models import NGO
from portal.models import Region

from .registry import PUBLIC_STATUSES, public_grants
from .registry import years as registry_years

NOT_SUBMITTED = (ApplicationStatus.DRAFT,)
ADMITTED = (ApplicationStatus.ADMITTED, ApplicationStatus.UNDER_EVALUATION, ApplicationStatus.WINNER,
            ApplicationStatus.RESERVE, ApplicationStatus.NOT_FUNDED)


def _money(value) -> Decimal:
    return value if value is not None else Decimal("0.00")


def _rows(queryset, key: str) -> dict:
    return {row[key]: (row["n"], _money(row["total"])) for row in
            queryset.values(key).annotate(n=Count("pk"), total=Sum("amount")).order_by()}


def _by_region_and_type(grants, year: int | None):
    """Per (region, grant type): the grants awarded in `year` and their amount, and the grants funded by the year's
    calls (an award of the year's call may fall in the next year); for all years the two are the same."""
    if not year:
        return grants.values("lot__region", "lot__grant_type").annotate(
            n=Count("pk"), total=Sum("amount"), funded=Count("pk")).order_by()
    awarded, called = Q(awarded_on__year=year), Q(call__fiscal_year__year=year)
    return grants.filter(awarded | called).values("lot__region", "lot__grant_type").annotate(
        n=Count("pk", filter=awarded), total=Sum("amount", filter=awarded), funded=Count("pk", filter=called)
    ).order_by()


def years() -> list[int]:
    return registry_years()


def figures(year: int | None) -> dict:
    """Every figure of the page for `year` (None: all years), as plain data the cache can keep."""
    regions = list(Region.objects.order_by("position"))
    grants = public_grants()
    in_year = grants.filter(awarded_on__year=year) if year else grants

    # By region and by grant type, and the grants funded per region (those of the year's calls): one grouped
    # query over (region, type), summed here.
    by_region, by_type, funded = {}, {}, {}
    for row in _by_region_and_type(grants, year):
        n, total = row["n"], _money(row["total"])
        for table, key in ((by_region, row["lot__region"]), (by_type, row["lot__grant_type"])):
            count, amount = table.get(key, (0, Decimal("0.00")))
            table[key] = (count + n, amount + total)
        funded[row["lot__region"]] = funded.get(row["lot__region"], 0) + row["funded"]
    region_rows = [{"slug": r.slug, "iso": r.iso_code, "name": str(r.name), "label": str(r.name),
                    "count": by_region.get(r.pk, (0, 0))[0], "amount": by_region.get(r.pk, (0, Decimal("0.00")))[1]}
                   for r in regions]
    national = by_region.get(None, (0, Decimal("0.00")))

    by_year = _rows(grants.annotate(y=ExtractYear("awarded_on")), "y")
    year_rows = [{"label": str(y), "count": n, "amount": total} for y, (n, total) in sorted(by_year.items())]

    # The names come with the sums (joined in the same query): no second query per figure.
    lang = (get_language() or "kk")[:2]
    title = {"ru": "title_ru", "en": "title_en"}.get(lang, "title_kk")
    name = {"ru": "short_name_ru", "en": "short_name_en"}.get(lang, "short_name_kk")
    by_direction = (in_year.values("lot__direction", "lot__direction__number", "lot__direction__title_kk",
                                   f"lot__direction__{title}", "lot__direction__direction_list__fiscal_year__year")
                    .annotate(n=Count("pk"), total=Sum("amount")).order_by("-total"))
    direction_rows = []
    for row in by_direction:
        label = (f"{row['lot__direction__direction_list__fiscal_year__year']} · {row['lot__direction__number']}. "
                 f"{row[f'lot__direction__{title}'] or row['lot__direction__title_kk']}"
                 if row["lot__direction"] else "—")
        direction_rows.append({"label": label, "count": row["n"], "amount": _money(row["total"])})

    by_customer = (in_year.values("call__customer", "call__customer__name_kk", "call__customer__short_name_kk",
                                  f"call__customer__{name}")
                   .annotate(n=Count("pk"), total=Sum("amount")).order_by("-total"))
    customer_rows = [{"label": row[f"call__customer__{name}"] or row["call__customer__short_name_kk"]
                      or row["call__customer__name_kk"], "count": row["n"], "amount": _money(row["total"])}
                     for row in by_customer]

    type_rows = [{"label": str(label), "count": by_type.get(value, (0, 0))[0],
                  "amount": by_type.get(value, (0, Decimal("0.00")))[1]} for value, label in GrantType.choices]

    applications = Application.objects.exclude(status__in=NOT_SUBMITTED).filter(submitted_at__isnull=False)
    if year:
        applications = applications.filter(lot__call__fiscal_year__year=year)
    success = {row["lot__region"]: row for row in applications.values("lot__region").annotate(
        submitted=Count("pk"), admitted=Count("pk", filter=Q(status__in=ADMITTED))).order_by()}

    has_grant = Exists(Grant.objects.filter(ngo=OuterRef("pk"), status__in=PUBLIC_STATUSES,
                                            **({"awarded_on__year": year} if year else {})))
    ngo_counts = {row["region"]: row for row in NGO.objects.filter(verification=VerificationStatus.VERIFIED)
                  .annotate(funded=has_grant).values("region").annotate(
                      total=Count("pk"), funded_count=Count("pk", filter=Q(funded=True))).order_by()}
    region_success = []
    for r in regions:
        s = success.get(r.pk, {})
        n = ngo_counts.get(r.pk, {})
        submitted, won = s.get("submitted", 0), funded.get(r.pk, 0)
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
