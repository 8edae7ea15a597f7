"""Appeals: who files, until when (working days across a holiday), one per decision, files by content, the
review and its effects through the existing transition tables, the letters, the reminder, the public counts."""

import subprocess
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from appeals import selectors, services
from appeals.choices import AppealStatus, FinalVerdict, Ground, Verdict
from appeals.models import Appeal
from appeals.reminders import appeal_periods
from evaluations.choices import AssignmentStatus, MemberRole
from evaluations.models import Assignment
from grants.applications.choices import ApplicationStatus
from grants.choices import CalendarDayKind
from grants.models import CalendarDay
from grants.screening.choices import ScreeningDecision
from portal.models import OutboxMessage
from tests.agreements.factories import head_of
from tests.world import make_user

from .factories import PDF, REASON, not_admitted, not_funded

pytestmark = pytest.mark.django_db
ASTANA = ZoneInfo("Asia/Almaty")


@pytest.fixture
def admin(db):
    return make_user("appeals-admin@example.kz", group="operator_admin", language="ru")


def review(appeal, admin, verdict=Verdict.UPHOLD, **fields):
    return services.appeal_review(appeal=appeal, actor=admin, verdict=verdict,
                                  question=fields.get("question", "Комиссия айырмашылықты талқылады ма?"),
                                  answer=fields.get("answer", "Жоқ, хаттамада жоқ."),
                                  rationale=fields.get("rationale", "Рәсім бұзылған."))


def test_the_head_files_an_appeal_within_the_period_and_the_commission_is_told(media_root, admin):
    application, head = not_admitted()
    upload = SimpleUploadedFile("дәлел.pdf", PDF, content_type="application/pdf")
    appeal = services.appeal_file(application=application, actor=head, reason=REASON, files=[upload])
    assert appeal.ground == Ground.SCREENING and appeal.status == AppealStatus.FILED
    assert appeal.files.get().content_type == "application/pdf"
    assert OutboxMessage.objects.filter(recipient=admin.email, subject__contains=appeal.number).exists()


def test_a_late_appeal_is_refused_with_the_date_shown(media_root):
    application, head = not_admitted(published_at=timezone.now() - timedelta(days=30))
    with pytest.raises(ValidationError) as refused:
        services.appeal_file(application=application, actor=head, reason=REASON)
    deadline = selectors.appealable(application).deadline
    with translation.override("ru"):
        shown = deadline.astimezone(ASTANA).strftime("%d.%m.%Y")
    assert refused.value.code == "late" and shown in refused.value.messages[0]
    assert not Appeal.objects.exists()


def test_one_appeal_per_decision(media_root):
    application, head = not_admitted()
    services.appeal_file(application=application, actor=head, reason=REASON)
    with pytest.raises(ValidationError) as refused:
        services.appeal_file(application=application, actor=head, reason=REASON + " екінші")
    assert refused.value.code == "duplicate" and Appeal.objects.count() == 1


def test_only_the_head_files(media_root):
    from ngos.models import Membership

    application, _head = not_admitted()
    member = make_user("member-appeal@example.kz")
    Membership.objects.create(ngo=application.ngo, user=member)
    with pytest.raises(ValidationError) as refused:
        services.appeal_file(application=application, actor=member, reason=REASON)
    assert refused.value.code == "not_head"


def test_a_file_is_checked_by_its_content_not_its_name(media_root):
    application, head = not_admitted()
    fake = SimpleUploadedFile("scan.pdf", b"MZ\x90\x00 not a document at all", content_type="application/pdf")
    with pytest.raises(ValidationError) as refused:
        services.appeal_file(application=application, actor=head, reason=REASON, files=[fake])
    assert "scan.pdf" in refused.value.message_dict["files"][0] and not Appeal.objects.exists()


def test_the_period_counts_working_days_and_skips_a_holiday(media_root):
    published = datetime(2031, 6, 2, 17, 0, tzinfo=ASTANA)  # a Monday
    assert selectors.period_end(published) == datetime(2031, 6, 16, 18, 30, tzinfo=ASTANA)
    CalendarDay.objects.create(date=date(2031, 6, 11), kind=CalendarDayKind.DAY_OFF, name_kk="Мереке",
                               name_ru="Праздник")
    end = selectors.period_end(published)
    assert end == datetime(2031, 6, 17, 18, 30, tzinfo=ASTANA)
    # A weekend moved to work counts as a working day again.
    CalendarDay.objects.create(date=date(2031, 6, 14), kind=CalendarDayKind.WORKING_DAY, name_kk="Жұмыс күні",
                               name_ru="Рабочий день")
    assert selectors.period_end(published) == datetime(2031, 6, 16, 18, 30, tzinfo=ASTANA)


def test_filing_on_the_last_day_across_a_holiday_is_in_until_18_30(media_root):
    published = datetime(2031, 6, 2, 17, 0, tzinfo=ASTANA)
    CalendarDay.objects.create(date=date(2031, 6, 11), kind=CalendarDayKind.DAY_OFF, name_kk="Мереке",
                               name_ru="Праздник")
    late_app, late_head = not_admitted(published_at=published)
    with pytest.raises(ValidationError) as refused:
        services.appeal_file(application=late_app, actor=late_head, reason=REASON,
                             now=datetime(2031, 6, 17, 18, 30, tzinfo=ASTANA))
    assert "17.06.2031" in refused.value.messages[0]
    in_time, head = not_admitted(published_at=published)
    appeal = services.appeal_file(application=in_time, actor=head, reason=REASON,
                                  now=datetime(2031, 6, 17, 18, 29, 59, tzinfo=ASTANA))
    assert appeal.deadline == datetime(2031, 6, 17, 18, 30, tzinfo=ASTANA)


def test_an_upheld_screening_appeal_readmits_the_application(media_root, admin):
    application, head = not_admitted()
    appeal = services.appeal_file(application=application, actor=head, reason=REASON)
    appeal = review(appeal, admin)
    application.refresh_from_db()
    assert appeal.status == AppealStatus.UPHELD and application.status == ApplicationStatus.ADMITTED
    assert application.screening.decision == ScreeningDecision.ADMITTED


def test_an_upheld_evaluation_appeal_asks_a_reserve_then_decides(media_root, admin):
    application, head, panel = not_funded()
    appeal = services.appeal_file(application=application, actor=head, reason=REASON)
    appeal = review(appeal, admin)
    assert appeal.status == AppealStatus.REEVALUATION
    reserve = panel.members.get(expert=appeal.reevaluation.expert)
    assert reserve.role == MemberRole.RESERVE and appeal.reevaluation.status == AssignmentStatus.AWAITING_DECLARATION
    with pytest.raises(ValidationError) as refused:
        services.appeal_finalise(appeal=appeal, actor=admin, verdict=FinalVerdict.CHANGE, rationale="Жаңа баға")
    assert refused.value.code == "not_scored"
    Assignment.objects.filter(pk=appeal.reevaluation.pk).update(status=AssignmentStatus.SUBMITTED)
    appeal = services.appeal_finalise(appeal=appeal, actor=admin, verdict=FinalVerdict.CHANGE, rationale="Жаңа баға")
    application.refresh_from_db()
    assert appeal.status == AppealStatus.UPHELD and application.status == ApplicationStatus.RESERVE


def test_a_review_needs_the_question_the_answer_and_a_rationale(media_root, admin):
    application, head = not_admitted()
    appeal = services.appeal_file(application=application, actor=head, reason=REASON)
    with pytest.raises(ValidationError) as refused:
        review(appeal, admin, question=" ", rationale="")
    assert set(refused.value.message_dict) == {"question", "rationale"}
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.FILED


def test_the_letter_is_written_in_kazakh_and_russian_and_the_members_are_told(media_root, admin):
    application, head = not_admitted()
    head.language = "kk"
    head.save(update_fields=["language"])
    appeal = review(services.appeal_file(application=application, actor=head, reason=REASON), admin,
                    verdict=Verdict.REJECT)
    services.appeal_render_letter(appeal_pk=appeal.pk, status=appeal.status)
    appeal.refresh_from_db()
    texts = {}
    for language in ("kk", "ru"):
        path = appeal.letter_in(language).path
        texts[language] = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    assert "Қанағаттандырылмады" in texts["kk"] and "шағым бойынша шешім" in texts["kk"]
    assert "Отклонена" in texts["ru"] and "Решение по апелляции" in texts["ru"]
    told = OutboxMessage.objects.get(recipient=head.email, subject__contains=appeal.number, language="kk")
    assert "/kk/appeals/" in told.body


def test_the_reminder_of_the_period_stops_once_the_appeal_is_filed(media_root):
    application, head = not_admitted()
    deadline = selectors.appealable(application).deadline
    found = list(appeal_periods(deadline - timedelta(days=5), deadline + timedelta(days=1)))
    assert [d.obj for d in found] == [application] and found[0].recipients == [head]
    services.appeal_file(application=application, actor=head, reason=REASON)
    assert list(appeal_periods(deadline - timedelta(days=5), deadline + timedelta(days=1))) == []


def test_the_results_page_counts_appeals_per_call_without_names(media_root, admin):
    from tests.grants.factories import CallFactory  # noqa: F401  (the factories register the call builders)

    application, head = not_admitted()
    call = application.lot.call
    appeal = services.appeal_file(application=application, actor=head, reason=REASON)
    review(appeal, admin, verdict=Verdict.REJECT)
    with translation.override("ru"):
        page = Client().get(reverse("results:list")).content.decode()
    main = page[page.find("<main"):page.find("</main>")]
    assert call.code in main and "Апелляции на решения: 1" in main and "отклонена: 1" in main, main
    assert application.ngo.name_ru not in page and head.email not in page


def _staff_list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("appeals:staff_list")).status_code == 200
    return len(queries)


STAFF_LIST_QUERIES = 4


def test_the_staff_list_runs_the_same_queries_with_one_and_many_appeals(media_root, admin, client):
    client.force_login(admin)
    application, head = not_admitted()
    services.appeal_file(application=application, actor=head, reason=REASON)
    _staff_list_queries(client)  # the first request of a session loads the session and the user's groups
    one = _staff_list_queries(client)
    for _n in range(3):
        other, other_head = not_admitted()
        services.appeal_file(application=other, actor=other_head, reason=REASON)
    many = _staff_list_queries(client)
    assert one == many == STAFF_LIST_QUERIES


def test_a_second_decision_has_its_own_appeal(media_root):
    """Re-admitted on appeal and then not funded, the applicant may appeal the commission's decision too."""
    application, head = not_admitted()
    appeal = services.appeal_file(application=application, actor=head, reason=REASON)
    assert head_of  # the head's NGO is the applicant
    assert Appeal.objects.filter(application=application, ground=Ground.SCREENING).get() == appeal
