"""The reminders monitoring declares: a report not submitted is reminded to the NGO's members around its due date
and while late, and stops once submitted; a follow-up until the NGO answers it."""

from datetime import timedelta

import pytest

from monitoring.reminders import follow_ups_due, reports_due
from monitoring.selectors import deadline_of
from monitoring.services import report_submit

from . import factories as f

pytestmark = pytest.mark.django_db


def _window(day):
    moment = deadline_of(day)
    return moment - timedelta(days=1), moment + timedelta(days=1)


def test_a_due_report_is_reminded_to_the_ngos_members_until_it_is_submitted():
    grant = f.running_grant()
    head = f.head_of(grant)
    report = f.report_of(grant)
    [due] = list(reports_due(*_window(report.due_on)))
    assert due.obj == report and head in due.recipients and due.deadline == deadline_of(report.due_on)
    report_submit(report=f.fill(report, head), actor=head)
    assert list(reports_due(*_window(report.due_on))) == []


def test_a_follow_up_is_reminded_until_the_ngo_answers():
    from django.utils import timezone

    from monitoring.choices import FindingResult
    from monitoring.services import checklist_add, follow_up_answer, visit_plan, visit_record
    from tests.world import make_user

    grant = f.running_grant()
    officer = make_user("mon@example.kz", group="monitoring_officer")
    item = checklist_add(actor=officer, text_kk="Тізім", text_ru="Список")
    visit = visit_plan(grant=grant, actor=officer, visit_on=timezone.localdate(), place="Шымкент", team="Оспанов",
                       items=[item])
    due_on = timezone.localdate() + timedelta(days=7)
    visit_record(visit=visit, actor=officer, conclusion="Қорытынды", findings={1: (FindingResult.CONFIRMED, "")},
                 follow_ups=[("Тізім жіберу", due_on)])
    [due] = list(follow_ups_due(*_window(due_on)))
    assert f.head_of(grant) in due.recipients
    follow_up_answer(follow_up=visit.follow_ups.get(), actor=f.head_of(grant), answer="Жіберілді")
    assert list(follow_ups_due(*_window(due_on))) == []
