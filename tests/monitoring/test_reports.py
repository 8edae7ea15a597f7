"""Grantee reports: scheduled by the signed agreement, filled, submitted by the head only, reviewed; accepting
the interim report makes the second tranche due; accepting the final completes the grant."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from agreements.choices import GrantStatus, TrancheStatus
from agreements.services import payment_record
from monitoring.choices import ReportKind, ReportStatus, Section
from monitoring.models import GrantReport, ReportFile
from monitoring.services import (
    StaleSection,
    report_add_file,
    report_render_receipt,
    report_review,
    report_save_section,
    report_submit,
    review_render,
)
from ngos.choices import MemberRole
from ngos.models import Membership
from portal.audit import history
from tests.agreements.factories import refused
from tests.world import make_user

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def grant():
    return f.running_grant()


@pytest.fixture
def head(grant):
    return f.head_of(grant)


@pytest.fixture
def officer():
    return make_user("monitoring@example.kz", group="monitoring_officer")


def _member(grant):
    user = make_user(f"member-{grant.pk}@example.kz")
    Membership.objects.create(ngo=grant.ngo, user=user, role=MemberRole.MEMBER)
    return user


def test_signing_the_agreement_makes_the_interim_and_final_reports_due(grant):
    reports = {r.kind: r for r in GrantReport.objects.filter(grant=grant)}
    assert set(reports) == {ReportKind.INTERIM, ReportKind.FINAL}
    assert reports[ReportKind.INTERIM].due_on == grant.interim_report_due
    assert reports[ReportKind.FINAL].due_on == grant.final_report_due
    assert all(r.status == ReportStatus.DUE for r in reports.values())


def test_the_first_save_makes_the_report_a_draft_with_one_audit_entry(grant, head):
    report = f.report_of(grant)
    report_save_section(report=report, section=Section.NARRATIVE, data={"done": "Жасалды"}, version=0, actor=head)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    assert report.content[Section.NARRATIVE]["done"] == "Жасалды"
    assert [e.action for e in history(report)].count("report_started") == 1


def test_a_save_on_a_stale_version_is_refused_and_overwrites_nothing(grant, head):
    report = f.report_of(grant)
    member = _member(grant)
    report_save_section(report=report, section=Section.NARRATIVE, data={"done": "Бірінші"}, version=0, actor=head)
    with pytest.raises(StaleSection):
        report_save_section(report=report, section=Section.NARRATIVE, data={"done": "Екінші"}, version=0,
                            actor=member)
    report.refresh_from_db()
    assert report.content[Section.NARRATIVE]["done"] == "Бірінші"


def test_overspending_a_line_beyond_the_deviation_is_refused_naming_the_line_and_figures(grant, head):
    report = f.report_of(grant)
    lines = f.finance_within_plan(report)["lines"]
    lines["travel"] = {"period": "1100000.01", "total": "1100000.01"}  # 10 % of 1 000 000 is the most
    with pytest.raises(ValidationError) as info:
        report_save_section(report=report, section=Section.FINANCE, data={"lines": lines}, version=0, actor=head)
    message = " ".join(info.value.messages).replace("\xa0", " ")
    assert "1 100 000,01 ₸" in message and "1 000 000 ₸" in message and "10,01 %" in message
    lines["travel"] = {"period": "1100000.00", "total": "1100000.00"}
    report_save_section(report=report, section=Section.FINANCE, data={"lines": lines}, version=0, actor=head)


def test_an_approved_reallocation_covers_an_overspend(grant, head):
    from agreements.choices import AmendmentKind
    from agreements.services import amendment_decide, amendment_request

    report = f.report_of(grant)
    lines = f.finance_within_plan(report)["lines"]
    lines["travel"] = {"period": "1500000", "total": "1500000"}
    with refused():
        report_save_section(report=report, section=Section.FINANCE, data={"lines": lines}, version=0, actor=head)
    amendment = amendment_request(grant=grant, actor=head, kind=AmendmentKind.BUDGET, justification="Жол",
                                  budget={"services": "5500000", "travel": "1500000", "materials": "3000000"})
    amendment_decide(amendment=amendment, actor=make_user("cm@example.kz", group="call_manager"), approve=True)
    report_save_section(report=report, section=Section.FINANCE, data={"lines": lines}, version=0, actor=head)
    assert f.report_of(grant).content[Section.FINANCE]["lines"]["travel"]["total"] == "1500000.00"


def test_only_the_head_submits_and_an_incomplete_report_is_refused(grant, head):
    report = f.report_of(grant)
    report_save_section(report=report, section=Section.NARRATIVE, data={"done": "Жасалды"}, version=0, actor=head)
    with refused("incomplete"):
        report_submit(report=report, actor=head)
    assert not _member(grant).has_perm("monitoring.submit_report", report)
    assert head.has_perm("monitoring.submit_report", report)


def test_submission_freezes_the_content_and_the_sha256_of_each_file_and_renders_a_receipt(grant, head):
    import hashlib

    report = f.fill(f.report_of(grant), head)
    report_add_file(report=report, section=Section.INDICATORS, kind="document", upload=f.upload(), position=0,
                    actor=head)
    submission = report_submit(report=report, actor=head)
    assert submission.round == 1
    assert submission.snapshot["files"][0]["sha256"] == hashlib.sha256(f.PDF).hexdigest()
    assert submission.snapshot[Section.INDICATORS]["rows"][0]["total"] == "40"
    report_render_receipt(submission_pk=submission.pk)
    submission.refresh_from_db()
    assert submission.receipt and submission.receipt.read().startswith(b"%PDF")
    with refused("not_editable"):
        report_save_section(report=report, section=Section.NARRATIVE, data={"done": "кейін"}, version=None,
                            actor=head)


def test_a_renamed_executable_is_refused_by_its_content(grant, head):
    report = f.report_of(grant)
    with refused(field="upload"):
        report_add_file(report=report, section=Section.INDICATORS, kind="document", upload=f.upload("act.pdf", f.EXE),
                        position=0, actor=head)
    with refused(field="upload"):
        report_add_file(report=report, section=Section.INDICATORS, kind="photo", upload=f.upload("photo.jpg"),
                        position=0, actor=head)
    report_add_file(report=report, section=Section.INDICATORS, kind="photo", upload=f.upload("x.pdf", f.PNG),
                    position=1, actor=head)
    assert list(ReportFile.objects.values_list("name", "content_type")) == [("x.png", "image/png")]


def test_changes_requested_need_a_comment_then_a_resubmission_is_round_two(grant, head, officer):
    report = f.fill(f.report_of(grant), head)
    report_submit(report=report, actor=head)
    with refused(field="comments"):
        report_review(report=report, actor=officer, accept=False, comments={})
    report_review(report=report, actor=officer, accept=False, comments={Section.INDICATORS: "Дәлел жоқ"})
    report.refresh_from_db()
    assert report.status == ReportStatus.CHANGES_REQUESTED
    report = report_save_section(report=report, section=Section.NARRATIVE, data={"done": "Түзетілді"},
                                 version=report.versions[Section.NARRATIVE], actor=head)
    second = report_submit(report=report, actor=head)
    assert second.round == 2
    assert [s.review.decision for s in report.submissions.all() if hasattr(s, "review")] == ["changes_requested"]


def test_accepting_the_interim_report_makes_the_second_tranche_due(grant, head, officer):
    second = grant.tranches.get(position=2)
    assert second.status == TrancheStatus.PLANNED
    report = f.fill(f.report_of(grant), head)
    report_submit(report=report, actor=head)
    review = report_review(report=report, actor=officer, accept=True, conclusion="Қабылданды")
    second.refresh_from_db()
    assert second.status == TrancheStatus.DUE
    review_render(review_pk=review.pk)
    review.refresh_from_db()
    assert review.pdf.read().startswith(b"%PDF")
    assert f.report_of(grant).status == ReportStatus.ACCEPTED


def test_accepting_the_final_report_completes_the_grant(grant, head, officer):
    from django.utils import timezone

    finance = make_user("finance@example.kz", group="finance_officer")
    first = grant.tranches.get(position=1)
    payment_record(tranche=first, actor=finance, paid_on=timezone.localdate(), amount=first.amount,
                   order_number="ПП-1")
    report = f.fill(f.report_of(grant, ReportKind.FINAL), head, achieved="100")
    report_submit(report=report, actor=head)
    report_review(report=report, actor=officer, accept=True)
    grant.refresh_from_db()
    assert grant.status == GrantStatus.COMPLETED


def test_a_report_submitted_after_its_due_date_is_marked_late(grant, head):
    from monitoring.selectors import is_late

    report = f.report_of(grant)
    GrantReport.objects.filter(pk=report.pk).update(due_on=report.due_on.replace(year=2020))
    report.refresh_from_db()
    assert is_late(report)
    report = f.fill(report, head)
    assert is_late(report)
    submission = report_submit(report=report, actor=head)
    report.refresh_from_db()
    assert submission.late and report.submitted_late and not is_late(report)


def test_the_share_of_indicators_achieved_is_computed(grant, head):
    from monitoring.selectors import achievement_share

    report = f.fill(f.report_of(grant), head, achieved="50")
    # 50 of 100 and 50 of 10 (capped at 100 %): the mean is 75 %.
    assert achievement_share(report) == Decimal("75.0")
