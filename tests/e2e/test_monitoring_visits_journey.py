"""The monitoring officer keeps the checklist, plans a visit, records a finding "not confirmed" against an
indicator the report says was achieved and a follow-up; the grant's pages flag the gap; the NGO answers the
follow-up. After the final report, the customer and the officer score the efficiency and the officer publishes.
Axe checks each page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from agreements.services import payment_record
from monitoring.choices import ReportKind
from monitoring.models import EfficiencyEvaluation, FollowUp
from monitoring.services import report_review, report_submit
from tests.monitoring import factories as f
from tests.world import make_user

pytestmark = pytest.mark.django_db(transaction=True)


def _as(page, sign_in, user):
    page.context.clear_cookies()
    sign_in(page, user)


def test_a_visit_flags_the_gap_the_ngo_answers_and_the_efficiency_is_published(page, sign_in, assert_accessible):
    grant = f.running_grant()
    head = f.head_of(grant)
    officer = make_user("monitoring@example.kz", group="monitoring_officer", full_name="Данияр Оспанов")
    customer = make_user("customer@example.kz", group="customer", full_name="Наталья Волкова")
    grant.call.customer.representatives.add(customer)
    interim = f.fill(f.report_of(grant), head, achieved="100")
    report_submit(report=interim, actor=head)

    _as(page, sign_in, officer)
    page.goto("/en/staff/monitoring/checklist/")
    page.get_by_label("What is checked (Kazakh)").fill("Волонтерлердің тіркеу парақтары")
    page.get_by_label("What is checked (Russian)").fill("Листы регистрации волонтёров")
    page.get_by_role("button", name="Add", exact=True).click()
    assert "The item is added to the checklist." in page.content()
    assert_accessible(page)
    page.goto(f"/en/agreements/{grant.number}/monitoring/")
    assert_accessible(page)
    page.get_by_role("link", name="Plan a visit").click()
    page.get_by_label("Date of the visit").fill(timezone.localdate().isoformat())
    page.get_by_label("Place").fill("Shymkent, Turan district")
    page.get_by_label("Who goes").fill("D. Ospanov")
    page.get_by_label("Листы регистрации волонтёров", exact=True).check()
    page.get_by_label("Indicator it checks: Листы регистрации волонтёров").select_option(label="Оқытылған волонтерлер")
    assert_accessible(page)
    page.get_by_role("button", name="Plan the visit").click()
    assert "The visit is planned." in page.content()
    page.get_by_role("link", name="Record the findings").click()
    page.get_by_label("Not confirmed").check()
    page.get_by_label("Overall conclusion").fill("The number of volunteers trained is not confirmed.")
    page.get_by_role("button", name="Record the findings").click()
    assert "Say what was not confirmed." in page.content()  # refused, what was typed kept
    assert page.get_by_label("Not confirmed").is_checked()
    assert_accessible(page)
    assert page.get_by_label("Overall conclusion").input_value().startswith("The number")
    page.get_by_label("Note").fill("41 people on the lists, 100 in the report.")
    page.get_by_label("Follow-up action 1").fill("Send the registration lists of every training")
    page.get_by_label("Due on (action 1)").fill((timezone.localdate() + timedelta(days=10)).isoformat())
    page.get_by_role("button", name="Record the findings").click()
    assert "The findings are recorded." in page.content()
    assert_accessible(page)
    page.goto(f"/en/agreements/{grant.number}/")
    assert page.get_by_role("alert").filter(has_text="A visit did not confirm").count() == 1

    _as(page, sign_in, head)
    page.goto(f"/kk/agreements/{grant.number}/monitoring/")
    assert_accessible(page)
    page.goto(f"/en/agreements/{grant.number}/monitoring/")
    page.get_by_role("link", name=timezone.localdate().strftime("%d.%m.%Y"), exact=False).click()
    page.get_by_label("What the NGO did").fill("The lists are sent by e-mail.")
    page.get_by_role("button", name="Send the answer").click()
    assert "The answer is sent." in page.content()
    assert FollowUp.objects.filter(answered_at__isnull=False).count() == 1

    # The final report accepted, the grant completed: the customer and the operator score, the operator publishes.
    first = grant.tranches.get(position=1)
    payment_record(tranche=first, actor=make_user("fin@example.kz", group="finance_officer"),
                   paid_on=timezone.localdate(), amount=first.amount, order_number="ПП-1")
    final = f.fill(f.report_of(grant, ReportKind.FINAL), head, achieved="100")
    report_submit(report=final, actor=head)
    report_review(report=final, actor=officer, accept=True)
    for user, score in ((customer, "4"), (officer, "5")):
        _as(page, sign_in, user)
        page.goto(f"/ru/agreements/{grant.number}/monitoring/efficiency/")
        assert_accessible(page)
        for label in ("Актуальность", "Выполнение плана", "Достигнутые результаты", "Вероятность продолжения работы",
                      "Долгосрочный социальный эффект"):
            page.get_by_label(f"{label}: балл от 0 до 5").fill(score)
            page.get_by_label(f"{label}: комментарий").fill("Обоснование оценки.")
        page.get_by_role("button", name="Сохранить оценки").click()
        assert "Оценки сохранены." in page.content()
    page.get_by_role("button", name="Опубликовать оценку").click()
    assert "Оценка эффективности опубликована" in page.content()
    assert "25 из 25" in page.content() and "20 из 25" in page.content()
    assert_accessible(page)
    assert EfficiencyEvaluation.objects.filter(published_at__isnull=False).count() == 2
