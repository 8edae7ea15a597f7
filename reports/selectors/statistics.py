"""The statistics page's figures: a fixed set of queries over the tallies (reports/tallies.py), whatever the data.

Money and grants by region, year, priority direction, customer and grant type; applications submitted, admitted
and funded per region for the year; the share of each region's verified NGOs that received a grant."""

from decimal import Decimal

from django.db import connection
from django.db.models import F, Sum

from grants.choices import GrantType
from portal.models import Region
from portal.translation import localized

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


class Sums:
    """The award tallies summed for the page: by year (every year), and for `year` (None: all) by region, grant
    type, direction and customer; the grants funded per region by the year's calls; the labels of the directions
    and customers. Filled on PostgreSQL by one grouped query (`grouped`), elsewhere by summing the rows."""

    def __init__(self):
        self.by_year, self.by_region, self.by_type, self.by_direction, self.by_customer = {}, {}, {}, {}, {}
        self.funded, self.direction_labels, self.customer_labels = {}, {}, {}

    def name_direction(self, direction, row: dict) -> None:
        self.direction_labels[direction] = (
            f"{row['direction_year']} · {row['direction_number']}. {row['direction_title'] or row['title_kk']}"
            if direction else "—")

    def name_customer(self, customer, row: dict) -> None:
        self.customer_labels[customer] = row["customer_short"] or row["short_kk"] or row["name_kk"]


def _tally_rows():
    """One row per tally, flat, with what the page groups and labels by, in the page's language."""
    title, short = localized("title"), localized("short_name")
    return LotAwardTally.objects.order_by().values(
        "year", "grants", "amount", region=F("lot__region"), grant_type=F("lot__grant_type"),
        direction=F("lot__direction"), direction_number=F("lot__direction__number"),
        title_kk=F("lot__direction__title_kk"), direction_title=F(f"lot__direction__{title}"),
        direction_year=F("lot__direction__direction_list__fiscal_year__year"), customer=F("call__customer"),
        name_kk=F("call__customer__name_kk"), short_kk=F("call__customer__short_name_kk"),
        customer_short=F(f"call__customer__{short}"), call_year=F("call__fiscal_year__year"))


def summed(year: int | None) -> Sums:
    """The sums from every tally row, in Python (SQLite; and on PostgreSQL the check of `grouped`)."""
    sums = Sums()
    for row in _tally_rows():
        n, total, region = row["grants"], row["amount"], row["region"]
        _add(sums.by_year, row["year"], n, total)
        if not year or row["call_year"] == year:
            sums.funded[region] = sums.funded.get(region, 0) + n
        if year and row["year"] != year:
            continue
        _add(sums.by_region, region, n, total)
        _add(sums.by_type, row["grant_type"], n, total)
        _add(sums.by_direction, row["direction"], n, total)
        _add(sums.by_customer, row["customer"], n, total)
        sums.name_direction(row["direction"], row)
        sums.name_customer(row["customer"], row)
    return sums


# Which grouping set a row of `grouped` sums: the first key the set groups by (the funded set groups by the
# call's year and the region, so it is told before the region's). A direction's and a customer's names are grouped
# with them (one name per id): hashed, not compared as MAX() would.
GROUPED = """SELECT CASE WHEN GROUPING(r.year) = 0 THEN 'year' WHEN GROUPING(r.call_year) = 0 THEN 'funded'
  WHEN GROUPING(r.region) = 0 THEN 'region' WHEN GROUPING(r.grant_type) = 0 THEN 'type'
  WHEN GROUPING(r.direction) = 0 THEN 'direction' ELSE 'customer' END AS kind,
  r.year, r.call_year, r.region, r.grant_type, r.direction, r.direction_year, r.direction_number, r.title_kk,
  r.direction_title, r.customer, r.name_kk, r.short_kk, r.customer_short,
  SUM(r.grants) AS grants, SUM(r.amount) AS amount,
  SUM(r.grants) FILTER (WHERE %s::integer IS NULL OR r.year = %s::integer) AS year_grants,
  SUM(r.amount) FILTER (WHERE %s::integer IS NULL OR r.year = %s::integer) AS year_amount
FROM ({rows}) AS r
GROUP BY GROUPING SETS ((r.year), (r.call_year, r.region), (r.region), (r.grant_type),
  (r.direction, r.direction_year, r.direction_number, r.title_kk, r.direction_title),
  (r.customer, r.name_kk, r.short_kk, r.customer_short))"""


def grouped(year: int | None) -> Sums:
    """The same sums as `summed`, grouped by PostgreSQL in one query: a hundred-odd rows to read instead of one
    per tally (a thousand lots: 20 ms of the page, decoding and adding)."""
    rows_sql, rows_params = _tally_rows().query.sql_with_params()
    sums = Sums()
    with connection.cursor() as cursor:
        cursor.execute(GROUPED.replace("{rows}", rows_sql), (year, year, year, year, *rows_params))
        columns = [column.name for column in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(columns, values, strict=True))
            kind, n, total = row["kind"], row["year_grants"], row["year_amount"]
            if kind == "year":
                sums.by_year[row["year"]] = (row["grants"], row["amount"])
            elif kind == "funded":
                if not year or row["call_year"] == year:
                    region = row["region"]
                    sums.funded[region] = sums.funded.get(region, 0) + row["grants"]
            elif n is None:  # nothing of this group in the year
                continue
            elif kind == "region":
                sums.by_region[row["region"]] = (n, total)
            elif kind == "type":
                sums.by_type[row["grant_type"]] = (n, total)
            elif kind == "direction":
                sums.by_direction[row["direction"]] = (n, total)
                sums.name_direction(row["direction"], row)
            else:
                sums.by_customer[row["customer"]] = (n, total)
                sums.name_customer(row["customer"], row)
    return sums


def _ranked(sums: dict, labels: dict) -> list[dict]:
    """The groups by money, largest first (ties by name), each with its label."""
    ranked = sorted(sums.items(), key=lambda item: (-item[1][1], labels[item[0]]))
    return [{"label": labels[key], "count": n, "amount": total} for key, (n, total) in ranked]


def figures(year: int | None) -> dict:
    """Every figure of the page for `year` (None: all years), as plain data the cache can keep.

    Summed from the tallies (reports/tallies.py: per lot, call and year of the award), joined to the lot, its
    direction and the call's customer and year, so the names and groups are read as they stand. A year counts money
    by the award date and the grants funded by the year's calls (an award of the year's call may fall in the next
    year); for all years the two are the same."""
    tallies.refresh()
    regions = list(Region.objects.order_by("position"))
    sums = grouped(year) if connection.vendor == "postgresql" else summed(year)
    by_region, by_type = sums.by_region, sums.by_type

    region_rows = [{"slug": r.slug, "iso": r.iso_code, "name": str(r.name), "label": str(r.name),
                    "count": by_region.get(r.pk, (0, ZERO))[0], "amount": by_region.get(r.pk, (0, ZERO))[1]}
                   for r in regions]
    national = by_region.get(None, (0, ZERO))
    year_rows = [{"label": str(y), "count": n, "amount": total} for y, (n, total) in sorted(sums.by_year.items())]
    direction_rows = _ranked(sums.by_direction, sums.direction_labels)
    customer_rows = _ranked(sums.by_customer, sums.customer_labels)
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
        submitted, won = s.get("submitted", 0), sums.funded.get(r.pk, 0)
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
