"""The head enters the bank details and signs the agreement, the operator signs, the finance officer records the
first payment, and the NGO sees the tranche paid, in Kazakh and Russian. Axe checks the new pages."""

from decimal import Decimal

import pytest
from django.utils import timezone

from agreements.banking import make_iban
from tests.agreements import factories as f
from tests.evaluations import factories as ef
from tests.world import make_user

pytestmark = pytest.mark.django_db(transaction=True)


def _as(page, sign_in, user):
    page.context.clear_cookies()
    sign_in(page, user)


def test_bank_details_signatures_and_the_first_payment(page, sign_in, assert_accessible):
    ngo = ef.ngo()
    head = f.head_of(ngo)
    grant = f.awarded_grant(ngo=ngo, budget=Decimal("8000000"))
    signatory = make_user("signatory@example.kz", group="operator_admin", full_name="Ержан Оспанов")
    finance = make_user("finance@example.kz", group="finance_officer", full_name="Светлана Петренко")
    iban = make_iban("722", "S000000000417")

    _as(page, sign_in, head)
    page.goto("/kk/agreements/")
    assert grant.number in page.content()
    assert_accessible(page)
    page.get_by_role("link", name=grant.number).click()
    page.get_by_role("link", name="Банк деректемелерін енгізу").click()
    page.get_by_label("ЖСК (IBAN)").fill("KZ00 0000 0000 0000 0000")
    page.get_by_role("button", name="Банк деректемелерін сақтау").click()
    assert page.locator(".invalid-feedback").first.is_visible()
    assert_accessible(page)
    page.get_by_label("ЖСК (IBAN)").fill(iban)
    page.get_by_label("БСК").fill("CASPKZKA")
    page.get_by_label("Банк").fill("Kaspi Bank")
    page.get_by_role("button", name="Банк деректемелерін сақтау").click()
    page.reload()  # the worker has rendered the PDF after the commit
    assert iban in page.content()
    grant.agreement.refresh_from_db()
    assert grant.agreement.pdf_sha256 in page.content()
    assert_accessible(page)
    page.get_by_label("Шартпен таныстым", exact=False).check()
    page.get_by_role("button", name="Шартқа қол қою").click()
    assert "Оператордың қолтаңбасы күтілуде" in page.content()

    _as(page, sign_in, signatory)
    page.goto("/ru/staff/agreements/")
    assert_accessible(page)
    page.get_by_role("link", name=grant.number).click()
    page.get_by_label("Я ознакомился с договором", exact=False).check()
    page.get_by_role("button", name="Подписать договор").click()
    assert "Подписан обеими сторонами" in page.content()

    _as(page, sign_in, finance)
    page.goto(f"/ru/agreements/{grant.number}/")
    page.get_by_role("link", name="Зарегистрировать платёж").click()
    assert_accessible(page)
    page.get_by_label("Дата платежа").fill(timezone.now().date().isoformat())
    page.get_by_label("Номер платёжного поручения").fill("ПП-000417")
    page.get_by_role("button", name="Зарегистрировать платёж").click()
    assert "Платёж зарегистрирован" in page.content()

    _as(page, sign_in, head)
    page.goto(f"/kk/agreements/{grant.number}/")
    first = page.get_by_role("table", name="Транштар").locator("tbody tr").first
    assert first.locator("td").nth(3).inner_text().strip() == "Төленді"
    assert "ПП-000417" in first.inner_text()
    page.goto(f"/ru/agreements/{grant.number}/")
    first = page.get_by_role("table", name="Транши").locator("tbody tr").first
    assert first.locator("td").nth(3).inner_text().strip() == "Выплачен"
    assert_accessible(page)
