"""A visitor's account journey in a real browser: language, registration, e-mail confirmation,
sign-in and sign-out; the account pages under axe; the menu on a phone."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from portal.models import User
from tests.world import make_user

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "Steppe-Eagle-2027"


def test_a_visitor_registers_confirms_the_email_and_signs_in_and_out_in_russian(page):
    page.goto("/kk/")
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page.get_by_role("button", name="KK — Қазақша")).to_have_attribute("aria-current", "true")

    page.get_by_role("button", name="RU — Русский").click()
    expect(page).to_have_url(re.compile(r"/ru/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")

    page.locator("#main-nav a[href^='/accounts/signup/']").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Регистрация")
    page.get_by_label("Адрес электронной почты").fill("gulnar@example.kz")
    page.get_by_role("textbox", name="Пароль", exact=True).fill(PASSWORD)
    page.get_by_label("Пароль (ещё раз)").fill(PASSWORD)
    page.get_by_role("button", name="Зарегистрироваться").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Подтвердите адрес электронной почты")

    assert User.objects.get(email="gulnar@example.kz").language == "ru"
    [letter] = mail.outbox
    assert letter.to == ["gulnar@example.kz"]
    assert letter.subject == "Demeu — Подтвердите адрес электронной почты"
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", letter.body).group(0)

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Подтвердите адрес электронной почты")
    page.get_by_role("button", name="Подтвердить").click()
    expect(page.get_by_role("status")).to_contain_text("Адрес gulnar@example.kz подтверждён.")

    expect(page.get_by_role("heading", level=1)).to_have_text("Войти")
    page.get_by_label("Адрес электронной почты").fill("gulnar@example.kz")
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    expect(page).to_have_url(re.compile(r"/ru/dashboard/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")

    page.locator("header .dropdown-toggle").click()
    page.locator("header form[action='/accounts/logout/'] button").click()
    expect(page.get_by_role("status")).to_contain_text("Вы вышли.")
    expect(page.locator("#main-nav a[href^='/accounts/login/']")).to_be_visible()


def test_a_newcomer_asks_for_the_link_again_corrects_the_address_and_confirms_it(page, assert_accessible):
    page.goto("/kk/")
    page.locator("#main-nav a[href^='/accounts/signup/']").click()
    page.get_by_label("Электрондық пошта").fill("aigerim@exmaple.kz")  # a typo in the domain
    page.get_by_role("textbox", name="Құпиясөз", exact=True).fill(PASSWORD)
    page.get_by_label("Құпиясөз (қайталап енгізіңіз)").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Электрондық пошта мекенжайыңызды растаңыз")

    page.get_by_role("link", name="Сілтемені қайта жіберу немесе мекенжайды түзету").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Растау сілтемесі келмеді ме?")
    expect(page.locator("main")).to_contain_text("aigerim@exmaple.kz")
    assert_accessible(page)
    page.get_by_role("button", name="Сілтемені қайта жіберу", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("aigerim@exmaple.kz")
    assert [letter.to for letter in mail.outbox] == [["aigerim@exmaple.kz"], ["aigerim@exmaple.kz"]]

    page.get_by_role("link", name="Сілтемені қайта жіберу немесе мекенжайды түзету").click()
    page.get_by_label("Дұрыс электрондық пошта мекенжайы").fill("aigerim@example.kz")
    page.get_by_role("button", name="Сілтемені осы мекенжайға жіберу").click()
    expect(page.get_by_role("status")).to_contain_text("aigerim@example.kz")

    letter = mail.outbox[-1]
    assert letter.to == ["aigerim@example.kz"]
    page.goto(re.search(r"https?://\S+/accounts/confirm-email/\S+/", letter.body).group(0))
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("status")).to_contain_text("aigerim@example.kz")
    page.get_by_label("Электрондық пошта").fill("aigerim@example.kz")
    page.get_by_label("Құпиясөз").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/kk/dashboard/$"))


def test_the_kazakh_home_page_leads_to_a_kazakh_sign_in_page(page):
    page.goto("/kk/")

    page.locator("#main-nav a[href^='/accounts/login/']").click()

    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page.get_by_role("heading", level=1)).to_have_text("Кіру")
    expect(page.get_by_label("Электрондық пошта")).to_be_visible()
    expect(page.get_by_label("Құпиясөз")).to_be_visible()


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"])
def test_account_pages_pass_axe_before_and_after_a_refused_submit(page, assert_accessible, path):
    page.goto(path)
    assert_accessible(page)

    page.locator("main form button[type=submit]").first.click()
    expect(page.locator("main .invalid-feedback, main .alert-danger").first).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize(
    "path", ["/accounts/email/", "/accounts/password/change/", "/accounts/2fa/", "/accounts/2fa/totp/activate/"]
)
def test_signed_in_account_pages_pass_axe(page, sign_in, assert_accessible, path):
    sign_in(page, make_user("saule@example.kz"))
    page.goto("/kk/")
    page.goto(path)
    if "/reauthenticate/" in page.url:  # allauth asks for the password before authenticators change
        page.get_by_label("Құпиясөз").fill("correct horse battery")
        page.get_by_role("button", name="Растау").click()
        expect(page).to_have_url(re.compile(re.escape(path) + "$"))
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/kk/", "/accounts/login/"])
def test_on_a_phone_the_menu_opens_with_the_toggler(phone_page, path):
    phone_page.goto(path)
    toggler = phone_page.locator("header .navbar-toggler")
    sign_in_link = phone_page.locator("#main-nav a[href^='/accounts/login/']")
    expect(toggler).to_be_visible()
    expect(sign_in_link).to_be_hidden()

    toggler.click()

    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(sign_in_link).to_be_visible()


@pytest.fixture
def csp_page(browser, live_server, media_root):
    """A page that keeps the portal's Content-Security-Policy, recording what it refuses."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.csp_refusals = []
    page.on("console", lambda message: "Content Security Policy" in message.text and page.csp_refusals.append(
        message.text))
    yield page
    context.close()


def test_the_totp_qr_code_shows_under_the_portal_csp(csp_page, sign_in):
    user = make_user("manager@example.kz", group="call_manager", mfa=False)
    sign_in(csp_page, user)
    csp_page.goto("/kk/")  # /accounts/ pages speak the language of the last /<lang>/ page
    csp_page.goto("/accounts/2fa/totp/activate/")
    expect(csp_page.get_by_role("heading", level=1)).to_have_text("Кіруді растау")
    csp_page.get_by_label("Құпиясөз").fill("correct horse battery")
    csp_page.get_by_role("button", name="Растау").click()

    expect(csp_page.get_by_role("heading", level=1)).to_have_text("Аутентификатор қолданбасын іске қосу")
    qr_code = csp_page.get_by_role("img", name="Аутентификатор қолданбасымен сканерлеуге арналған QR код")
    expect(qr_code).to_be_visible()
    assert qr_code.evaluate("img => img.complete && img.naturalWidth > 0")
    assert csp_page.get_by_label("Аутентификатордың құпия кілті").input_value()
    assert not csp_page.csp_refusals
