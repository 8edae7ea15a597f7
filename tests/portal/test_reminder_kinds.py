"""The kinds the apps declare (ngos/reminders.py, grants/reminders.py): who is told, from when, and when it stops;
the operator administrator's page for the schedule and the ledger; a user's own reminders on the dashboard."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from grants.choices import CalendarDayKind, ClarificationStatus
from grants.models import CalendarDay, Clarification
from grants.screening.models import ScreeningConclusion
from ngos.models import YearlyReport
from portal import reminders
from portal.choices import StaffRole
from portal.models import AuditEntry, ReminderSchedule, SentReminder
from tests.grants.applications.factories import LotFactory, NGOFactory, person
from tests.world import ROLES, make_user

from .test_reminders import at, ticks

pytestmark = pytest.mark.django_db


def sent_to(user, kind: str) -> list[tuple]:
    return sorted(SentReminder.objects.filter(recipient=user, kind=kind).values_list("due_on", "offset"))


def test_the_yearly_report_is_due_on_31_march_and_stops_once_submitted():
    ngo = NGOFactory()
    head = person(ngo, "head", language="kk")
    quiet = person(NGOFactory(), "head", language="ru")
    YearlyReport.objects.create(ngo=quiet.memberships.get().ngo, year=2026, first_submitted_at=at(date(2027, 2, 1)))

    for now in ticks(at(date(2027, 3, 20)), at(date(2027, 3, 31), 12)):
        reminders.dispatch(now=now)
    assert sent_to(head, "ngos.yearly_report") == [(date(2027, 3, 31), -7), (date(2027, 3, 31), -1),
                                                   (date(2027, 3, 31), 0)]
    assert sent_to(quiet, "ngos.yearly_report") == []
    assert "2026" in SentReminder.objects.filter(recipient=head).first().about

    YearlyReport.objects.create(ngo=ngo, year=2026, first_submitted_at=at(date(2027, 3, 31), 15))
    for now in ticks(at(date(2027, 3, 31), 18), at(date(2027, 4, 20))):
        reminders.dispatch(now=now)
    assert len(sent_to(head, "ngos.yearly_report")) == 3


@pytest.fixture
def manager(db):
    return make_user("manager@example.kz", group=StaffRole.CALL_MANAGER, language="ru")


def test_a_question_unanswered_for_three_working_days_reminds_the_call_managers_across_a_holiday(manager):
    lot = LotFactory(call__opens_at=at(date(2027, 3, 1)), call__closes_at=at(date(2027, 4, 30), 18, 30))
    ngo = NGOFactory()
    asker = person(ngo, "head")
    # Asked on Thursday 18 March; 22 March (Nauryz) is a day off: Fri 19, Tue 23, Wed 24 → due on the 24th.
    CalendarDay.objects.create(date=date(2027, 3, 22), kind=CalendarDayKind.DAY_OFF, name_kk="Наурыз",
                               name_ru="Наурыз")
    question = Clarification.objects.create(call=lot.call, ngo=ngo, asked_by=asker, question="?", language="kk",
                                            asked_at=at(date(2027, 3, 18), 11))
    for now in ticks(at(date(2027, 3, 18), 12), at(date(2027, 3, 25), 12)):
        reminders.dispatch(now=now)
    assert sent_to(manager, "grants.unanswered_question") == [
        (date(2027, 3, 24), -1), (date(2027, 3, 24), 0), (date(2027, 3, 24), 1)]
    assert sent_to(asker, "grants.unanswered_question") == []  # staff are told, not the asker

    question.status = ClarificationStatus.ANSWERED
    question.save(update_fields=["status"])
    for now in ticks(at(date(2027, 3, 25), 15), at(date(2027, 4, 5))):
        reminders.dispatch(now=now)
    assert len(sent_to(manager, "grants.unanswered_question")) == 3


def test_screening_is_due_ten_working_days_after_the_deadline_until_the_conclusion_is_published():
    officer = make_user("screening@example.kz", group=StaffRole.SCREENING_OFFICER, language="kk")
    lot = LotFactory(call__opens_at=at(date(2027, 2, 1)), call__closes_at=at(date(2027, 3, 1), 18, 30))
    ngo = NGOFactory()
    head = person(ngo, "head")
    lot.applications.create(ngo=ngo, created_by=head, language="kk", status="submitted",
                            submitted_at=at(date(2027, 2, 25)))
    for now in ticks(at(date(2027, 3, 2)), at(date(2027, 3, 15), 12)):
        reminders.dispatch(now=now)
    # Ten working days after Monday 1 March (no holiday in the calendar): Monday 15 March.
    assert sent_to(officer, "grants.screening_due") == [
        (date(2027, 3, 15), -7), (date(2027, 3, 15), -1), (date(2027, 3, 15), 0)]

    ScreeningConclusion.objects.create(call=lot.call, number="SC-1", published_at=at(date(2027, 3, 15), 12))
    for now in ticks(at(date(2027, 3, 15), 13), at(date(2027, 3, 30))):
        reminders.dispatch(now=now)
    assert len(sent_to(officer, "grants.screening_due")) == 3


def test_the_operator_administrator_changes_a_schedule_and_reads_the_ledger(client, world):
    admin = world.users["operator_admin"]
    client.force_login(admin)
    url = reverse("portal:reminders")

    response = client.post(url, {"kind": "grants.draft_application", "offsets": "−14, -3, 0"})
    assert response.status_code == 302
    assert ReminderSchedule.objects.get(kind="grants.draft_application").offsets == [-14, -3, 0]
    assert reminders.schedules()["grants.draft_application"] == [-14, -3, 0]
    assert AuditEntry.objects.filter(action="reminder_schedule_changed", actor=admin).count() == 1

    response = client.post(url, {"kind": "grants.draft_application", "offsets": "soon"})
    with translation.override(admin.language):
        refusal = gettext("Enter whole numbers of days between −60 and 60, separated by commas.")
    assert response.status_code == 400 and refusal in response.content.decode()
    assert ReminderSchedule.objects.get(kind="grants.draft_application").offsets == [-14, -3, 0]
    assert client.post(url, {"kind": "nothing.such", "offsets": "1"}).status_code == 404

    page = client.get(url).content.decode()
    assert 'value="-14, -3, 0"' in page


def test_only_the_operator_administrator_changes_the_schedule(client, world):
    wrong = []
    for days, role in enumerate(ROLES, start=1):
        client.logout()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        response = client.post(reverse("portal:reminders"), {"kind": "grants.draft_application", "offsets": days})
        expected = {"operator_admin": 302, "anonymous": 302}.get(role, 403)
        saved = ReminderSchedule.objects.filter(kind="grants.draft_application", offsets=[days]).exists()
        if response.status_code != expected or saved != (role == "operator_admin"):
            wrong.append(f"{role}: {response.status_code}, saved: {saved}")
    assert wrong == []


def test_a_user_sees_their_own_reminders_on_the_dashboard(client):
    lot = LotFactory(call__opens_at=at(date(2027, 2, 1)), call__closes_at=at(date(2027, 3, 15), 18, 30))
    ngo = NGOFactory()
    head = person(ngo, "head", language="ru")
    other = person(NGOFactory(), "head", language="ru")
    lot.applications.create(ngo=ngo, created_by=head, language="kk")
    reminders.dispatch(now=at(date(2027, 3, 8), 10))
    reminder = SentReminder.objects.get(recipient=head)

    client.force_login(head)
    page = client.get(reverse("portal:dashboard")).content.decode()
    assert reminder.about in page and reminder.link in page and "15.03.2027" in page
    client.force_login(other)
    assert reminder.about not in client.get(reverse("portal:dashboard")).content.decode()


def test_the_demo_data_has_reminders_in_the_ledger_and_a_second_seed_adds_none(media_root):
    import io

    from django.core.management import call_command

    call_command("seed_demo", "--quiet-accounts", stdout=io.StringIO())
    rows = set(SentReminder.objects.values_list("kind", "object_id", "due_on", "offset", "recipient__email"))
    assert ("grants.unanswered_question" in {kind for kind, *_ in rows}
            and "calls@demo.demeu.kz" in {email for *_, email in rows})
    call_command("seed_demo", "--quiet-accounts", stdout=io.StringIO())
    assert set(SentReminder.objects.values_list("kind", "object_id", "due_on", "offset", "recipient__email")) == rows


def test_the_ledger_page_runs_the_same_queries_with_one_row_or_many(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.users["operator_admin"])
    lot = LotFactory(call__opens_at=at(date(2027, 2, 1)), call__closes_at=at(date(2027, 3, 15), 18, 30))
    ngo = NGOFactory()
    head = person(ngo, "head")
    lot.applications.create(ngo=ngo, created_by=head, language="kk")
    reminders.dispatch(now=at(date(2027, 3, 8), 10))

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("portal:reminders")).status_code == 200
        return len(queries)

    count()  # the first request of a session also saves it
    one = count()
    for offset in (-1, 0, 1):
        for n in range(3):
            person(ngo, "member", email=f"member-{offset}-{n}@example.kz")
        reminders.dispatch(now=at(date(2027, 3, 15 + offset), 10))
    assert SentReminder.objects.count() > 8
    assert count() == one


def test_a_user_reads_their_own_notifications_never_another_s_nor_a_sign_in_link(client):
    from django.utils.timezone import now

    from portal import mail

    reader = make_user("reader@example.kz", language="kk")
    other = make_user("other-reader@example.kz", language="kk")

    def write(to, subject, about, **options):
        mail.send(to=[to], subject=subject, template="portal/email/reminder.txt", **options,
                  context={"kind": "—", "about": about, "offset": 0, "days": 0, "link": "/", "deadline": now()})

    write(reader, "Шешім туралы хат", "Өтінім 2027-01/0001")
    write(reader, "Кіру сілтемесі", "Құпия сілтеме", sensitive=True)
    write(other, "Басқа біреуге", "Бөтен")
    client.force_login(reader)
    dashboard = client.get(reverse("portal:dashboard")).content.decode()
    page = client.get(reverse("portal:notifications")).content.decode()
    assert "Шешім туралы хат" in dashboard and "Өтінім 2027-01/0001" in page
    assert "Кіру сілтемесі" not in page + dashboard and "Басқа біреуге" not in page + dashboard


def test_the_notifications_page_runs_the_same_queries_with_one_message_or_many(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils.timezone import now

    from portal import mail

    reader = make_user("counted@example.kz", language="ru")
    client.force_login(reader)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("portal:notifications")).status_code == 200
        return len(queries)

    def write(n):
        for index in range(n):
            mail.send(to=[reader], subject=f"Письмо {index}", template="portal/email/reminder.txt",
                      context={"kind": "—", "about": "О заявке", "offset": 0, "days": 0, "link": "/",
                               "deadline": now()})

    write(1)
    count()  # the session's first request
    one = count()
    write(20)
    assert count() == one == NOTIFICATIONS_QUERIES


NOTIFICATIONS_QUERIES = 4  # the session, the user, their groups (the navigation), the messages
