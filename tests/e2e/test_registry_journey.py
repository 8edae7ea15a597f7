"""The public registry in Chromium: a visitor finds a region on the map of the statistics, follows it to the
registry filtered by that region, opens a grant and downloads the open data; a second visit downloads the same
grants again. axe checks the statistics (charts and map), the registry and the grant's page."""

import json
from datetime import date
from decimal import Decimal

import pytest

from tests.reports import factories as rf

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_map_to_registry_to_grant_to_open_data(page, assert_accessible):
    grant = rf.grant(region="karaganda", title="Қарағанды жастарына арналған медиа мектеп",
                     summary="Жастарға арналған медиа сауаттылық курстары", amount=Decimal("12000000"),
                     awarded_on=date(2026, 3, 2), paid=True)
    rf.grant(region="almaty", title="Алматыдағы қарттарға көмек", awarded_on=date(2025, 4, 1))

    page.goto("/kk/statistics/")
    assert "Мемлекеттік гранттар статистикасы" in page.inner_text("h1")
    assert page.locator("svg.kz-map path.kz-region").count() == 20
    assert_accessible(page)
    page.click("svg.kz-map a[href*='region=karaganda']")
    page.wait_for_url("**/kk/grants/?region=karaganda**")
    assert page.locator("#id_region").input_value() == "karaganda"
    titles = page.locator("ol.registry-list h3").all_inner_texts()
    assert titles == ["Қарағанды жастарына арналған медиа мектеп"]
    assert_accessible(page)

    page.click("text=Қарағанды жастарына арналған медиа мектеп")
    page.wait_for_url(f"**/kk/grants/{grant.number}/")
    main = page.inner_text("main")
    assert "Жастарға арналған медиа сауаттылық курстары" in main
    assert "6 000 000 ₸" in main.replace("\xa0", " ")  # the first tranche paid
    assert_accessible(page)

    page.goto("/kk/open-data/")
    assert_accessible(page)
    with page.expect_download() as first:
        page.click("a[href='/open-data/grants.json']")
    data = json.loads(open(first.value.path(), encoding="utf-8").read())
    ids = sorted(g["id"] for g in data["grants"])
    assert any(i.endswith(grant.number) for i in ids)

    # A second visit: the same file, the same grants.
    page.goto("/kk/open-data/")
    with page.expect_download() as second:
        page.click("a[href='/open-data/grants.json']")
    again = json.loads(open(second.value.path(), encoding="utf-8").read())
    assert sorted(g["id"] for g in again["grants"]) == ids


def test_registry_reads_at_phone_width(phone_page):
    rf.grant(region="shymkent", title="Шымкент жастарына арналған спорт алаңдары")
    phone_page.goto("/ru/grants/")
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    phone_page.screenshot(path="/tmp/registry-phone-ru.png", full_page=True)
    phone_page.goto("/ru/statistics/")
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
