"""The yearly NGO-database report: draft, submission that lists the NGO, lock, corrections, lateness."""

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from ngos import services
from ngos.choices import MemberRole, ReportStatus
from ngos.models import Membership, YearlyReport, YearlyReportVersion, last_reporting_year, report_deadline
from ngos.selectors import is_listed_for_year, report_overview
from portal.models import AuditEntry
from tests.world import make_user

from .factories import NGOFactory

pytestmark = pytest.mark.django_db
ASTANA = ZoneInfo("Asia/Almaty")
COMPLETE = {
    "founders": "Ахметова Айгүл, Ким Ольга", "activities": "12 семинар өткізілді", "beneficiaries_count": 340,
    "staff_count": 3, "volunteers_count": 25,
}


@pytest.fixture
def ngo():
    return NGOFactory()


@pytest.fixture
def head(ngo):
    user = make_user("head@example.kz")
    Membership.objects.create(ngo=ngo, user=user, role=MemberRole.HEAD)
    return user


def filed(ngo, user, year, **fields):
    version = services.report_start(ngo=ngo, year=year, actor=user)
    services.report_save_draft(
        version=version, actor=user, fields={**COMPLETE, **fields},
        fund_sources=[{"source_type": "state_grant", "amount": Decimal("2500000"), "description": ""}],
        spending=[{"direction": "programmes", "amount": Decimal("2000000"), "description": "семинарлар"}],
    )
    return services.report_submit(version=YearlyReportVersion.objects.get(pk=version.pk), actor=user)


def test_a_submitted_report_lists_the_ngo_for_that_year_only(ngo, head):
    year = last_reporting_year()
    assert not is_listed_for_year(ngo, year)
    filed(ngo, head, year)
    assert is_listed_for_year(ngo, year)
    assert not is_listed_for_year(ngo, year - 1)


def test_a_draft_does_not_list_the_ngo(ngo, head):
    year = last_reporting_year()
    version = services.report_start(ngo=ngo, year=year, actor=head)
    services.report_save_draft(version=version, actor=head, fields=COMPLETE, fund_sources=[], spending=[])
    assert not is_listed_for_year(ngo, year)


def test_submission_with_gaps_is_refused_and_names_them(ngo, head):
    version = services.report_start(ngo=ngo, year=last_reporting_year(), actor=head)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.report_submit(version=version, actor=head)
    assert refused.value.code == "incomplete"
    assert "founders and members" in refused.value.messages[0] and "number of staff" in refused.value.messages[0]
    assert YearlyReportVersion.objects.get(pk=version.pk).status == ReportStatus.DRAFT


def test_a_submitted_report_cannot_be_changed(ngo, head):
    version = filed(ngo, head, last_reporting_year())
    with pytest.raises(ValidationError) as refused:
        services.report_save_draft(
            version=version, actor=head, fields={"staff_count": 99}, fund_sources=[], spending=[]
        )
    assert refused.value.code == "locked"
    assert YearlyReportVersion.objects.get(pk=version.pk).staff_count == 3


def test_a_correction_is_a_new_version_and_the_first_stays_in_the_history(ngo, head):
    year = last_reporting_year()
    first = filed(ngo, head, year)
    listed_at = YearlyReport.objects.get(ngo=ngo, year=year).first_submitted_at
    correction = services.report_start_correction(report=first.report, actor=head)
    assert correction.number == 2 and correction.staff_count == 3
    assert [line.amount for line in correction.fund_sources.all()] == [Decimal("2500000.00")]

    services.report_save_draft(
        version=correction, actor=head, fields={**COMPLETE, "staff_count": 4, "correction_note": "Штат нақтыланды"},
        fund_sources=[{"source_type": "state_grant", "amount": Decimal("2600000"), "description": ""}], spending=[],
    )
    services.report_submit(version=correction, actor=head)

    versions = {v.number: v for v in YearlyReportVersion.objects.filter(report__ngo=ngo)}
    assert (versions[1].staff_count, versions[2].staff_count) == (3, 4)
    assert all(v.status == ReportStatus.SUBMITTED for v in versions.values())
    # The listing dates from the first submission, not the correction.
    assert YearlyReport.objects.get(ngo=ngo, year=year).first_submitted_at == listed_at
    row = report_overview(ngo, years=1)[0]
    assert row["version"].number == 2 and row["versions_count"] == 2
    assert list(AuditEntry.objects.filter(object_id=str(first.report.pk)).values_list("action", flat=True)) == [
        "yearly_report_correction_submitted", "yearly_report_correction_started", "yearly_report_submitted",
        "yearly_report_started",
    ]


def test_a_correction_needs_a_note_saying_what_changed(ngo, head):
    first = filed(ngo, head, last_reporting_year())
    correction = services.report_start_correction(report=first.report, actor=head)
    with pytest.raises(ValidationError) as refused:
        services.report_submit(version=correction, actor=head)
    assert refused.value.code == "incomplete"


def test_a_year_that_has_not_ended_cannot_be_reported(ngo, head):
    with pytest.raises(ValidationError) as refused:
        services.report_start(ngo=ngo, year=last_reporting_year() + 1, actor=head)
    assert refused.value.code == "year"


def test_31_march_astana_time_is_on_time_and_1_april_is_late(ngo):
    year = 2024
    report = YearlyReport(ngo=ngo, year=year)
    report.first_submitted_at = datetime(2025, 3, 31, 23, 59, 59, 999999, tzinfo=ASTANA)
    assert not report.is_late
    report.first_submitted_at = datetime(2025, 4, 1, 0, 0, tzinfo=ASTANA)
    assert report.is_late
    assert report_deadline(year) - timedelta(microseconds=1) == datetime(2025, 3, 31, 23, 59, 59, 999999, tzinfo=ASTANA)


def test_late_and_missing_years_show_on_the_public_profile(ngo, head, client):
    year = last_reporting_year()
    filed(ngo, head, year - 1)
    YearlyReport.objects.filter(ngo=ngo, year=year - 1).update(
        first_submitted_at=datetime(year, 6, 15, 12, tzinfo=ASTANA)
    )
    rows = {row["year"]: row["status"] for row in report_overview(ngo, years=3)}
    assert rows[year - 1] == "late"
    assert rows[year - 2] == "overdue"
    page = client.get(f"/ru/ngos/{ngo.bin}/").content.decode()
    assert f'<th scope="row">{year - 1}</th>' in page  # a year, not "2\xa0025"
    page = client.get(f"/en/ngos/{ngo.bin}/").content.decode()
    assert "Listed, filed late" in page and "filed 15.06." in page
    assert "Not listed" in page


def test_the_accountant_saves_the_draft_but_only_the_head_submits(ngo, head, client):
    accountant = make_user("accountant@example.kz")
    Membership.objects.create(ngo=ngo, user=accountant, role=MemberRole.ACCOUNTANT)
    year = last_reporting_year()
    client.force_login(accountant)
    path = f"/kk/ngos/{ngo.bin}/manage/reports/{year}/edit/"
    data = {**management(), **{k: str(v) for k, v in COMPLETE.items()}, "action": "submit"}
    response = client.post(path, data)
    assert response.status_code == 302
    version = YearlyReportVersion.objects.get(report__ngo=ngo, report__year=year)
    assert version.status == ReportStatus.DRAFT and version.staff_count == 3
    page = client.get(f"/en/ngos/{ngo.bin}/manage/reports/{year}/edit/").content.decode()
    assert "Only the head of the NGO can submit" in page and 'value="submit"' not in page

    client.force_login(head)
    client.post(path, {**data, "action": "submit"})
    assert YearlyReportVersion.objects.get(pk=version.pk).status == ReportStatus.SUBMITTED
    assert is_listed_for_year(ngo, year)


def management(sources=0, spending=0):
    return {
        "sources-TOTAL_FORMS": str(sources), "sources-INITIAL_FORMS": "0",
        "spending-TOTAL_FORMS": str(spending), "spending-INITIAL_FORMS": "0",
    }


def test_a_bad_amount_is_explained_and_nothing_typed_is_lost(ngo, head, client):
    client.force_login(head)
    year = last_reporting_year()
    data = {
        **management(sources=1), "founders": "Ахметова Айгүл", "activities": "Жазғы лагерь",
        "sources-0-source_type": "donations_individuals", "sources-0-amount": "бір миллион",
        "sources-0-description": "Қайырымдылық акциясы", "action": "save",
    }
    with translation.override("en"):
        response = client.post(f"/en/ngos/{ngo.bin}/manage/reports/{year}/edit/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter an amount in tenge" in page
    assert "Ахметова Айгүл" in page and "бір миллион" in page and "Қайырымдылық акциясы" in page
    assert not YearlyReport.objects.filter(ngo=ngo).exists()


def test_amounts_are_read_as_people_type_them(ngo, head, client):
    client.force_login(head)
    year = last_reporting_year()
    data = {
        **management(sources=2), "action": "save",
        "sources-0-source_type": "membership_fees", "sources-0-amount": "1 234 567,89",
        "sources-1-source_type": "foreign", "sources-1-amount": "250000.50",
    }
    client.post(f"/ru/ngos/{ngo.bin}/manage/reports/{year}/edit/", data)
    version = YearlyReportVersion.objects.get(report__ngo=ngo)
    assert sorted(line.amount for line in version.fund_sources.all()) == [Decimal("250000.50"), Decimal("1234567.89")]


def test_a_new_year_starts_with_last_years_founders(ngo, head):
    year = last_reporting_year()
    filed(ngo, head, year - 1, founders="Сапаров Ерлан")
    draft = services.report_start(ngo=ngo, year=year, actor=head)
    assert draft.founders == "Сапаров Ерлан"
    assert draft.staff_count is None


def test_the_report_page_of_a_submitted_year_offers_a_correction_not_an_edit(ngo, head, client):
    year = last_reporting_year()
    filed(ngo, head, year)
    client.force_login(head)
    response = client.get(f"/en/ngos/{ngo.bin}/manage/reports/{year}/edit/")
    assert response.status_code == 302 and response["Location"].endswith(f"/manage/reports/{year}/")
    page = client.get(response["Location"]).content.decode()
    assert "Start a correction" in page
