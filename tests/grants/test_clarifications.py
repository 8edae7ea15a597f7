"""Clarification questions: asked privately while a call is open, answered and published in kk and ru,
flagged to staff after 3 working days without an answer."""

from datetime import date, datetime, time

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from grants.choices import CalendarDayKind, ClarificationStatus
from grants.models import CalendarDay, Clarification
from grants.selectors import flag_overdue
from grants.services import clarifications as clarification_services
from ngos.models import NGO, Membership
from portal.formatting import ASTANA
from portal.models import Region
from tests.world import make_user

from .factories import CallFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ngo():
    return NGO.objects.create(
        bin="940140000385", name_kk="«Болашақ» ҚБ", name_ru="ОО «Болашак»", legal_form="public_association",
        region=Region.objects.get(slug="almaty"),
    )


@pytest.fixture
def member(ngo):
    user = make_user("member@example.kz", language="ru")
    Membership.objects.create(ngo=ngo, user=user, role="member")
    return user


@pytest.fixture
def manager():
    return make_user("manager@example.kz", group="call_manager")


@pytest.fixture
def call():
    return CallFactory()


def ask(member, call, ngo, **kwargs):
    return clarification_services.clarification_ask(
        actor=member, call=call, ngo=ngo, question="Кепілдік хат қандай нысанда?", language="kk", **kwargs
    )


def test_an_ngo_member_asks_while_the_call_is_open(member, call, ngo):
    clarification = ask(member, call, ngo)
    assert (clarification.status, clarification.ngo, clarification.asked_by) == ("pending", ngo, member)


def test_a_question_after_the_deadline_is_refused(member, call, ngo):
    with pytest.raises(ValidationError, match="only while the call is open"):
        ask(member, call, ngo, now=call.closes_at)


def test_a_question_on_behalf_of_someone_elses_ngo_is_refused(call, ngo):
    outsider = make_user("outsider@example.kz")
    with pytest.raises(ValidationError) as refusal:
        ask(outsider, call, ngo)
    assert "ngo" in refusal.value.message_dict


def test_a_published_answer_shows_on_the_call_page_in_both_languages(member, call, ngo, manager, client):
    clarification = ask(member, call, ngo)
    page = reverse("calls:detail", kwargs={"call": call.code})
    assert "Кепілдік хат" not in client.get(page).content.decode()  # private until published

    clarification_services.clarification_answer(
        actor=manager, clarification=clarification, question_kk="Кепілдік хат қандай нысанда?",
        question_ru="В какой форме письмо поддержки?", answer_kk="Еркін нысанда.", answer_ru="В произвольной форме.",
        publish=True,
    )

    html = client.get(page).content.decode()
    assert "Кепілдік хат қандай нысанда?" in html and "Еркін нысанда." in html
    assert "В какой форме письмо поддержки?" in html and "В произвольной форме." in html
    assert ngo.name_ru not in html  # the asker's NGO is not named


def test_the_asker_is_told_by_email_when_answered(member, call, ngo, manager, django_capture_on_commit_callbacks):
    clarification = ask(member, call, ngo)
    with django_capture_on_commit_callbacks(execute=True):
        clarification_services.clarification_answer(
            actor=manager, clarification=clarification, question_kk="С", question_ru="В", answer_kk="Ж",
            answer_ru="Ответ", publish=False,
        )
    [message] = mail.outbox
    assert message.to == [member.email]
    assert call.code in message.subject
    assert "Ответ" in message.body  # in the asker's language (ru)
    assert Clarification.objects.get().status == ClarificationStatus.ANSWERED


def test_an_answer_needs_both_languages(member, call, ngo, manager):
    clarification = ask(member, call, ngo)
    with pytest.raises(ValidationError) as refusal:
        clarification_services.clarification_answer(
            actor=manager, clarification=clarification, question_kk="С", question_ru="", answer_kk="Ж",
            answer_ru="", publish=True,
        )
    assert set(refusal.value.message_dict) == {"question_ru", "answer_ru"}


def test_a_published_answer_cannot_be_rewritten(member, call, ngo, manager):
    clarification = ask(member, call, ngo)
    texts = {"question_kk": "С", "question_ru": "В", "answer_kk": "Ж", "answer_ru": "О"}
    clarification_services.clarification_answer(actor=manager, clarification=clarification, publish=True, **texts)
    with pytest.raises(ValidationError, match="already published"):
        clarification_services.clarification_answer(actor=manager, clarification=clarification, publish=False,
                                                     **texts)


def at(day, hour=10):
    return datetime.combine(day, time(hour), tzinfo=ASTANA)


def test_a_question_unanswered_for_three_working_days_is_flagged(member, call, ngo):
    friday = date(2027, 3, 5)
    clarification = ask(member, call, ngo)
    clarification.asked_at = at(friday)
    # Mon 8 March is International Women's Day: the three working days are 9, 10 and 11 March.
    CalendarDay.objects.create(date=date(2027, 3, 8), kind=CalendarDayKind.DAY_OFF, name_kk="8 наурыз",
                               name_ru="8 марта")

    [on_due_day] = flag_overdue([clarification], now=at(date(2027, 3, 11), 17))
    assert on_due_day.due_on == date(2027, 3, 11) and not on_due_day.is_overdue
    [next_day] = flag_overdue([clarification], now=at(date(2027, 3, 12)))
    assert next_day.is_overdue


def test_the_staff_list_flags_overdue_questions(member, call, ngo, manager, client):
    clarification = ask(member, call, ngo)
    Clarification.objects.filter(pk=clarification.pk).update(asked_at=at(date(2026, 1, 5)))
    from portal.middleware import MFA_OK

    client.force_login(manager)
    session = client.session
    session[MFA_OK] = manager.pk
    session.save()
    html = client.get(reverse("calls:staff_clarifications")).content.decode()
    assert "table-warning" in html and "overdue" in html
