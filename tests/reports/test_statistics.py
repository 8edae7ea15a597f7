"""The statistics page: the figures add up, the map links every region to the registry filtered by it, each figure
downloads as CSV, and the page runs the same aggregate queries with 1 and 50 grants."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from grants.choices import GrantType
from reports.selectors.statistics import figures
from tests.reports import factories as rf

pytestmark = pytest.mark.django_db

STATISTICS_QUERIES = 9  # first and last award, the years with grants, regions, then six aggregates (region × type
# with the grants funded, year, direction, customer, applications, NGOs)


def url(name, lang="kk", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs)


def test_money_by_region_adds_up_and_national_lots_stand_apart():
    rf.grant(region="almaty", amount=Decimal("10000000"))
    rf.grant(region="almaty", amount=Decimal("5000000"))
    rf.grant(region=None, amount=Decimal("7000000"))
    data = figures(None)
    almaty = next(r for r in data["regions"] if r["slug"] == "almaty")
    assert (almaty["count"], almaty["amount"]) == (2, Decimal("15000000.00"))
    assert data["national"] == {"count": 1, "amount": Decimal("7000000.00")}
    assert data["total"]["amount"] == Decimal("22000000.00")


def test_success_rate_and_share_of_ngos_funded():
    rf.grant(region="almaty")
    data = figures(None)
    almaty = next(r for r in data["success"] if r["slug"] == "almaty")
    assert almaty["funded"] == 1 and almaty["submitted"] >= 1
    assert almaty["ngos_funded"] == 1 and almaty["ngo_share"] > 0


def test_the_map_links_each_region_to_the_registry_with_a_title():
    rf.grant(region="shymkent")
    page = Client().get(url("statistics:index", "ru")).content.decode()
    assert page.count('class="kz-region"') == 20
    assert f'href="{url("grants:registry", "ru")}?region=shymkent"' in page
    assert "<title>город Шымкент:" in page
    assert "<script" not in page.split("<main", 1)[-1].split("</main>")[0]


def test_each_figure_downloads_as_csv():
    rf.grant(region="almaty", amount=Decimal("10000000"))
    for figure in ("regions", "years", "directions", "customers", "types", "success"):
        response = Client().get(url("statistics:csv", "en", figure=figure))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
    text = Client().get(url("statistics:csv", "en", figure="regions")).content.decode("utf-8-sig")
    assert "Almaty,KZ-75,1,10000000.00" in text
    assert Client().get(url("statistics:csv", figure="nothing")).status_code == 404


def test_a_year_counts_money_by_award_date_and_funded_grants_by_the_years_calls():
    from datetime import date

    early = rf.grant(region="almaty", awarded_on=date(2025, 2, 1), amount=Decimal("3000000"), grant_type="long")
    call_year = early.call.fiscal_year.year
    rf.grant(region="almaty", awarded_on=date(2025, 6, 1), amount=Decimal("2000000"))
    data = figures(2025)
    almaty = next(r for r in data["regions"] if r["slug"] == "almaty")
    assert (almaty["count"], almaty["amount"]) == (2, Decimal("5000000.00"))
    types = {row["label"]: (row["count"], row["amount"]) for row in data["types"]}
    with translation.override("kk"):
        assert types[str(GrantType.LONG.label)] == (1, Decimal("3000000.00"))
    funded = next(r for r in figures(call_year)["success"] if r["slug"] == "almaty")["funded"]
    assert funded == 2  # both came from calls of that year, whatever the award date
    if call_year != 2025:
        assert next(r for r in figures(call_year)["regions"] if r["slug"] == "almaty")["count"] == 0


def test_the_year_selector_narrows_the_figures():
    from datetime import date

    rf.grant(awarded_on=date(2025, 5, 1), amount=Decimal("4000000"))
    rf.grant(awarded_on=date(2024, 5, 1), amount=Decimal("9000000"))
    response = Client().get(url("statistics:index"), {"year": "2025"})
    assert response.context["data"]["total"]["amount"] == Decimal("4000000.00")


def test_the_statistics_run_the_same_queries_with_one_and_fifty_grants():
    rf.grant()
    with CaptureQueriesContext(connection) as one:
        Client().get(url("statistics:index"))
    for index in range(49):
        rf.grant(region=("almaty", "shymkent", "atyrau", None)[index % 4])
    with CaptureQueriesContext(connection) as many:
        Client().get(url("statistics:index"))
    assert len(one) == len(many) == STATISTICS_QUERIES, [q["sql"][:120] for q in many.captured_queries]
