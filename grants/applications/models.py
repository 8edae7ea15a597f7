"""An NGO's application to a lot: the draft it edits, the snapshots it submits, and the documents it attaches."""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.money import line_amount

from .choices import (
    EDITABLE_STATUSES,
    ApplicationLanguage,
    ApplicationStatus,
    BudgetCategory,
    DocumentKind,
    Section,
)

MONEY = {"max_digits": 16, "decimal_places": 2}

__all__ = [
    "Application",
    "ApplicationActivity",
    "ApplicationDocument",
    "ApplicationIndicator",
    "ApplicationSection",
    "BudgetLine",
    "CallCounter",
    "DraftConflict",
    "Submission",
]


class Application(models.Model):
    """One NGO's application to one lot. Members edit it while it is a draft; the head submits it."""

    lot = models.ForeignKey("grants.Lot", verbose_name=_("lot"), on_delete=models.PROTECT, related_name="applications")
    ngo = models.ForeignKey("ngos.NGO", verbose_name=_("NGO"), on_delete=models.PROTECT, related_name="applications")
    status = models.CharField(
        _("status"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT, db_index=True
    )
    # Every saved change adds one: the snapshot records which revision was submitted.
    version = models.PositiveIntegerField(_("revision"), default=0)

    language = models.CharField(
        _("language of the application"), max_length=2, choices=ApplicationLanguage.choices, blank=True
    )
    title = models.CharField(_("project title"), max_length=500, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    problem = models.TextField(_("problem"), blank=True)
    goals = models.TextField(_("goals and objectives"), blank=True)
    target_groups = models.TextField(_("target groups"), blank=True)
    beneficiaries_count = models.PositiveIntegerField(_("number of beneficiaries"), null=True, blank=True)
    team = models.TextField(_("project team"), blank=True)
    partners = models.TextField(_("partners"), blank=True)
    risks = models.TextField(_("risks and how they are managed"), blank=True)
    sustainability = models.TextField(_("sustainability"), blank=True)

    declares_accuracy = models.BooleanField(_("the information is true and complete"), default=False)
    declares_eligibility = models.BooleanField(_("the NGO is eligible"), default=False)
    consents_publication = models.BooleanField(_("consent to publication"), default=False)

    registration_number = models.CharField(_("registration number"), max_length=40, blank=True)
    sequence = models.PositiveIntegerField(_("number within the call"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["lot", "ngo"], name="one_application_per_lot_and_ngo"),
            models.UniqueConstraint(
                fields=["registration_number"], condition=~models.Q(registration_number=""),
                name="application_registration_number_unique",
            ),
        ]

    def __str__(self):
        label = self.registration_number or f"#{self.pk}"
        return f"{label} {self.title}".strip()

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("applications:detail", kwargs={"pk": self.pk})

    @property
    def call(self):
        return self.lot.call

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def display_title(self) -> str:
        return self.title or _("Untitled application")

    def budget_total(self) -> Decimal:
        """Uses the prefetched lines when the selector loaded them."""
        return sum((line.amount for line in self.budget_lines.all()), Decimal("0"))


class ApplicationSection(models.Model):
    """When a section was last saved and its version: the optimistic lock of autosave."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="sections")
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    version = models.PositiveIntegerField(_("version"), default=0)
    saved_at = models.DateTimeField(_("saved at"), null=True, blank=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("saved by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("application section")
        verbose_name_plural = _("application sections")
        constraints = [models.UniqueConstraint(fields=["application", "section"], name="one_row_per_section")]

    def __str__(self):
        return f"{self.application_id}/{self.section} v{self.version}"


class ApplicationActivity(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="activities")
    position = models.PositiveSmallIntegerField(default=0)
    activity = models.CharField(_("activity"), max_length=500, blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    outputs = models.TextField(_("outputs"), blank=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activity plan")
        ordering = ["application", "position", "id"]

    def __str__(self):
        return self.activity


class ApplicationIndicator(models.Model):
    """A result the project promises: every indicator of the lot, and any the NGO adds."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveSmallIntegerField(default=0)
    lot_indicator = models.ForeignKey(
        "grants.LotIndicator", verbose_name=_("indicator of the lot"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    name = models.CharField(_("indicator"), max_length=500, blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2, null=True, blank=True)
    verification = models.CharField(_("means of verification"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("results and indicators")
        ordering = ["application", "position", "id"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.lot_indicator.name if self.lot_indicator_id else self.name

    @property
    def display_unit(self) -> str:
        return self.lot_indicator.unit if self.lot_indicator_id else self.unit


class BudgetLine(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="budget_lines")
    position = models.PositiveSmallIntegerField(default=0)
    category = models.CharField(_("category"), max_length=20, choices=BudgetCategory.choices, blank=True)
    description = models.CharField(_("description"), max_length=500, blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    quantity = models.DecimalField(
        _("quantity"), max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    unit_cost = models.DecimalField(
        _("unit cost, tenge"), null=True, blank=True, validators=[MinValueValidator(0)], **MONEY
    )

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget")
        ordering = ["application", "position", "id"]

    def __str__(self):
        return f"{self.get_category_display()}: {self.description}"

    @property
    def amount(self) -> Decimal:
        return line_amount(self.quantity, self.unit_cost)


def application_document_path(instance, filename):
    # A random folder: a file's address cannot be guessed even where media is served directly.
    return f"applications/{instance.application_id}/{secrets.token_hex(8)}/{filename}"


class ApplicationDocument(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("type"), max_length=24, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to=application_document_path, max_length=300)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("file format"), max_length=100)
    size = models.PositiveBigIntegerField(_("size, bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"))

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ["application", "kind", "uploaded_at", "id"]

    def __str__(self):
        return self.name


class DraftConflict(models.Model):
    """A save refused because someone else saved the section first: the refused text is kept here."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="conflicts")
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    base_version = models.PositiveIntegerField(_("version it was based on"))
    current_version = models.PositiveIntegerField(_("version saved meanwhile"))
    data = models.JSONField(_("text that was not saved"), default=dict)
    created_at = models.DateTimeField(_("kept at"))
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("conflicting version")
        verbose_name_plural = _("conflicting versions")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.application_id}/{self.section} ({self.base_version} < {self.current_version})"


class CallCounter(models.Model):
    """The last registration number given in a call; its row is locked while a number is taken."""

    call = models.OneToOneField("grants.Call", on_delete=models.CASCADE, primary_key=True, related_name="+")
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("registration counter")
        verbose_name_plural = _("registration counters")

    def __str__(self):
        return f"{self.call_id}: {self.last_number}"


def receipt_path(instance, filename):
    return f"receipts/{instance.application_id}/{secrets.token_hex(8)}/{filename}"


class Submission(models.Model):
    """What the head submitted, frozen: every section and the SHA-256 of every document, with its hash."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="submissions")
    number = models.CharField(_("registration number"), max_length=40)
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), on_delete=models.PROTECT, related_name="+"
    )
    language = models.CharField(_("language"), max_length=2, choices=ApplicationLanguage.choices)
    snapshot = models.JSONField(_("snapshot"))
    snapshot_sha256 = models.CharField(_("SHA-256 of the snapshot"), max_length=64)
    receipt = models.FileField(_("receipt"), upload_to=receipt_path, max_length=300, blank=True)

    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("withdrawn by"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-submitted_at", "-id"]
        get_latest_by = "submitted_at"

    def __str__(self):
        return f"{self.number} {self.submitted_at:%Y-%m-%d %H:%M:%S}"
