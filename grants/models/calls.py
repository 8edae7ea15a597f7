from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.translation import Translated

from ..choices import CallPhase, CallStatus, DocumentKind


class Call(models.Model):
    """A call for applications (конкурс). Staff move it draft → announced (or cancelled); from then on the
    clock decides: announced until opens_at, open until closes_at (exclusive), closed after."""

    customer = models.ForeignKey(
        "grants.Customer", verbose_name=_("customer"), on_delete=models.PROTECT, related_name="calls"
    )
    fiscal_year = models.ForeignKey(
        "grants.FiscalYear", verbose_name=_("year"), on_delete=models.PROTECT, related_name="calls"
    )
    number = models.PositiveSmallIntegerField(_("number"), help_text=_("The call's number within the year."))
    code = models.SlugField(
        _("code"), max_length=20, unique=True, editable=False,
        help_text=_("The year and number (2027-03): the call's address on the portal."),
    )
    title_kk = models.CharField(_("title (Kazakh)"), max_length=500)
    title_ru = models.CharField(_("title (Russian)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    description_kk = models.TextField(_("description (Kazakh)"), blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    opens_at = models.DateTimeField(_("applications open"))
    closes_at = models.DateTimeField(_("applications close"))

    status = models.CharField(_("status"), max_length=16, choices=CallStatus.choices, default=CallStatus.DRAFT)
    announced_at = models.DateTimeField(_("announced at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancellation_reason_kk = models.TextField(_("reason for cancellation (Kazakh)"), blank=True)
    cancellation_reason_ru = models.TextField(_("reason for cancellation (Russian)"), blank=True)
    cancellation_reason_en = models.TextField(_("reason for cancellation (English)"), blank=True)

    cloned_from = models.ForeignKey(
        "self", verbose_name=_("copied from"), null=True, blank=True, on_delete=models.SET_NULL, related_name="clones"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    title = Translated("title")
    description = Translated("description")
    cancellation_reason = Translated("cancellation_reason")

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-opens_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "number"], name="call_number_unique_in_year"),
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="call_closes_after_opening"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("calls:detail", kwargs={"call": self.code})

    @staticmethod
    def make_code(year: int, number: int) -> str:
        return f"{year}-{number:02d}"

    def phase_at(self, at: datetime) -> str:
        if self.status != CallStatus.ANNOUNCED:
            return self.status  # draft or cancelled: the clock changes nothing
        if at < self.opens_at:
            return CallPhase.ANNOUNCED
        if at < self.closes_at:
            return CallPhase.OPEN
        return CallPhase.CLOSED

    @property
    def phase(self) -> str:
        return self.phase_at(timezone.now())

    def get_phase_display(self) -> str:
        return CallPhase(self.phase).label

    def is_accepting_applications(self, at: datetime) -> bool:
        """Open when opens_at <= at < closes_at, exact to the microsecond: 18:29:59.999 is in, 18:30 is out."""
        return self.status == CallStatus.ANNOUNCED and self.opens_at <= at < self.closes_at

    def is_open(self, now: datetime | None = None) -> bool:
        return self.is_accepting_applications(now or timezone.now())

    @property
    def is_public(self) -> bool:
        """Announced calls are public for good, also once cancelled: the reason is published."""
        return self.announced_at is not None


class DeadlineExtension(models.Model):
    """A deadline moved later before it passed, with the reason shown on the call page."""

    call = models.ForeignKey(Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="extensions")
    previous_closes_at = models.DateTimeField(_("previous deadline"))
    new_closes_at = models.DateTimeField(_("new deadline"))
    reason_kk = models.TextField(_("reason (Kazakh)"))
    reason_ru = models.TextField(_("reason (Russian)"))
    reason_en = models.TextField(_("reason (English)"), blank=True)
    extended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("extended by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    extended_at = models.DateTimeField(_("extended at"), default=timezone.now)

    reason = Translated("reason")

    class Meta:
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")
        ordering = ["extended_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(new_closes_at__gt=models.F("previous_closes_at")), name="extension_moves_later"
            ),
        ]

    def __str__(self):
        return f"{self.call.code}: {self.previous_closes_at:%Y-%m-%d %H:%M} → {self.new_closes_at:%Y-%m-%d %H:%M}"


def call_document_path(instance, filename):
    return f"calls/{instance.call.code}/{filename}"


class CallDocument(models.Model):
    """A document published with a call: its rules, application templates and so on."""

    call = models.ForeignKey(Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("type"), max_length=16, choices=DocumentKind.choices, default=DocumentKind.RULES)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    file = models.FileField(_("file"), upload_to=call_document_path, max_length=300)
    content_type = models.CharField(_("file format"), max_length=100)
    size = models.PositiveBigIntegerField(_("size, bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    title = Translated("title")

    class Meta:
        verbose_name = _("call document")
        verbose_name_plural = _("call documents")
        ordering = ["kind", "uploaded_at", "id"]

    def __str__(self):
        return self.title

    @property
    def extension(self) -> str:
        return self.file.name.rsplit(".", 1)[-1].upper() if "." in self.file.name else ""
