"""The commission's deadline (issue 16): experts who have not declared, or not submitted their sheet, are reminded
before and after it, once per offset, until they do; the staff set and move the deadline."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from evaluations.choices import AssignmentStatus
from evaluations.models import Assignment
from evaluations.services.panels import panel_set_deadline
from portal import reminders
from portal.models import SentReminder
from tests.portal.test_reminders import ASTANA, ticks

from . import factories as f

pytestmark = pytest.mark.django_db


def _assignments():
    call = f.call()
    lot = f.lot(call)
    panel, _pool, manager = f.drawn_panel(call)
    application = f.admitted_application(lot)
    seats = list(panel.members.exclude(role="reserve").order_by("draw_position"))
    waiting = Assignment.objects.create(panel=panel, application=application, expert=seats[0].expert)
    scoring = Assignment.objects.create(panel=panel, application=application, expert=seats[1].expert,
                                        status=AssignmentStatus.SCORING)
    done = Assignment.objects.create(panel=panel, application=application, expert=seats[2].expert,
                                     status=AssignmentStatus.SUBMITTED)
    return panel, manager, waiting, scoring, done


def test_the_experts_behind_the_deadline_are_reminded_until_they_declare_and_submit():
    panel, manager, waiting, scoring, done = _assignments()
    panel.deadline = datetime(2031, 3, 14, 18, 30, tzinfo=ASTANA)
    panel.save(update_fields=["deadline"])
    for now in ticks(datetime(2031, 3, 1, 8, tzinfo=ASTANA), datetime(2031, 3, 14, 12, tzinfo=ASTANA)):
        reminders.dispatch(now=now)
    kinds = dict(SentReminder.objects.values_list("recipient_id", "kind").distinct())
    assert kinds == {waiting.expert.user_id: "evaluations.declaration_due",
                     scoring.expert.user_id: "evaluations.scores_due"}
    assert sorted(SentReminder.objects.filter(recipient=waiting.expert.user).values_list("offset", flat=True)) == [
        -7, -1, 0]
    Assignment.objects.filter(pk=waiting.pk).update(status=AssignmentStatus.SCORING)
    Assignment.objects.filter(pk=scoring.pk).update(status=AssignmentStatus.SUBMITTED)
    for now in ticks(datetime(2031, 3, 14, 19, tzinfo=ASTANA), datetime(2031, 3, 25, tzinfo=ASTANA)):
        reminders.dispatch(now=now)
    # The first expert now scores: the sheet's reminders follow; the second submitted, so nothing more.
    assert not SentReminder.objects.filter(recipient=scoring.expert.user, offset__gt=0).exists()
    assert sorted(SentReminder.objects.filter(recipient=waiting.expert.user, kind="evaluations.scores_due")
                  .values_list("offset", flat=True)) == [0, 1, 7]
    assert not SentReminder.objects.filter(recipient=done.expert.user).exists()


def test_the_deadline_is_set_at_18_30_astana_time_and_not_in_the_past():
    panel, manager, *_rest = _assignments()
    day = timezone.localdate() + timedelta(days=10)
    panel = panel_set_deadline(panel=panel, actor=manager, day=day)
    assert panel.deadline == datetime(day.year, day.month, day.day, 18, 30, tzinfo=ASTANA)
    with pytest.raises(ValidationError) as refused:
        panel_set_deadline(panel=panel, actor=manager, day=date(2020, 1, 1))
    assert "day" in refused.value.message_dict
