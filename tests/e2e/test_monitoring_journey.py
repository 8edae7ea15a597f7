"""The NGO fills its interim report (an indicator with evidence), the head submits it, the monitoring officer
asks for a change, the NGO fixes and resubmits, the officer accepts, and the finance officer sees the second
tranche due. A second visit to a section saves again what the first saved. Axe checks the new pages."""

import re

import pytest
from playwright.sync_api import expect

from agreements.choices import TrancheStatus
from monitoring.choices import ReportStatus
from ngos.choices import MemberRole
from ngos.models import Membership
from tests.monitoring import factories as f
from tests.world import make_user

pytestmark = pytest.mark.django_db(transaction=True)


def _as(page, sign_in, user):
    page.context.clear_cookies()
    sign_in(page, user)


def _saved(page):
    page.wait_for_selector("#autosave-status[data-outcome='saved']")


def test_interim_report_change_requested_fixed_accepted_and_the_tranche_due(page, sign_in, assert_accessible, tmp_path):
    grant = f.running_grant()
    head = f.head_of(grant)
    member = make_user("member@example.kz", full_name="Индира Қасымова")
    Membership.objects.create(ngo=grant.ngo, user=member, role=MemberRole.MEMBER)
    officer = make_user("monitoring@example.kz", group="monitoring_officer", full_name="Данияр Оспанов")
    finance = make_user("finance@example.kz", group="finance_officer", full_name="Светлана Петренко")
    report = f.report_of(grant)
    evidence = tmp_path / "registration-list.pdf"
    evidence.write_bytes(f.PDF)

    # The member writes the narrative; autosave keeps it.
    _as(page, sign_in, member)
    page.goto("/en/reports/")
    assert_accessible(page)
    page.get_by_role("link", name="Interim report").click()
    assert_accessible(page)
    page.get_by_role("link", name="Edit — What was done").click()
    done = "Three trainings for 40 volunteers were held."
    page.get_by_label("What was done in the period").fill(done)
    _saved(page)
    assert_accessible(page)
    # The second visit: the text is there, and saving it again keeps it.
    page.goto(f"/en/reports/{report.pk}/sections/narrative/")
    assert page.get_by_label("What was done in the period").input_value() == done
    page.get_by_role("button", name="Save and go to the next section").click()

    # Indicators with evidence.
    page.get_by_label("Оқытылған волонтерлер: achieved in the period").fill("40")
    page.get_by_label("Оқытылған волонтерлер: achieved in total").fill("40")
    page.get_by_label("Өткізілген тренингтер: achieved in the period").fill("3")
    page.get_by_label("Өткізілген тренингтер: achieved in total").fill("3")
    _saved(page)
    assert_accessible(page)
    page.get_by_label("File for “Оқытылған волонтерлер”").set_input_files(str(evidence))
    page.locator("form.evidence-form").first.get_by_role("button", name="Upload").click()
    assert "The file is added." in page.content()
    assert "registration-list.pdf" in page.content()
    page.get_by_role("button", name="Save and go to the next section").click()

    page.get_by_label("Group 1", exact=True).fill("Volunteers")
    page.get_by_label("Number of people in group 1").fill("40")
    page.get_by_role("button", name="Save and go to the next section").click()
    page.get_by_label("Қатысушыларды іріктеу: done?").select_option("done")
    page.get_by_label("Тренингтер: done?").select_option("partly")
    page.get_by_role("button", name="Save and go to the next section").click()

    # Finance: an overspent line is refused naming it, the figures stay on the page.
    page.get_by_label("Travel: spent in total, tenge").fill("1 500 000")
    page.get_by_label("Travel: spent in the period, tenge").fill("1 500 000")
    # The autosave refuses it: the status line names the line and the figures, nothing typed is lost.
    page.wait_for_selector("#autosave-status[data-outcome='invalid']", timeout=15_000)
    refusal = page.locator("#autosave-status")
    expect(refusal).to_contain_text("Travel: spent")
    expect(refusal).to_contain_text("Request a budget amendment first.")
    assert page.get_by_label("Travel: spent in total, tenge").input_value() == "1 500 000"
    assert_accessible(page)
    page.get_by_label("Travel: spent in total, tenge").fill("900 000")
    page.get_by_label("Travel: spent in the period, tenge").fill("900 000")
    page.get_by_label("Services: spent in total, tenge").fill("3 000 000")
    page.get_by_label("Services: spent in the period, tenge").fill("3 000 000")
    page.get_by_role("button", name="Save", exact=True).click()
    # The finance page already shows the previous section's "saved" notice; the save is done once the
    # report page opens (the form waits for an autosave in flight before it is sent).
    expect(page).to_have_url(re.compile(rf"/en/reports/{report.pk}/$"), timeout=15_000)
    expect(page.locator(".alert-success, .alert-danger").first).to_contain_text("The section is saved.")
    # A member cannot submit: only the head.
    assert page.get_by_role("button", name="Submit the report").count() == 0

    _as(page, sign_in, head)
    page.goto(f"/en/reports/{report.pk}/")
    page.get_by_role("button", name="Submit the report").click()
    assert "The report is submitted." in page.content()
    page.reload()
    assert page.get_by_role("link", name="Receipt (PDF)").count() == 1

    # The monitoring officer asks for a change in the indicators.
    _as(page, sign_in, officer)
    page.goto("/en/staff/monitoring/reports/?status=submitted")
    assert_accessible(page)
    page.get_by_role("link", name="Interim report").click()
    page.get_by_role("link", name="Review the report").click()
    assert_accessible(page)
    page.get_by_label("Request changes").check()
    page.get_by_label("Comment on “Indicators and evidence”").fill("Add the photos of the trainings.")
    page.get_by_role("button", name="Record the decision").click()
    assert "Changes are requested" in page.content()

    # The NGO sees the comment beside the indicators, fixes and the head resubmits.
    _as(page, sign_in, head)
    page.goto(f"/en/reports/{report.pk}/sections/indicators/")
    assert "Add the photos of the trainings." in page.content()
    page.get_by_label("Өткізілген тренингтер: achieved in total").fill("4")
    _saved(page)
    page.goto(f"/en/reports/{report.pk}/")
    page.get_by_role("button", name="Submit the report").click()
    assert "The report is submitted." in page.content()
    assert "Round 2" in page.content()
    # On a phone, in Kazakh: the report with its two rounds (looked at by eye; kept in the temporary folder).
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/kk/reports/{report.pk}/")
    assert_accessible(page)
    page.screenshot(path=str(tmp_path / "report-kk-390.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})

    _as(page, sign_in, officer)
    page.goto(f"/en/reports/{report.pk}/review/")
    page.get_by_label("Accept the report").check()
    page.get_by_role("button", name="Record the decision").click()
    assert "The report is accepted." in page.content()
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED

    # The finance officer sees the second tranche due.
    _as(page, sign_in, finance)
    page.goto(f"/ru/agreements/{grant.number}/")
    assert grant.tranches.get(position=2).status == TrancheStatus.DUE
    second = page.get_by_role("table", name="Транши").locator("tbody tr").nth(1)
    assert "К выплате" in second.inner_text()
