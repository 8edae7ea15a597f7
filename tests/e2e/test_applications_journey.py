"""A member fills a draft section by section with autosave; the head checks, submits and downloads the
receipt; a screening officer screens two applications and publishes the conclusion; axe on every page."""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from grants.applications import services as application_services
from grants.applications.models import Application
from ngos.models import YearlyReport
from tests.grants.applications.factories import (
    PDF_BYTES,
    CallFactory,
    LotFactory,
    LotIndicatorFactory,
    NGOFactory,
    person,
    ready_application,
)
from tests.world import make_user

pytestmark = pytest.mark.django_db(transaction=True)
SAVED = re.compile(r"Saved at \d\d:\d\d:\d\d")


@pytest.fixture(autouse=True)
def eager_tasks():
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


def wait_saved(page):
    expect(page.locator("#autosave-status")).to_have_text(SAVED, timeout=10_000)


def go_to_section(page, label):
    page.get_by_role("navigation", name="Sections").get_by_role("link", name=label, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(label)


def test_a_member_drafts_with_autosave_and_the_head_submits_and_gets_the_receipt(
    page, sign_in, assert_accessible, tmp_path
):
    lot = LotFactory(budget=5_000_000)
    LotIndicatorFactory(lot=lot, name_ru="Обученные волонтёры", name_kk="Оқытылған еріктілер")
    ngo = NGOFactory()
    head = person(ngo, "head", full_name="Нұрлан Әбенов")
    member = person(ngo, "member", full_name="Индира Қасымова")

    sign_in(page, member)
    page.goto(f"/en/applications/new/{lot.code}/")
    assert_accessible(page)
    page.get_by_role("button", name="Start or continue the application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Overview")

    # Overview: typed text is saved without pressing anything, and is there after a reload.
    page.get_by_label("Project title").fill("Еріктілер мектебі")
    page.get_by_label("Summary").fill("Жастарды еріктілікке баулитын мектеп.")
    page.get_by_label("Қазақша").check()
    wait_saved(page)
    assert_accessible(page)
    page.reload()
    expect(page.get_by_label("Project title")).to_have_value("Еріктілер мектебі")

    go_to_section(page, "Problem and goals")
    page.get_by_label("Problem", exact=True).fill("Жастардың белсенділігі төмен.")
    page.get_by_label("Goals and objectives").fill("300 жасты оқыту.")
    wait_saved(page)

    go_to_section(page, "Target groups and beneficiaries")
    page.get_by_label("Target groups").fill("14–29 жастағы жастар.")
    page.get_by_label("Number of beneficiaries").fill("300")
    wait_saved(page)

    go_to_section(page, "Activity plan")
    # The plan starts after applications close and fits the lot's term (grants.applications.plan).
    start = lot.call.closes_at.date() + timedelta(days=60)
    page.fill("[name='rows-0-activity']", "Тренингтер")
    page.fill("[name='rows-0-starts_on']", start.isoformat())
    page.fill("[name='rows-0-ends_on']", (start + timedelta(days=120)).isoformat())
    page.fill("[name='rows-0-outputs']", "20 тренинг")
    page.get_by_role("button", name="Add an activity").click()
    page.fill("[name='rows-1-activity']", "Қорытынды форум")
    page.fill("[name='rows-1-starts_on']", (start + timedelta(days=121)).isoformat())
    page.fill("[name='rows-1-ends_on']", (start + timedelta(days=122)).isoformat())
    # The character count appears while typing and is spoken politely.
    page.fill("[name='rows-1-outputs']", "Форум")
    expect(page.locator("[aria-live='polite']").filter(has_text="characters left").first).to_be_attached()
    wait_saved(page)
    assert_accessible(page)

    go_to_section(page, "Results and indicators")
    page.fill("[name='lot-0-baseline']", "0")
    page.fill("[name='lot-0-target']", "300")
    page.fill("[name='lot-0-verification']", "Тізімдер")
    wait_saved(page)

    for label, field, text in [("Team", "Project team", "Жетекші және екі тренер."),
                               ("Partners", "Partners", "Жастар орталығы."),
                               ("Risks and sustainability", "Risks and how they are managed", "Аз келу.")]:
        go_to_section(page, label)
        page.get_by_label(field).fill(text)
        wait_saved(page)
    page.get_by_label("Sustainability").fill("Клуб жалғасады.")
    wait_saved(page)

    # Budget: totals as you type, before any save; the rules named with their figures after it.
    go_to_section(page, "Budget")
    page.select_option("[name='rows-0-category']", "staff")
    page.fill("[name='rows-0-description']", "Тренерлер")
    page.fill("[name='rows-0-unit']", "ай")
    page.fill("[name='rows-0-quantity']", "10")
    page.fill("[name='rows-0-unit_cost']", "300000")
    expect(page.locator("[data-sum='total']")).to_have_text("3\u00a0000\u00a0000\u00a0₸")
    # Half a tiyn rounds up in the browser as in portal.money: 0.5 × 0.01 = 0.005 → 0.01 ₸.
    page.fill("[name='rows-0-quantity']", "0.5")
    page.fill("[name='rows-0-unit_cost']", "0.01")
    expect(page.locator("[data-sum='total']")).to_have_text("0,01\u00a0₸")
    page.fill("[name='rows-0-quantity']", "10")
    page.fill("[name='rows-0-unit_cost']", "300000")
    expect(page.locator("[data-sum='total']")).to_have_text("3\u00a0000\u00a0000\u00a0₸")
    page.get_by_role("button", name="Add a budget line").click()
    page.select_option("[name='rows-1-category']", "institutional")
    page.fill("[name='rows-1-description']", "Бухгалтерлік бағдарлама")
    page.fill("[name='rows-1-unit']", "лицензия")
    page.fill("[name='rows-1-quantity']", "1")
    page.fill("[name='rows-1-unit_cost']", "400000")
    expect(page.locator("[data-rule='institutional']")).to_have_class(re.compile("text-danger"))
    wait_saved(page)
    expect(page.locator("#budget-rules")).to_contain_text("institutional development ≤ 10 % of the total")
    page.fill("[name='rows-1-unit_cost']", "300000")
    expect(page.locator("[data-rule='institutional']")).to_have_class(re.compile("text-success"))
    wait_saved(page)
    expect(page.locator("#budget-rules")).to_contain_text("meets all three rules")
    assert_accessible(page)

    go_to_section(page, "Documents")
    for kind, name in (("charter", "charter.pdf"), ("financial_statements", "balance.pdf")):
        path = tmp_path / name
        path.write_bytes(PDF_BYTES)
        page.get_by_label("Type of document").select_option(kind)
        page.get_by_label("File", exact=True).set_input_files(str(path))
        page.get_by_role("button", name="Upload").click()
        expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()
    assert_accessible(page)

    go_to_section(page, "Declarations")
    for checkbox in page.get_by_role("checkbox").all():
        checkbox.check()
    wait_saved(page)

    page.get_by_role("link", name="Check my application").first.click()
    expect(page.get_by_text("Everything is in place: the application can be submitted.")).to_be_visible()
    expect(page.get_by_text("Only the head of the NGO submits the application")).to_be_visible()

    # The head checks and submits, then downloads the receipt.
    page.context.clear_cookies()
    sign_in(page, head)
    application = Application.objects.get(lot=lot, ngo=ngo)
    page.goto(f"/en/applications/{application.pk}/check/")
    assert_accessible(page)
    page.get_by_role("link", name="Go to submission").click()
    assert_accessible(page)
    page.get_by_role("button", name="Submit the application").click()
    number = f"{lot.call.code}-0001"
    expect(page.get_by_text(f"Application {number} is submitted.")).to_be_visible()
    assert_accessible(page)
    receipt = page.get_by_role("link", name=f"Receipt {number} (PDF)")
    response = page.request.get(receipt.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert number in text and Application.objects.get(pk=application.pk).submissions.get().snapshot_sha256 in \
        "".join(text.split())


def test_a_screening_officer_screens_and_publishes_the_conclusion(page, sign_in, assert_accessible):
    now = timezone.now()
    call = CallFactory(opens_at=now - timedelta(days=30), closes_at=now + timedelta(hours=1))
    lot = LotFactory(call=call)
    listed, unlisted = NGOFactory(), NGOFactory()
    YearlyReport.objects.create(ngo=listed, year=call.fiscal_year.year - 1, first_submitted_at=now)
    submitted = []
    for ngo in (listed, unlisted):
        head = person(ngo, "head")
        application = ready_application(lot, ngo, title=f"Жоба {ngo.bin}")
        application_services.application_submit(application=application, actor=head, now=now)
        submitted.append(application.pk)
    call.closes_at = now - timedelta(minutes=1)  # the deadline passes
    call.save()
    officer = make_user("officer@example.kz", group="screening_officer", full_name="Ольга Ким")

    sign_in(page, officer)
    page.goto(f"/en/staff/screening/{call.code}/")
    assert_accessible(page)
    first, second = (Application.objects.get(pk=pk) for pk in submitted)

    page.get_by_role("link", name=first.registration_number).click()
    page.get_by_role("button", name="Start screening").click()
    expect(page.get_by_text("Listed in the NGO database for 2025.")).to_be_visible()
    assert_accessible(page)
    page.check("[name='result_documents_valid'][value='pass']")
    page.check("[name='result_activities_within_lot'][value='pass']")
    page.get_by_role("button", name="Save the checks").click()
    expect(page.get_by_text("The checks are saved.")).to_be_visible()
    page.get_by_label("Admitted", exact=True).check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text(f"The decision on {first.registration_number} is recorded.")).to_be_visible()

    page.get_by_role("link", name=second.registration_number).click()
    page.get_by_role("button", name="Start screening").click()
    expect(page.get_by_text("Not listed in the NGO database for 2025.")).to_be_visible()
    page.check("[name='result_documents_valid'][value='pass']")
    page.check("[name='result_activities_within_lot'][value='pass']")
    page.get_by_role("button", name="Save the checks").click()
    page.get_by_label("Not admitted", exact=True).check()
    page.get_by_label("Reason for not admitting (Kazakh)").fill("ҮЕҰ дерекқорында жоқ.")
    page.get_by_label("Reason for not admitting (Russian)").fill("НПО отсутствует в базе данных НПО.")
    page.get_by_role("button", name="Record the decision").click()

    page.get_by_role("link", name="Publish the screening conclusion").click()
    assert_accessible(page)
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"{call.code}-SC")
    # An English page shows official texts in Kazakh first (kk → ru fallback).
    expect(page.get_by_role("table", name="Applications not admitted, with the reasons")).to_contain_text(
        "ҮЕҰ дерекқорында жоқ."
    )
    expect(page.get_by_role("link", name="PDF на русском")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/kk/results/{call.code}/screening/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("қорытынды")
    expect(page.locator("main")).to_contain_text("ҮЕҰ дерекқорында жоқ.")
    page.goto(f"/ru/results/{call.code}/screening/")
    expect(page.locator("main")).to_contain_text("НПО отсутствует в базе данных НПО.")
    page.goto("/ru/results/")
    expect(page.get_by_role("link", name=f"Итоговое заключение № {call.code}-SC")).to_be_visible()
    assert_accessible(page)


def test_a_new_tab_puts_back_text_that_was_never_saved(browser, live_server, sign_in):
    lot = LotFactory()
    ngo = NGOFactory()
    member = person(ngo, "member")
    application = ready_application(lot, ngo)
    context = browser.new_context(base_url=live_server.url)
    first = context.new_page()
    sign_in(first, member)
    url = f"/en/applications/{application.pk}/edit/team/"
    first.goto(url)
    context.set_offline(True)
    first.get_by_label("Project team").fill("Written on a train without a connection.")
    expect(first.locator("#autosave-status")).to_contain_text("no connection", timeout=10_000)
    first.close()
    context.set_offline(False)

    second = context.new_page()
    second.goto(url)
    expect(second.locator("#restore-notice")).to_contain_text("was put back and is being saved")
    expect(second.get_by_label("Project team")).to_have_value("Written on a train without a connection.")
    wait_saved(second)
    assert Application.objects.get(pk=application.pk).team == "Written on a train without a connection."
    context.close()


def test_the_budget_section_fits_a_phone_screen(phone_page, sign_in, live_server):
    lot = LotFactory()
    ngo = NGOFactory()
    member = person(ngo, "member")
    application = ready_application(lot, ngo)
    sign_in(phone_page, member)
    phone_page.goto(f"/en/applications/{application.pk}/edit/budget/")
    overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0  # wide tables scroll inside their own box, the page does not
