"""Screening of submitted applications: a check list per application, a decision, and the conclusion per call."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.translation import Translated

from .choices import CheckCode, CheckResult, ScreeningDecision

__all__ = ["Screening", "ScreeningCheck", "ScreeningConclusion"]


class Screening(models.Model):
    """The eligibility check of one submitted application, against the submission it was made on."""

    application = models.OneToOneField(
        "grants.Application", verbose_name=_("application"), on_delete=models.CASCADE, related_name="screening"
    )
    submission = models.ForeignKey(
        "grants.Submission", verbose_name=_("submission screened"), on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(
        _("decision"), max_length=16, choices=ScreeningDecision.choices, default=ScreeningDecision.PENDING
    )
    reason_kk = models.TextField(_("reason (Kazakh)"), blank=True)
    reason_ru = models.TextField(_("reason (Russian)"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(_("started at"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    reason = Translated("reason")

    class Meta:
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")
        ordering = ["application__sequence", "id"]

    def __str__(self):
        return f"{self.application} — {self.get_decision_display()}"


class ScreeningCheck(models.Model):
    screening = models.ForeignKey(Screening, verbose_name=_("screening"), on_delete=models.CASCADE,
                                  related_name="checks")
    position = models.PositiveSmallIntegerField(default=0)
    code = models.CharField(_("check"), max_length=32, choices=CheckCode.choices)
    automatic = models.BooleanField(_("filled in automatically"), default=False)
    # What the portal found (automatic checks), kept to explain the result in any language.
    found = models.CharField(_("found automatically"), max_length=8, choices=CheckResult.choices, blank=True)
    details = models.JSONField(pgettext_lazy("screening check", "details"), default=dict, blank=True)
    result = models.CharField(_("result"), max_length=8, choices=CheckResult.choices, default=CheckResult.PENDING)
    note = models.TextField(_("reason"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("checked by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("screening check")
        verbose_name_plural = _("screening checks")
        ordering = ["screening", "position"]
        constraints = [models.UniqueConstraint(fields=["screening", "code"], name="one_check_of_each_kind")]

    def __str__(self):
        return f"{self.get_code_display()}: {self.get_result_display()}"


def conclusion_path(instance, filename):
    return f"results/{instance.call.code}/{filename}"


class ScreeningConclusion(models.Model):
    """The published list of admitted and not admitted applications of a call (итоговое заключение / қорытынды)."""

    call = models.OneToOneField(
        "grants.Call", verbose_name=_("call"), on_delete=models.PROTECT, related_name="screening_conclusion"
    )
    number = models.CharField(_("number"), max_length=40, unique=True)
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("published by"), null=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    admitted_count = models.PositiveIntegerField(_("admitted"), default=0)
    not_admitted_count = models.PositiveIntegerField(_("not admitted"), default=0)
    pdf_kk = models.FileField(_("PDF in Kazakh"), upload_to=conclusion_path, max_length=300, blank=True)
    pdf_ru = models.FileField(_("PDF in Russian"), upload_to=conclusion_path, max_length=300, blank=True)

    class Meta:
        verbose_name = _("screening conclusion")
        verbose_name_plural = _("screening conclusions")
        ordering = ["-published_at", "-id"]

    def __str__(self):
        return self.number

    def pdf_in(self, language: str):
        return self.pdf_kk if language == "kk" else self.pdf_ru
