"""The yearly NGO-database report: draft, submit (then locked), correct as a new version."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import audit
from portal.workflow import transition

from ..choices import ReportStatus
from ..models import NGO, FundSource, Spending, YearlyReport, YearlyReportVersion
from ..selectors import reporting_years

CONTENT_FIELDS = (
    "founders", "members_count", "property_description", "property_value", "activities", "beneficiaries",
    "beneficiaries_count", "staff_count", "volunteers_count",
)
# What rarely changes from one year to the next: a new year's draft starts with last year's answers.
CARRIED_OVER = ("founders", "members_count", "property_description")
REQUIRED_FOR_SUBMISSION = ("founders", "activities", "beneficiaries_count", "staff_count", "volunteers_count")


def _lock_report(report: YearlyReport) -> YearlyReport:
    return YearlyReport.objects.select_for_update().get(pk=report.pk)


def _lock_version(version: YearlyReportVersion) -> YearlyReportVersion:
    return YearlyReportVersion.objects.select_for_update().select_related("report", "report__ngo").get(pk=version.pk)


# A version is drafted, then submitted once; a correction is a new version, never a reopened one.
# The first submission lists the NGO for the year; a later one is recorded as a correction.
VERSION_TRANSITIONS = {(ReportStatus.DRAFT, ReportStatus.SUBMITTED): "yearly_report_submitted"}
CORRECTION_TRANSITIONS = {(ReportStatus.DRAFT, ReportStatus.SUBMITTED): "yearly_report_correction_submitted"}


def _refuse_unless_draft(version: YearlyReportVersion) -> None:
    if version.status != ReportStatus.DRAFT:
        raise ValidationError(
            _("A submitted report cannot be changed. Start a correction: it becomes a new version."), code="locked"
        )


@transaction.atomic
def report_start(*, ngo: NGO, year: int, actor) -> YearlyReportVersion:
    """The draft for `year`: the existing one, or a new first version (carrying over stable answers)."""
    years = reporting_years(ngo)
    if year not in years:
        raise ValidationError(
            _("A report can be filed for the years %(first)s–%(last)s.") % {"first": years[-1], "last": years[0]},
            code="year",
        )
    NGO.objects.select_for_update().get(pk=ngo.pk)
    report, _created = YearlyReport.objects.get_or_create(ngo=ngo, year=year)
    draft = report.versions.filter(status=ReportStatus.DRAFT).first()
    if draft is not None:
        return draft
    if report.versions.exists():
        raise ValidationError(
            _("The report for %(year)s has been submitted. To change it, start a correction.") % {"year": year},
            code="submitted",
        )
    version = YearlyReportVersion(report=report, number=1, created_by=actor)
    previous = (
        YearlyReportVersion.objects.filter(report__ngo=ngo, report__year__lt=year, status=ReportStatus.SUBMITTED)
        .order_by("-report__year", "-number")
        .first()
    )
    if previous is not None:
        for name in CARRIED_OVER:
            setattr(version, name, getattr(previous, name))
    version.save()
    audit.record(actor=actor, obj=report, action="yearly_report_started", to_state=ReportStatus.DRAFT,
                 message=("report_version", {"number": 1}), data={"state_of": "ngos.yearlyreportversion"})
    return version


@transaction.atomic
def report_save_draft(
    *, version: YearlyReportVersion, actor, fields: dict, fund_sources: list[dict], spending: list[dict]
) -> YearlyReportVersion:
    """Keep what was typed; lines replace the draft's lines. Nothing is checked for completeness here."""
    version = _lock_version(version)
    _refuse_unless_draft(version)
    for name in (*CONTENT_FIELDS, "correction_note"):
        if name in fields:
            setattr(version, name, fields[name])
    version.full_clean(exclude=["report", "created_by", "submitted_by"])
    version.save()
    version.fund_sources.all().delete()
    FundSource.objects.bulk_create(
        FundSource(version=version, source_type=line["source_type"], amount=line["amount"],
                   description=line.get("description", ""))
        for line in fund_sources
    )
    version.spending.all().delete()
    Spending.objects.bulk_create(
        Spending(version=version, direction=line["direction"], amount=line["amount"],
                 description=line.get("description", ""))
        for line in spending
    )
    return version


def missing_for_submission(version: YearlyReportVersion) -> list[str]:
    """The labels of what must be filled in before this version can be submitted."""
    missing = []
    for name in REQUIRED_FOR_SUBMISSION:
        value = getattr(version, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            missing.append(str(YearlyReportVersion._meta.get_field(name).verbose_name))
    if version.number > 1 and not version.correction_note.strip():
        missing.append(str(YearlyReportVersion._meta.get_field("correction_note").verbose_name))
    return missing


@transaction.atomic
def report_submit(*, version: YearlyReportVersion, actor) -> YearlyReportVersion:
    """Lock the draft as submitted. The first submission lists the NGO in the database for the year."""
    version = _lock_version(version)
    _refuse_unless_draft(version)
    report = _lock_report(version.report)
    missing = missing_for_submission(version)
    if missing:
        raise ValidationError(
            _("Fill in before submitting: %(fields)s.") % {"fields": ", ".join(missing)}, code="incomplete"
        )
    now = timezone.now()
    version.submitted_at = now
    version.submitted_by = actor
    first = report.first_submitted_at is None
    if first:
        report.first_submitted_at = now
        report.save(update_fields=["first_submitted_at"])
    late = first and now >= report.deadline
    transition(
        version, to=ReportStatus.SUBMITTED, subject=report, actor=actor, update_fields=["submitted_at", "submitted_by"],
        table=VERSION_TRANSITIONS if first else CORRECTION_TRANSITIONS,
        message=("report_version_late" if late else "report_version", {"number": version.number}),
    )
    return version


@transaction.atomic
def report_start_correction(*, report: YearlyReport, actor) -> YearlyReportVersion:
    """A new draft version, copied from the latest submitted one, lines included."""
    report = _lock_report(report)
    draft = report.versions.filter(status=ReportStatus.DRAFT).first()
    if draft is not None:
        return draft
    latest = report.versions.filter(status=ReportStatus.SUBMITTED).order_by("-number").first()
    if latest is None:
        raise ValidationError(_("Nothing has been submitted yet, so there is nothing to correct."), code="nothing")
    version = YearlyReportVersion(report=report, number=latest.number + 1, created_by=actor)
    for name in CONTENT_FIELDS:
        setattr(version, name, getattr(latest, name))
    version.save()
    FundSource.objects.bulk_create(
        FundSource(version=version, source_type=line.source_type, amount=line.amount, description=line.description)
        for line in latest.fund_sources.all()
    )
    Spending.objects.bulk_create(
        Spending(version=version, direction=line.direction, amount=line.amount, description=line.description)
        for line in latest.spending.all()
    )
    audit.record(
        actor=actor, obj=report, action="yearly_report_correction_started", from_state=ReportStatus.SUBMITTED,
        to_state=ReportStatus.DRAFT, message=("report_version", {"number": version.number}),
        data={"state_of": "ngos.yearlyreportversion"},
    )
    return version


@transaction.atomic
def report_discard_draft(*, version: YearlyReportVersion, actor) -> None:
    """Throw a draft away. A report never submitted goes with its only draft."""
    version = _lock_version(version)
    _refuse_unless_draft(version)
    report = _lock_report(version.report)
    audit.record(
        actor=actor, obj=report, action="yearly_report_draft_discarded", from_state=ReportStatus.DRAFT,
        message=("report_version", {"number": version.number}), data={"state_of": "ngos.yearlyreportversion"},
    )
    version.delete()
    if not report.versions.exists():
        report.delete()
