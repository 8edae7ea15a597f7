"""A call manager builds a call with two lots in the browser (rows added with htmx, totals as they type),
announces it, and the public reads it in Kazakh and Russian. axe checks the public pages."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from grants.models import Call
from portal.models import Region
from tests.grants.factories import CallFactory, CustomerFactory, DirectionFactory, FiscalYearFactory, complete_lot
from tests.world import make_user

pytestmark = pytest.mark.django_db(transaction=True)


LOTS = [
    {
        "code": "{year}-ALM-01", "region": "almaty", "title_kk": "Жастар волонтерлік орталығы",
        "title_ru": "Молодёжный волонтёрский центр", "budget": "9 000 000",
        "indicators": [("Оқытылған волонтерлер", "Обученные волонтёры", "адам", "человек", "300"),
                       ("Жастар жобалары", "Молодёжные проекты", "жоба", "проект", "20")],
        "lines": [("Үйлестіруші", "Координатор", "ай", "месяц", "6", "500000"),
                  ("Тренингтер", "Тренинги", "сабақ", "занятие", "40", "150000")],
        "total": "9\u00a0000\u00a0000\u00a0₸",
    },
    {
        "code": "{year}-TUR-01", "region": "turkistan", "title_kk": "Қарт адамдарға үйде көмек",
        "title_ru": "Помощь на дому пожилым людям", "budget": "7 200 000",
        "indicators": [("Көмек алушылар", "Получатели помощи", "адам", "человек", "150")],
        "lines": [("Үйлестіруші", "Координатор", "ай", "месяц", "8", "300000"),
                  ("Азық-түлік жинақтары", "Продуктовые наборы", "жинақ", "набор", "800", "6000")],
        "total": "7\u00a0200\u00a0000\u00a0₸",
    },
]


def fill_row(page, prefix, index, values):
    for name, value in values.items():
        page.fill(f"[name='{prefix}-{index}-{name}']", value)


def add_row(page, kind, expected_index):
    page.click(f"button[data-add-row='{kind}']")
    first_field = "name_kk" if kind == "indicators" else "item_kk"
    expect(page.locator(f"[name='{kind}-{expected_index}-{first_field}']")).to_be_visible()


def create_lot(page, lot, year):
    page.click("text=Добавить лот")
    page.fill("[name=code]", lot["code"].format(year=year))
    page.select_option("[name=direction]", index=1)
    page.fill("[name=title_kk]", lot["title_kk"])
    page.fill("[name=title_ru]", lot["title_ru"])
    page.select_option("[name=region]", label=Region.objects.get(slug=lot["region"]).name_ru)
    page.select_option("[name=grant_type]", "short")
    page.fill("[name=term_months]", "6")
    page.fill("[name=budget]", lot["budget"])
    for field in ("problem", "target_groups", "expected_results", "requirements"):
        page.fill(f"[name={field}_kk]", f"{lot['title_kk']}: {field}")
        page.fill(f"[name={field}_ru]", f"{lot['title_ru']}: {field}")
    for index, (name_kk, name_ru, unit_kk, unit_ru, target) in enumerate(lot["indicators"]):
        if index:
            add_row(page, "indicators", index)
        fill_row(page, "indicators", index, {"name_kk": name_kk, "name_ru": name_ru, "unit_kk": unit_kk,
                                             "unit_ru": unit_ru, "target_value": target})
    for index, (item_kk, item_ru, unit_kk, unit_ru, quantity, cost) in enumerate(lot["lines"]):
        if index:
            add_row(page, "lines", index)
        fill_row(page, "lines", index, {"item_kk": item_kk, "item_ru": item_ru, "unit_kk": unit_kk,
                                        "unit_ru": unit_ru, "quantity": quantity, "unit_cost": cost,
                                        "source_kk": "Нарық бағасы", "source_ru": "Рыночная цена"})
    # The totals follow the typing, and a spare row is added and removed again.
    expect(page.locator("[data-lines-total]")).to_have_text(lot["total"])
    expect(page.locator("[data-lines-status]")).to_have_text("Обоснование сходится с бюджетом.")
    add_row(page, "lines", len(lot["lines"]))
    page.fill(f"[name='lines-{len(lot['lines'])}-quantity']", "1")
    page.fill(f"[name='lines-{len(lot['lines'])}-unit_cost']", "1000")
    expect(page.locator("[data-lines-status]")).to_have_text("Обоснование превышает бюджет на 1\u00a0000\u00a0₸.")
    page.locator("#line-rows tr").last.get_by_role("button").click()
    expect(page.locator("#line-rows tr")).to_have_count(len(lot["lines"]))
    expect(page.locator("[data-lines-status]")).to_have_text("Обоснование сходится с бюджетом.")
    page.click("button[type=submit]:has-text('Сохранить лот')")
    expect(page.locator(".alert-success")).to_contain_text("сохранён")


def test_a_call_manager_builds_and_announces_a_call_that_the_public_reads_in_kk_and_ru(page, sign_in):
    today = timezone.localdate()
    year = FiscalYearFactory(year=today.year)
    customer = CustomerFactory()
    DirectionFactory(direction_list__customer=customer, direction_list__fiscal_year=year, number=1)
    manager = make_user("manager@example.kz", group="call_manager")
    sign_in(page, manager)

    page.goto("/ru/staff/calls/new/")
    page.select_option("[name=customer]", str(customer.pk))
    page.select_option("[name=fiscal_year]", str(year.pk))
    page.fill("[name=number]", "5")
    page.fill("[name=title_kk]", "Азаматтық бастамаларға арналған конкурс")
    page.fill("[name=title_ru]", "Конкурс для гражданских инициатив")
    page.fill("[name=description_kk]", "Конкурс ҮЕҰ-ға арналған.")
    page.fill("[name=description_ru]", "Конкурс для НПО.")
    page.fill("[name=opens_on]", (today - timedelta(days=1)).isoformat())
    page.fill("[name=closes_on]", (today + timedelta(days=20)).isoformat())
    expect(page.locator("[name=closes_time]")).to_have_value("18:30")
    page.click("button[type=submit]:has-text('Сохранить')")
    code = f"{year.year}-05"
    expect(page.locator("h1")).to_contain_text(code)

    for lot in LOTS:
        create_lot(page, lot, year.year)

    expect(page.locator(".publication-problems")).to_have_count(0)
    page.click("button:has-text('Объявить конкурс')")
    expect(page.locator(".alert-success")).to_contain_text("объявлен")
    assert Call.objects.get(code=code).is_open()

    page.goto("/kk/calls/")
    expect(page.get_by_role("link", name="Азаматтық бастамаларға арналған конкурс")).to_be_visible()
    page.goto(f"/kk/calls/{code}/")
    expect(page.locator("h1")).to_have_text("Азаматтық бастамаларға арналған конкурс")
    expect(page.locator(".lots-table")).to_contain_text("Жастар волонтерлік орталығы")
    expect(page.locator(".deadline-text")).to_contain_text("Соңғы мерзім: ")
    expect(page.locator(".deadline-text")).to_contain_text("18:30 (Астана уақыты)")
    page.goto(f"/ru/calls/{code}/")
    expect(page.locator("h1")).to_have_text("Конкурс для гражданских инициатив")
    expect(page.locator(".lots-table")).to_contain_text("Помощь на дому пожилым людям")
    expect(page.locator(".deadline-text")).to_contain_text("18:30 (время Астаны)")
    page.get_by_role("link", name=f"{year.year}-TUR-01").click()
    expect(page.locator(".justification-table tfoot")).to_contain_text("7\u00a0200\u00a0000\u00a0₸")


@pytest.fixture
def published_call():
    call = CallFactory()
    complete_lot(call, f"{call.fiscal_year.year}-ALM-01", region=Region.objects.get(slug="almaty"))
    complete_lot(call, f"{call.fiscal_year.year}-NAT-01", region=None)
    return call


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_calls_list_call_and_lot_pages_pass_axe(page, assert_accessible, published_call, language):
    for path in (
        f"/{language}/calls/",
        f"/{language}/calls/{published_call.code}/",
        f"/{language}/calls/{published_call.code}/lots/{published_call.fiscal_year.year}-ALM-01/",
    ):
        page.goto(path)
        expect(page.locator("main#main")).to_be_visible()
        assert_accessible(page)


def test_the_lot_form_passes_axe(page, sign_in, assert_accessible, published_call):
    published_call.status = "draft"
    published_call.save()
    sign_in(page, make_user("manager@example.kz", group="call_manager"))
    page.goto(f"/kk/staff/calls/{published_call.code}/lots/new/")
    assert_accessible(page)
    page.goto(f"/kk/staff/calls/{published_call.code}/")
    assert_accessible(page)


def test_the_calls_list_fits_a_phone(phone_page, published_call):
    phone_page.goto("/ru/calls/")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
