"""The yearly NGO-database report: one per NGO and year, its content kept as versions.

A version is a draft until a head submits it; a submitted version never changes again. A
correction is a new version that starts as a copy of the last submitted one. The NGO is listed
in the NGO database for the year from its first submission; that moment decides lateness.
"""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import FundSourceType, ReportStatus, SpendingDirection
from .organisations import NGO

ASTANA = ZoneInfo("Asia/Almaty")
FIRST_REPORT_YEAR = 2016  # the NGO database has been kept since 2016


def report_deadline(year: int) -> datetime:
    """The first moment a report for `year` is late: 1 April of the next year, 00:00 Astana time.

    The report is due 31 March; anything filed during that day, Astana time, is on time.
    """
    return datetime(year + 1, 4, 1, tzinfo=ASTANA)


def report_due_date(year: int) -> date:
    """The day the report for `year` is due: 31 March of the next year."""
    return date(year + 1, 3, 31)


def last_reporting_year(today=None) -> int:
    """The latest year whose report can be filed: the year that has ended."""
    today = today or timezone.localdate(timezone=ASTANA)
    return today.year - 1


class YearlyReport(models.Model):
    ngo = models.ForeignKey(NGO, verbose_name=_("NGO"), on_delete=models.CASCADE, related_name="yearly_reports")
    year = models.PositiveSmallIntegerField(_("year"))
    first_submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("yearly NGO-database report")
        verbose_name_plural = _("yearly NGO-database reports")
        ordering = ["ngo", "-year"]
        constraints = [models.UniqueConstraint(fields=["ngo", "year"], name="one_yearly_report_per_ngo_and_year")]
        indexes = [
            models.Index(fields=["year", "first_submitted_at"], name="ngos_report_year_submitted"),
            # The NGOs listed for a year, in id order: joined with ngos_ngo_verified_id for the home figures.
            models.Index(fields=["year", "ngo"], name="ngos_report_year_filed_ngo",
                         condition=models.Q(first_submitted_at__isnull=False)),
        ]

    def __str__(self):
        return f"{self.ngo} — {self.year}"

    @property
    def deadline(self) -> datetime:
        return report_deadline(self.year)

    @property
    def is_listed(self) -> bool:
        return self.first_submitted_at is not None

    @property
    def is_late(self) -> bool:
        """Filed after the deadline, or still not filed once the deadline has passed."""
        moment = self.first_submitted_at or timezone.now()
        return moment >= self.deadline


class YearlyReportVersion(models.Model):
    report = models.ForeignKey(
        YearlyReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(_("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT)

    founders = models.TextField(
        _("founders and members"), blank=True,
        help_text=_("Founders (participants) by name, and the members if the NGO has membership."),
    )
    members_count = models.PositiveIntegerField(_("number of members"), null=True, blank=True)
    property_description = models.TextField(
        _("property"), blank=True,
        help_text=_("Buildings, vehicles, equipment and other property the NGO owns or uses."),
    )
    property_value = models.DecimalField(
        _("book value of the property at the end of the year, ₸"), max_digits=16, decimal_places=2,
        null=True, blank=True, validators=[MinValueValidator(Decimal("0"))],
    )
    activities = models.TextField(_("activities carried out"), blank=True)
    beneficiaries = models.TextField(_("beneficiaries"), blank=True, help_text=_("Who benefited, and how."))
    beneficiaries_count = models.PositiveIntegerField(_("number of beneficiaries"), null=True, blank=True)
    staff_count = models.PositiveIntegerField(_("number of staff"), null=True, blank=True)
    volunteers_count = models.PositiveIntegerField(_("number of volunteers"), null=True, blank=True)
    correction_note = models.TextField(_("what is corrected and why"), blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("version of a yearly report")
        verbose_name_plural = _("versions of yearly reports")
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="unique_yearly_report_version"),
            models.UniqueConstraint(
                fields=["report"], condition=models.Q(status="draft"), name="one_draft_per_yearly_report"
            ),
        ]

    def __str__(self):
        return f"{self.report} v{self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == ReportStatus.DRAFT


class FundSource(models.Model):
    version = models.ForeignKey(
        YearlyReportVersion, verbose_name=_("report version"), on_delete=models.CASCADE, related_name="fund_sources"
    )
    source_type = models.CharField(_("source"), max_length=32, choices=FundSourceType.choices)
    amount = models.DecimalField(
        _("amount, ₸"), max_digits=16, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    description = models.CharField(_("details"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("source of funds")
        verbose_name_plural = _("sources of funds")
        ordering = ["version", "id"]

    def __str__(self):
        return f"{self.get_source_type_display()}: {self.amount}"


class Spending(models.Model):
    version = models.ForeignKey(
        YearlyReportVersion, verbose_name=_("report version"), on_delete=models.CASCADE, related_name="spending"
    )
    direction = models.CharField(_("direction"), max_length=32, choices=SpendingDirection.choices)
    amount = models.DecimalField(
        _("amount, ₸"), max_digits=16, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    description = models.CharField(_("details"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("direction of spending")
        verbose_name_plural = _("directions of spending")
        ordering = ["version", "id"]

    def __str__(self):
        return f"{self.get_direction_display()}: {self.amount}"
