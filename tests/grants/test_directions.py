"""Priority directions: draft → public discussion of at least 10 working days → approved."""

from datetime import date, datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from grants.choices import CalendarDayKind, CommentResolution, DirectionListStatus
from grants.models import CalendarDay, DirectionComment, PriorityDirectionList
from grants.services import directions as direction_services
from grants.workdays import add_working_days, working_days_after
from portal.formatting import ASTANA
from tests.world import make_user

from .factories import CustomerFactory, DirectionFactory, FiscalYearFactory

pytestmark = pytest.mark.django_db

MONDAY_15_MARCH_2027 = date(2027, 3, 15)
BEFORE = datetime.combine(date(2027, 3, 1), time(10), tzinfo=ASTANA)


def nauryz_2027():
    for day in (date(2027, 3, 22), date(2027, 3, 23)):  # Monday and Tuesday; 21 March is a Sunday
        CalendarDay.objects.create(date=day, kind=CalendarDayKind.DAY_OFF, name_kk="Наурыз", name_ru="Наурыз")


@pytest.fixture
def manager():
    return make_user("manager@example.kz", group="call_manager")


@pytest.fixture
def draft_list():
    direction_list = PriorityDirectionList.objects.create(customer=CustomerFactory(), fiscal_year=FiscalYearFactory())
    DirectionFactory(direction_list=direction_list, number=1)
    return direction_list


def start(manager, direction_list, ends_on, starts_on=MONDAY_15_MARCH_2027):
    return direction_services.discussion_start(
        actor=manager, direction_list=direction_list, starts_on=starts_on, ends_on=ends_on, now=BEFORE
    )


def test_ten_working_days_skip_the_nauryz_holidays():
    assert add_working_days(MONDAY_15_MARCH_2027, 10) == date(2027, 3, 29)
    nauryz_2027()
    assert add_working_days(MONDAY_15_MARCH_2027, 10) == date(2027, 3, 31)
    assert working_days_after(MONDAY_15_MARCH_2027, date(2027, 3, 29)) == 8


def test_a_discussion_shorter_than_ten_working_days_across_a_holiday_is_refused(manager, draft_list):
    nauryz_2027()
    with pytest.raises(ValidationError) as refusal:
        start(manager, draft_list, ends_on=date(2027, 3, 30))
    assert "31.03.2027" in refusal.value.message_dict["ends_on"][0]
    draft_list.refresh_from_db()
    assert draft_list.status == DirectionListStatus.DRAFT


def test_a_discussion_of_exactly_ten_working_days_across_a_holiday_is_accepted(manager, draft_list):
    nauryz_2027()
    start(manager, draft_list, ends_on=date(2027, 3, 31))
    draft_list.refresh_from_db()
    assert draft_list.status == DirectionListStatus.DISCUSSION
    assert draft_list.discussion_ends_on == date(2027, 3, 31)


def test_a_weekend_moved_to_work_counts_as_a_working_day(manager, draft_list):
    CalendarDay.objects.create(
        date=date(2027, 3, 20), kind=CalendarDayKind.WORKING_DAY, name_kk="Жұмыс күні", name_ru="Рабочий день"
    )
    assert add_working_days(MONDAY_15_MARCH_2027, 10) == date(2027, 3, 26)


def test_a_discussion_cannot_start_in_the_past(manager, draft_list):
    with pytest.raises(ValidationError) as refusal:
        start(manager, draft_list, starts_on=date(2027, 2, 1), ends_on=date(2027, 3, 31))
    assert "starts_on" in refusal.value.message_dict


def test_an_empty_list_cannot_go_to_discussion(manager):
    empty = PriorityDirectionList.objects.create(customer=CustomerFactory(), fiscal_year=FiscalYearFactory())
    with pytest.raises(ValidationError, match="at least one priority direction"):
        start(manager, empty, ends_on=date(2027, 4, 30))


def test_any_signed_in_user_may_comment_while_the_discussion_runs(manager, draft_list, client):
    start(manager, draft_list, starts_on=date(2027, 3, 15), ends_on=date(2027, 4, 30))
    direction = draft_list.directions.get()
    citizen = make_user("citizen@example.kz")
    during = datetime.combine(date(2027, 3, 20), time(12), tzinfo=ASTANA)

    comment = direction_services.comment_add(
        actor=citizen, direction=direction, text="Ауыл жастарын қосыңыз", now=during
    )

    assert comment.resolution == CommentResolution.PENDING
    after = datetime.combine(date(2027, 5, 1), time(12), tzinfo=ASTANA)
    with pytest.raises(ValidationError, match="only while the public discussion runs"):
        direction_services.comment_add(actor=citizen, direction=direction, text="Кеш", now=after)


def test_a_comment_posted_through_the_page_is_recorded(manager, client):
    from django.utils import timezone

    today = timezone.localdate()
    direction_list = PriorityDirectionList.objects.create(
        customer=CustomerFactory(), fiscal_year=FiscalYearFactory(), status=DirectionListStatus.DISCUSSION,
        discussion_starts_on=today - timedelta(days=1), discussion_ends_on=today + timedelta(days=20),
    )
    direction = DirectionFactory(direction_list=direction_list, number=1)
    client.force_login(make_user("citizen@example.kz"))

    url = reverse("calls:comment", kwargs={"pk": direction_list.pk, "direction": direction.pk})
    response = client.post(url, {"text": "Предлагаю включить сельскую молодёжь"})

    assert response.status_code == 302
    assert DirectionComment.objects.get().text == "Предлагаю включить сельскую молодёжь"


def test_staff_answer_every_comment_with_a_reason(manager, draft_list):
    start(manager, draft_list, ends_on=date(2027, 4, 30))
    comment = DirectionComment.objects.create(direction=draft_list.directions.get(), author=manager, text="Ұсыныс")

    with pytest.raises(ValidationError) as refusal:
        direction_services.comment_answer(actor=manager, comment=comment, resolution="partly", response=" ")
    assert "response" in refusal.value.message_dict

    direction_services.comment_answer(actor=manager, comment=comment, resolution="partly", response="Ішінара")
    comment.refresh_from_db()
    assert (comment.resolution, comment.response, comment.answered_by) == ("partly", "Ішінара", manager)


def test_approval_waits_for_the_end_of_the_discussion_and_every_answer(manager, draft_list):
    start(manager, draft_list, ends_on=date(2027, 4, 30))
    comment = DirectionComment.objects.create(direction=draft_list.directions.get(), author=manager, text="Ұсыныс")
    during = datetime.combine(date(2027, 4, 30), time(17), tzinfo=ASTANA)
    after = datetime.combine(date(2027, 5, 3), time(10), tzinfo=ASTANA)

    with pytest.raises(ValidationError) as refusal:
        direction_services.direction_list_approve(actor=manager, direction_list=draft_list, now=during)
    assert len(refusal.value.messages) == 2  # still running, and one comment unanswered

    direction_services.comment_answer(actor=manager, comment=comment, resolution="rejected", response="Себебі")
    direction_services.direction_list_approve(actor=manager, direction_list=draft_list, now=after)
    draft_list.refresh_from_db()
    assert draft_list.status == DirectionListStatus.APPROVED


def test_the_approved_list_stays_public_with_how_each_comment_was_handled(manager, draft_list, client):
    start(manager, draft_list, ends_on=date(2027, 4, 30))
    comment = DirectionComment.objects.create(direction=draft_list.directions.get(), author=manager, text="Ұсыныс")
    direction_services.comment_answer(actor=manager, comment=comment, resolution="rejected", response="Бюджет аз")
    after = datetime.combine(date(2027, 5, 3), time(10), tzinfo=ASTANA)
    direction_services.direction_list_approve(actor=manager, direction_list=draft_list, now=after)

    response = client.get(reverse("calls:direction_list", kwargs={"pk": draft_list.pk}, ))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ұсыныс" in html and "Бюджет аз" in html
    assert 'name="text"' not in html  # no comment form once approved


def test_a_draft_list_is_not_public(draft_list, client):
    response = client.get(reverse("calls:direction_list", kwargs={"pk": draft_list.pk}))
    assert response.status_code == 404
