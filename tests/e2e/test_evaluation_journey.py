"""An expert declares no conflict, scores and submits; the chair holds the meeting; the minutes appear on the
public results page in Kazakh and Russian. Axe checks the scoring page."""

import re

import pytest
from django.utils import timezone

from evaluations.choices import MemberRole
from evaluations.models import Assignment, Meeting
from evaluations.services.assignments import assignment_declare, panel_assign
from evaluations.services.scoring import assignment_submit, scores_save
from evaluations.tasks import render_minutes
from tests.evaluations import factories as f

pytestmark = pytest.mark.django_db(transaction=True)


def test_from_scoring_to_published_minutes(page, sign_in, assert_accessible):
    call = f.call()
    lot = f.lot(call)
    f.rubric(call)
    panel, _, manager = f.drawn_panel(call, reserves=0, experts=3)
    application = f.admitted_application(lot, title="Жастар еріктілері мектебі")
    panel_assign(panel=panel, actor=manager)
    seats = list(panel.members.select_related("expert__user").order_by("draw_position"))
    chair = next(s for s in seats if s.role == MemberRole.CHAIR).expert.user
    scorer = next(s for s in seats if s.role == MemberRole.MEMBER).expert.user
    # The two other members have already scored.
    for assignment in Assignment.objects.filter(panel=panel).exclude(expert__user=scorer):
        assignment_declare(assignment=assignment, actor=assignment.expert.user, has_conflict=False)
        criteria = list(call.rubric.criteria.order_by("position"))
        scores_save(assignment=assignment, actor=assignment.expert.user,
                    values={c.pk: (8, "Жақсы") for c in criteria})
        assignment_submit(assignment=assignment, actor=assignment.expert.user)

    sign_in(page, scorer)
    page.goto("/ru/expert/")
    page.get_by_role("link", name=re.compile("Декларировать")).click()
    page.get_by_label("У меня нет конфликта интересов в отношении этой заявки").check()
    page.get_by_role("button", name="Отправить декларацию").click()
    page.wait_for_url(re.compile(r"/ru/expert/assignments/\d+/$"))
    assert page.get_by_role("heading", name=re.compile("Жастар еріктілері мектебі")).is_visible()
    assert_accessible(page)
    inputs = page.locator("input.score-input")
    for index in range(inputs.count()):
        inputs.nth(index).fill("7")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Отправить", exact=True).click()
    page.wait_for_url("**/ru/expert/")
    assert page.get_by_text("Отправлено: 1 / 1").is_visible()

    page.context.clear_cookies()
    sign_in(page, chair)
    page.goto(f"/ru/evaluation/commissions/{panel.pk}/meeting/")
    page.get_by_label("Дата и время (время Астаны)").fill(timezone.localtime().strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Место").fill("Астана, Мәңгілік Ел, 8")
    page.get_by_role("button", name="Открыть заседание").click()
    assert page.get_by_text("Кворум есть.").is_visible()
    page.get_by_role("button", name="Подтвердить рекомендацию").click()
    assert page.get_by_text("Комиссия подтвердила рекомендацию.").is_visible()
    page.get_by_role("button", name="Закрыть заседание").click()
    render_minutes(Meeting.objects.get(panel=panel).pk)  # what the Celery worker does after the close
    page.reload()
    page.get_by_role("button", name="Опубликовать протокол").click()
    assert page.get_by_text(re.compile("Опубликовано")).is_visible()

    page.context.clear_cookies()
    for language, title in (("kk", "Сараптамалық комиссия отырысының хаттамасы"),
                            ("ru", "Протокол заседания экспертной комиссии")):
        page.goto(f"/{language}/results/")
        link = page.get_by_role("link", name=re.compile(title))
        assert link.is_visible()
        response = page.request.get(link.get_attribute("href"))
        assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    application.refresh_from_db()
    assert application.status == "winner"
