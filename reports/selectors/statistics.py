"""The statistics page's figures: a fixed set of queries over the tallies (reports/tallies.py), whatever the data.

Money and grants by region, year, priority direction, customer and grant type; applications submitted, admitted
and funded per region for the year; the share of each region's verified NGOs that received a grant."""

from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import get_language

from grants.choices import GrantType
from portal.models import Region

from .. import tallies
from ..models import LotApplicationTally, LotAwardTally, RegionFundedTally

NOT_SUBMITTED, ADMITTED = tallies.NOT_SUBMITTED, tallies.ADMITTED
ZERO = Decimal("0.00")


def _add(table: dict, key, n: int, total: Decimal) -> None:
    count, amount = table.get(key, (0, ZERO))
    table[key] = (count + n, amount + total)


def years() -> list[int]:
    """The years with a public grant, newest first (from the tallies: a few thousand rows)."""
    tallies.refresh()
    return list(LotAwardTally.objects.order_by("-year").values_list("year", flat=True).distinct())


# The registry's filters a tally answers: what the lot, the call and the year of the award say.
TALLIED_FILTERS = frozenset({"region", "year", "customer", "direction", "grant_type"})


def grants_counted(criteria: dict) -> int | None:
    """How many public grants the registry's filters find, from the tallies when every chosen filter is one they
    keep (None otherwise: the registry counts the grants). The same count as the grants', with no scan of them."""
    chosen = {key: value for key, value in criteria.items() if value not in (None, "")}
    if not TALLIED_FILTERS.issuperset(chosen):
        return None
    tallies.refresh()
    rows = LotAwardTally.objects.all()
    region = chosen.get("region")
    if region == "national":
        rows = rows.filter(lot__region__isnull=True)
    elif region:
        rows = rows.filter(lot__region__slug=region)
    lookups = {"year": "year", "customer": "call__customer_id", "direction": "lot__direction_id",
               "grant_type": "lot__grant_type"}
    rows = rows.filter(**{lookups[key]: value for key, value in chosen.items() if key in lookups})
    return rows.aggregate(n=Sum("grants"))["n"] or 0


def figures(year: int | None) -> dict:
    """Every figure of the page for `year` (None: all years), as plain data the cache can keep.

    Summed from the tallies (reports/tallies.py: per lot, call and year of the award), joined to the lot, its
    direction and the call's customer and year, so the names and groups are read as they stand. A year counts money
    by the award date and the grants funded by the year's calls (an award of the year's call may fall in the next
    year); for all years the two are the same."""
    tallies.refresh()
    regions = list(Region.objects.order_by("position"))
    lang = (get_language() or "kk")[:2]
    title = {"ru": "title_ru", "en": "title_en"}.get(lang, "title_kk")
    name = {"ru": "short_name_ru", "en": "short_name_en"}.get(lang, "short_name_kk")

    by_region, by_type, funded, by_year, by_direction, by_customer = {}, {}, {}, {}, {}, {}
    direction_labels, customer_labels = {}, {}
    rows = LotAwardTally.objects.values(
        "year", "grants", "amount", "lot__region", "lot__grant_type", "lot__direction", "lot__direction__number",
        "lot__direction__title_kk", f"lot__direction__{title}", "lot__direction__direction_list__fiscal_year__year",
        "call__customer", "call__customer__name_kk", "call__customer__short_name_kk", f"call__customer__{name}",
        "call__fiscal_year__year").order_by()
    for row in rows:
        n, total, region = row["grants"], row["amount"], row["lot__region"]
        _add(by_year, row["year"], n, total)
        if not year or row["call__fiscal_year__year"] == year:
            funded[region] = funded.get(region, 0) + n
        if year and row["year"] != year:
            continue
        _add(by_region, region, n, total)
        _add(by_type, row["lot__grant_type"], n, total)
        direction, customer = row["lot__direction"], row["call__customer"]
        _add(by_direction, direction, n, total)
        _add(by_customer, customer, n, total)
        direction_labels[direction] = (
            f"{row['lot__direction__direction_list__fiscal_year__year']} · {row['lot__direction__number']}. "
            f"{row[f'lot__direction__{title}'] or row['lot__direction__title_kk']}" if direction else "—")
        customer_labels[customer] = (row[f"call__customer__{name}"] or row["call__customer__short_name_kk"]
                                     or row["call__customer__name_kk"])

    region_rows = [{"slug": r.slug, "iso": r.iso_code, "name": str(r.name), "label": str(r.name),
                    "count": by_region.get(r.pk, (0, ZERO))[0], "amount": by_region.get(r.pk, (0, ZERO))[1]}
                   for r in regions]
    national = by_region.get(None, (0, ZERO))
    year_rows = [{"label": str(y), "count": n, "amount": total} for y, (n, total) in sorted(by_year.items())]
    direction_rows = [{"label": direction_labels[key], "count": n, "amount": total}
                      for key, (n, total) in sorted(by_direction.items(), key=lambda item: -item[1][1])]
    customer_rows = [{"label": customer_labels[key], "count": n, "amount": total}
                     for key, (n, total) in sorted(by_customer.items(), key=lambda item: -item[1][1])]
    type_rows = [{"label": str(label), "count": by_type.get(value, (0, ZERO))[0],
                  "amount": by_type.get(value, (0, ZERO))[1]} for value, label in GrantType.choices]

    applications = LotApplicationTally.objects.all()
    if year:
        applications = applications.filter(lot__call__fiscal_year__year=year)
    success = {row["lot__region"]: row for row in applications.values("lot__region").annotate(
        submitted=Sum("submitted"), admitted=Sum("admitted")).order_by()}

    with_grant, verified = {}, {}
    for region, row_year, ngos, verified_ngos in RegionFundedTally.objects.filter(year__in={year or 0, 0}).values_list(
            "region", "year", "ngos", "verified"):
        if row_year == (year or 0):
            with_grant[region] = ngos
        if row_year == 0:
            verified[region] = verified_ngos
    region_success = []
    for r in regions:
        s = success.get(r.pk, {})
        submitted, won = s.get("submitted", 0), funded.get(r.pk, 0)
        total, funded_ngos = verified.get(r.pk, 0), with_grant.get(r.pk, 0)
        region_success.append({
            "slug": r.slug, "name": str(r.name), "label": str(r.name), "submitted": submitted,
            "admitted": s.get("admitted", 0),
            "funded": won, "rate": round(100 * won / submitted, 1) if submitted else None,
            "ngos": total, "ngos_funded": funded_ngos,
            "ngo_share": round(100 * funded_ngos / total, 1) if total else None,
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
