"""The statistics page: the figures add up, the map links every region to the registry filtered by it, each figure
downloads as CSV, and the page runs the same aggregate queries with 1 and 50 grants. The tallies it sums equal the
live count after every change the services make, a draft's autosave costs them nothing, and the rebuild repairs a
write that bypassed them."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from agreements.models import Grant
from agreements.services import grant_decline
from grants.applications.choices import ApplicationStatus
from grants.applications.services import application_record_screening
from grants.choices import GrantType
from reports import tallies
from reports.models import LotApplicationTally, LotAwardTally, NGOAwardYear, StaleTally
from reports.selectors.statistics import figures
from tests.agreements import factories as af
from tests.reports import factories as rf

pytestmark = pytest.mark.django_db

STATISTICS_QUERIES = 7  # the years: a change to count?, the years of the tallies; the figures: a change to count?,
# regions, the award tallies summed (with their lots, directions, calls and customers; grouped by PostgreSQL),
# the application tallies by region,
# the regions' funded and verified NGOs


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
    tallies.refresh()  # what the first reader after a change does (pinned below)
    with CaptureQueriesContext(connection) as one:
        Client().get(url("statistics:index"))
    for index in range(49):
        rf.grant(region=("almaty", "shymkent", "atyrau", None)[index % 4])
    tallies.refresh()
    with CaptureQueriesContext(connection) as many:
        Client().get(url("statistics:index"))
    assert len(one) == len(many) == STATISTICS_QUERIES, [q["sql"][:120] for q in many.captured_queries]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the grouped sums are PostgreSQL's GROUPING SETS")
def test_the_grouped_sums_equal_the_sums_of_every_tally_in_each_language_and_year():
    """PostgreSQL groups the tallies in one query; SQLite (the demo) adds them up row by row. Both are read by the
    same page, so they must agree to the tenge, label for label, in every year and for all years."""
    from grants.models import Lot
    from reports.selectors.statistics import grouped, summed

    rf.grant(region="almaty", amount=Decimal("10000000"), awarded_on=date(2024, 3, 1))
    rf.grant(region="almaty", amount=Decimal("4000000"), awarded_on=date(2025, 2, 1), grant_type=GrantType.LONG)
    rf.grant(region="shymkent", amount=Decimal("6500000"), awarded_on=date(2025, 5, 1))
    undirected = rf.grant(region=None, amount=Decimal("7000000"), awarded_on=date(2025, 6, 1))
    Lot.objects.filter(pk=undirected.lot_id).update(direction=None)  # a lot outside the directions' list
    tallies.refresh()
    for lang in ("kk", "ru", "en"):
        with translation.override(lang):
            for year in (None, 2024, 2025, 2023):
                assert vars(grouped(year)) == vars(summed(year)), (lang, year)
    with translation.override("ru"):
        sums = grouped(2025)
    assert sums.by_year == {2024: (1, Decimal("10000000.00")), 2025: (3, Decimal("17500000.00"))}
    assert sums.by_region[None] == (1, Decimal("7000000.00")) and sums.direction_labels[None] == "—"
    assert len(sums.by_direction) == 3 and len(sums.by_type) == 2


def test_counting_changed_lots_again_runs_the_same_queries_for_one_lot_and_for_many():
    rf.grant()
    with CaptureQueriesContext(connection) as one:
        tallies.refresh()
    for index in range(12):
        rf.grant(region=("almaty", "shymkent", "atyrau", None)[index % 4])
    assert StaleTally.objects.values("lot_id").distinct().count() >= 12
    with CaptureQueriesContext(connection) as many:
        tallies.refresh()
    assert len(one) == len(many), [q["sql"][:120] for q in many.captured_queries]
    assert not StaleTally.objects.exists()


def stored() -> tuple[list, list, list]:
    return (sorted(LotAwardTally.objects.values_list("lot", "call", "year", "grants", "amount")),
            sorted(LotApplicationTally.objects.values_list("lot", "submitted", "admitted")),
            sorted(NGOAwardYear.objects.values_list("ngo", "year")))


def live() -> tuple[list, list, list]:
    awards, submitted, funded = tallies.counted()
    return (sorted((t.lot_id, t.call_id, t.year, t.grants, t.amount) for t in awards),
            sorted((t.lot_id, t.submitted, t.admitted) for t in submitted),
            sorted((t.ngo_id, t.year) for t in funded))


def test_the_tallies_equal_the_live_count_after_the_services_change_grants_and_applications(
        submitted, second, officer):
    from datetime import date

    kept = rf.grant(region="almaty", amount=Decimal("6000000"), awarded_on=date(2025, 4, 1))
    gone = rf.grant(region="almaty", amount=Decimal("8000000"), awarded_on=date(2025, 4, 2))
    almaty = lambda data: next(r for r in data["regions"] if r["slug"] == "almaty")  # noqa: E731
    assert almaty(figures(2025))["amount"] == Decimal("14000000.00")
    assert stored() == live()

    grant_decline(grant=gone, actor=af.head_of(gone.ngo), reason="Команда изменилась.")
    application_record_screening(application=submitted, status=ApplicationStatus.ADMITTED, actor=officer)
    application_record_screening(application=second, status=ApplicationStatus.NOT_ADMITTED, actor=officer)
    data = figures(2025)
    assert (almaty(data)["count"], almaty(data)["amount"]) == (1, Decimal("6000000.00"))
    assert stored() == live()
    counted = LotApplicationTally.objects.get(lot=submitted.lot)
    assert (counted.submitted, counted.admitted) == (2, 1)  # both still submitted; one admitted
    assert kept.pk in set(Grant.objects.values_list("pk", flat=True))


def test_a_drafts_autosave_leaves_the_tallies_alone(application):
    StaleTally.objects.all().delete()
    draft = type(application).objects.get(pk=application.pk)
    draft.summary = "Жобаның қысқаша сипаттамасы"
    draft.save()
    assert not StaleTally.objects.exists()


def test_the_rebuild_repairs_a_write_that_bypassed_the_signals():
    grant = rf.grant(region="almaty", amount=Decimal("5000000"))
    assert figures(None)["total"]["amount"] == Decimal("5000000.00")
    Grant.objects.filter(pk=grant.pk).update(amount=Decimal("9000000"))  # no signal: the tallies do not know
    assert figures(None)["total"]["amount"] == Decimal("5000000.00")
    call_command("rebuild_statistics", stdout=io.StringIO())
    assert figures(None)["total"]["amount"] == Decimal("9000000.00")
    assert stored() == live()


def test_the_regions_verified_ngos_follow_a_registration_a_verification_a_move_and_an_import():
    """The share's denominator is a tally too: it equals a live count of the verified NGOs after each change."""
    from datetime import date

    from ngos.choices import VerificationStatus
    from ngos.models import NGO
    from ngos.services.imports import ngo_import
    from portal.models import Region
    from tests.ngos.factories import NGOFactory, next_bin

    def shown() -> dict:
        return {row["slug"]: row["ngos"] for row in figures(None)["success"] if row["ngos"]}

    def counted_live() -> dict:
        return {slug: NGO.objects.filter(region__slug=slug, verification=VerificationStatus.VERIFIED).count()
                for slug in Region.objects.values_list("slug", flat=True)
                if NGO.objects.filter(region__slug=slug, verification=VerificationStatus.VERIFIED).exists()}

    rf.grant(region="almaty")
    assert shown() == counted_live() != {}
    pending = NGOFactory(region=Region.objects.get(slug="atyrau"), verification=VerificationStatus.PENDING)
    assert shown() == counted_live() and "atyrau" not in shown()
    pending.verification = VerificationStatus.VERIFIED
    pending.save()
    assert shown()["atyrau"] == 1 and shown() == counted_live()
    pending.region = Region.objects.get(slug="shymkent")
    pending.save()
    assert "atyrau" not in shown() and shown()["shymkent"] >= 1 and shown() == counted_live()
    result = ngo_import(rows=[(2, {"bin": next_bin(date(2019, 3, 1)), "name_kk": "«Жол» қоғамдық бірлестігі",
                                   "name_ru": "Общественное объединение «Жол»", "legal_form": "public_association",
                                   "region": "atyrau"})])
    assert len(result.imported) == 1, result.rejected
    assert shown()["atyrau"] == 1 and shown() == counted_live()
    pending.delete()
    assert shown() == counted_live()
