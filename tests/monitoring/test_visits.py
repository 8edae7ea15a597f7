"""Monitoring visits and the evaluation of efficiency: a "not confirmed" finding against an indicator a report
says was achieved is flagged; follow-ups are answered by the NGO; the visit report exists in kk and ru; the
efficiency is scored after the final report, 25 at most, public once the operator publishes."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements.services import payment_record
from monitoring import selectors
from monitoring.choices import FindingResult, ReportKind
from monitoring.services import (
    checklist_add,
    efficiency_publish,
    efficiency_render,
    efficiency_score,
    follow_up_answer,
    report_review,
    report_submit,
    visit_plan,
    visit_record,
    visit_render,
)
from tests.agreements.factories import refused
from tests.world import make_user

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return make_user("monitoring@example.kz", group="monitoring_officer")


def _visit(grant, officer, *, on=None):
    items = [checklist_add(actor=officer, text_kk="Волонтерлер тізімі", text_ru="Список волонтёров"),
             checklist_add(actor=officer, text_kk="Тренинг залы", text_ru="Зал для тренингов")]
    return visit_plan(grant=grant, actor=officer, visit_on=on or timezone.localdate(), place="Шымкент",
                      team="Д. Оспанов", items=items, indicators={items[0].pk: 0})


def test_a_not_confirmed_finding_against_an_indicator_reported_achieved_is_flagged(officer):
    grant = f.running_grant()
    head = f.head_of(grant)
    report = f.fill(f.report_of(grant), head, achieved="100")
    report_submit(report=report, actor=head)
    visit = _visit(grant, officer)
    assert selectors.gaps(grant) == []
    visit_record(visit=visit, actor=officer, conclusion="Ішінара расталды",
                 findings={1: (FindingResult.NOT_CONFIRMED, "Тізімде 60 адам ғана"), 2: (FindingResult.CONFIRMED, "")},
                 follow_ups=[("Толық тізімді жіберу", timezone.localdate() + timedelta(days=10))])
    [gap] = selectors.gaps(grant)
    assert gap.indicator == 0 and gap.indicator_name == "Оқытылған волонтерлер"


def test_a_finding_not_confirmed_needs_a_note_and_a_follow_up_a_later_due_date(officer):
    grant = f.running_grant()
    visit = _visit(grant, officer)
    with refused(field="note_1"):
        visit_record(visit=visit, actor=officer, conclusion="Қорытынды", follow_ups=[],
                     findings={1: (FindingResult.NOT_CONFIRMED, ""), 2: (FindingResult.CONFIRMED, "")})
    with refused(field="follow_ups"):
        visit_record(visit=visit, actor=officer, conclusion="Қорытынды", follow_ups=[("Әрекет", visit.visit_on)],
                     findings={1: (FindingResult.CONFIRMED, ""), 2: (FindingResult.CONFIRMED, "")})


def test_the_ngo_answers_a_follow_up_and_the_visit_report_is_in_kazakh_and_russian(officer):
    grant = f.running_grant()
    visit = _visit(grant, officer)
    visit_record(visit=visit, actor=officer, conclusion="Расталды",
                 findings={1: (FindingResult.PARTLY, "Жартылай"), 2: (FindingResult.CONFIRMED, "")},
                 follow_ups=[("Тізімді жіберу", timezone.localdate() + timedelta(days=5))])
    action = visit.follow_ups.get()
    follow_up_answer(follow_up=action, actor=f.head_of(grant), answer="Жіберілді")
    with refused("answered"):
        follow_up_answer(follow_up=action, actor=f.head_of(grant), answer="Тағы")
    visit_render(visit_pk=visit.pk)
    visit.refresh_from_db()
    assert visit.report_pdf_kk.read().startswith(b"%PDF") and visit.report_pdf_ru.read().startswith(b"%PDF")


def _completed(grant, officer):
    head = f.head_of(grant)
    first = grant.tranches.get(position=1)
    payment_record(tranche=first, actor=make_user("fin@example.kz", group="finance_officer"),
                   paid_on=timezone.localdate(), amount=first.amount, order_number="ПП-1")
    report = f.fill(f.report_of(grant, ReportKind.FINAL), head, achieved="100")
    report_submit(report=report, actor=head)
    report_review(report=report, actor=officer, accept=True)
    grant.refresh_from_db()
    return grant


SCORES = {"relevance": 5, "plan": 4, "results": 4, "continuation": 3, "impact": 4}
COMMENTS = {code: "Негіздеме" for code in SCORES}


def test_efficiency_is_scored_after_the_final_report_and_public_once_published(officer, client):
    grant = f.running_grant()
    with refused("not_final"):
        efficiency_score(grant=grant, actor=officer, side="operator", scores=SCORES, comments=COMMENTS)
    grant = _completed(grant, officer)
    with refused(field="score_plan"):
        efficiency_score(grant=grant, actor=officer, side="operator", scores={**SCORES, "plan": 6},
                         comments=COMMENTS)
    evaluation = efficiency_score(grant=grant, actor=officer, side="operator", scores=SCORES, comments=COMMENTS)
    assert evaluation.total == 20
    assert selectors.published_evaluation(grant) is None
    efficiency_publish(grant=grant, actor=officer)
    published = selectors.published_evaluation(grant)
    assert published["sides"][0]["total"] == 20 and published["maximum"] == 25
    assert published["achievement"] == 100
    evaluation = efficiency_render(grant_pk=grant.pk)
    assert evaluation.pdf_kk.read().startswith(b"%PDF") and evaluation.pdf_ru.read().startswith(b"%PDF")
    with refused("published"):
        efficiency_score(grant=grant, actor=officer, side="operator", scores=SCORES, comments=COMMENTS)


def test_the_customer_evaluates_only_its_own_calls_grants(officer, client):
    grant = _completed(f.running_grant(), officer)
    other = f.running_grant()
    customer = make_user("customer@example.kz", group="customer")
    grant.call.customer.representatives.add(customer)
    assert customer.has_perm("monitoring.evaluate_as_customer", grant)
    assert not customer.has_perm("monitoring.evaluate_as_customer", other)
    client.force_login(customer)
    assert client.get(reverse("monitoring:efficiency", kwargs={"number": grant.number})).status_code == 200
    assert client.get(reverse("monitoring:efficiency", kwargs={"number": other.number})).status_code == 404


def test_the_public_reads_the_accepted_reports_indicators(officer):
    grant = _completed(f.running_grant(), officer)
    rows = selectors.public_indicators(grant)
    assert [(r["name"], r["achieved"], r["share"]) for r in rows] == [
        ("Оқытылған волонтерлер", "100", 100), ("Өткізілген тренингтер", "100", 100)]
