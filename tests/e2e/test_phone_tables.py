"""The application's row tables on a phone (390 px): every amount and every remove box is on screen,
each with its label, without scrolling sideways; wider read-only tables show that they scroll."""

import pytest
from playwright.sync_api import expect

from tests.grants.applications.factories import LotFactory, NGOFactory, person, ready_application

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, live_server, media_root):
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, viewport=PHONE, is_mobile=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def draft(db):
    ngo = NGOFactory()
    head = person(ngo, "head", full_name="Нұрлан Әбенов")
    return ready_application(LotFactory(), ngo, user=head), head


def fully_on_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


@pytest.mark.parametrize(
    ("section", "must_show"),
    [("budget", ["[data-line-amount]", "input[name$='-DELETE']", "input[name$='-unit_cost']"]),
     ("activities", ["input[name$='-ends_on']", "input[name$='-DELETE']", "textarea[name$='-outputs']"])],
)
def test_on_a_phone_a_row_table_stacks_its_cells_with_their_labels(
    phone, sign_in, assert_accessible, draft, section, must_show, tmp_path
):
    application, head = draft
    sign_in(phone, head)
    phone.goto(f"/kk/applications/{application.pk}/edit/{section}/")

    phone.screenshot(path=str(tmp_path / f"{section}-390.png"), full_page=True)
    row = phone.locator("[data-row-container] tr").first
    for selector in must_show:
        control = row.locator(selector).first
        expect(control).to_be_visible()
        assert fully_on_screen(control), f"{selector} is off the screen: {control.bounding_box()}"
    expect(row.locator("label[for$='-DELETE']")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    if section == "budget":
        amount = row.locator("[data-line-amount]")
        header = phone.locator(".budget-table thead th").nth(6).inner_text()
        assert amount.evaluate("cell => getComputedStyle(cell, '::before').content") == f'"{header}"'
        expect(amount).to_have_text("4\u00a0000\u00a0000\u00a0₸")
    assert_accessible(phone)


def test_a_wide_read_only_table_on_a_phone_shows_it_scrolls(phone, sign_in, draft, tmp_path):
    application, head = draft
    sign_in(phone, head)
    phone.goto(f"/kk/applications/{application.pk}/")

    phone.screenshot(path=str(tmp_path / "detail-390.png"), full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    wrapper = phone.locator("section[aria-labelledby='c-budget'] .table-responsive")
    assert wrapper.evaluate("box => box.scrollWidth > box.clientWidth")
    expect(wrapper).to_have_attribute("tabindex", "0")  # reachable by keyboard to scroll
    cue = wrapper.evaluate("box => getComputedStyle(box).backgroundImage")
    assert "gradient" in cue, cue
