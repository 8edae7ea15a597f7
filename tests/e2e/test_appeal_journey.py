"""A not funded applicant's head files an appeal (a too short reason first: refused, the text kept), a second
visit finds it filed; the appeals commission upholds it, a reserve expert's new sheet comes in, the commission
records the final decision; the applicant reads the outcome and its letter in Kazakh and in Russian."""

import pytest

from appeals.models import Appeal
from evaluations.choices import AssignmentStatus
from evaluations.models import Assignment
from tests.appeals.factories import not_funded
from tests.world import make_user

pytestmark = pytest.mark.django_db(transaction=True)
REASON = ("Бір сарапшының бағасы қалғандарынан 30 балдан астам ерекшеленеді, бірақ комиссия отырысында бұл "
          "айырмашылық талқыланбаған.")


def _as(page, sign_in, user):
    page.context.clear_cookies()
    sign_in(page, user)


def test_a_not_funded_applicant_appeals_and_reads_the_outcome_in_kazakh_and_russian(
        page, sign_in, assert_accessible, media_root):
    application, head, _panel = not_funded(language="kk")
    admin = make_user("appeals-chair@example.kz", group="operator_admin", full_name="Ержан Оспанов", language="ru")

    _as(page, sign_in, head)
    page.goto("/kk/appeals/")
    assert application.registration_number in page.content()
    assert_accessible(page)
    page.get_by_role("link", name="Шағым беру").click()
    page.get_by_label("Шағымның негіздемесі").fill("Қысқа")
    page.get_by_role("button", name="Шағымды беру").click()
    assert "кемінде 20 таңба" in page.content()
    assert page.get_by_label("Шағымның негіздемесі").input_value() == "Қысқа"
    assert_accessible(page)
    page.get_by_label("Шағымның негіздемесі").fill(REASON)
    page.get_by_role("button", name="Шағымды беру").click()
    assert "Шағым берілді" in page.content() and "Қаралуда" in page.content()
    appeal = Appeal.objects.get()
    assert_accessible(page)
    # A second visit to the form finds the appeal filed: one appeal per decision.
    page.goto(f"/kk/appeals/new/{application.pk}/")
    assert page.url.endswith(f"/kk/appeals/{appeal.pk}/") and "Бұл шешімге шағым бұрын берілген" in page.content()

    _as(page, sign_in, admin)
    page.goto("/ru/staff/appeals/")
    assert_accessible(page)
    page.get_by_role("link", name=appeal.number).click()
    page.get_by_label("Рассмотренный процедурный вопрос").fill("Обсуждала ли комиссия расхождение оценок?")
    page.get_by_label("Ответ комиссии").fill("В протоколе обсуждение расхождения не отражено.")
    page.get_by_label("Удовлетворить апелляцию").check()
    page.get_by_role("button", name="Внести решение").click()
    assert page.locator(".invalid-feedback").first.is_visible()  # the rationale was left empty: nothing lost
    assert page.get_by_label("Ответ комиссии").input_value().startswith("В протоколе")
    page.get_by_label("Обоснование").fill("Заявку повторно оценит резервный эксперт.")
    page.get_by_role("button", name="Внести решение").click()
    assert "Удовлетворена: повторная оценка резервным экспертом" in page.content()
    assert_accessible(page)
    Assignment.objects.filter(pk=Appeal.objects.get().reevaluation_id).update(status=AssignmentStatus.SUBMITTED)
    page.reload()
    page.get_by_label("Повторная оценка меняет решение", exact=False).check()
    page.get_by_label("Обоснование").fill("Новая оценка выше порога: заявка включается в резервный список.")
    page.get_by_role("button", name="Зафиксировать окончательное решение").click()
    assert "Окончательное решение по апелляции" in page.content()

    _as(page, sign_in, head)
    page.goto(f"/kk/appeals/{appeal.pk}/")
    assert "Қанағаттандырылды" in page.content()
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 900})
    page.screenshot(path="/tmp/appeal-kk-390.png", full_page=True)
    letter = page.request.get(page.get_by_role("link", name="PDF қазақша").get_attribute("href"))
    assert letter.ok and letter.body().startswith(b"%PDF")
    page.goto(f"/ru/appeals/{appeal.pk}/")
    assert "Удовлетворена" in page.content() and "Решение апелляционной комиссии" in page.content()
    assert page.get_by_role("link", name="PDF на русском").is_visible()
    page.screenshot(path="/tmp/appeal-ru-390.png", full_page=True)
