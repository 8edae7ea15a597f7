from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.translation import Translated

from ..choices import ClarificationStatus, QuestionLanguage


class Clarification(models.Model):
    """A question an NGO asks while a call is open. Private until staff answer it in kk and ru and
    publish it; then every applicant reads it on the call page."""

    call = models.ForeignKey(
        "grants.Call", verbose_name=_("call"), on_delete=models.CASCADE, related_name="clarifications"
    )
    lot = models.ForeignKey(
        "grants.Lot", verbose_name=_("lot"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="clarifications", help_text=_("Leave empty when the question is about the whole call."),
    )
    ngo = models.ForeignKey("ngos.NGO", verbose_name=_("NGO"), on_delete=models.PROTECT, related_name="clarifications")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("asked by"), on_delete=models.PROTECT, related_name="clarifications"
    )
    question = models.TextField(_("question"))
    language = models.CharField(_("language of the question"), max_length=2, choices=QuestionLanguage.choices)
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now)

    status = models.CharField(
        _("status"), max_length=16, choices=ClarificationStatus.choices, default=ClarificationStatus.PENDING
    )
    # The wording published for everyone, in both official languages (the asker's NGO is not named).
    question_kk = models.TextField(_("question as published (Kazakh)"), blank=True)
    question_ru = models.TextField(_("question as published (Russian)"), blank=True)
    answer_kk = models.TextField(_("answer (Kazakh)"), blank=True)
    answer_ru = models.TextField(_("answer (Russian)"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    published_question = Translated("question")
    answer = Translated("answer")

    class Meta:
        verbose_name = _("clarification")
        verbose_name_plural = _("clarifications")
        ordering = ["asked_at", "id"]

    def __str__(self):
        return f"{self.call.code} #{self.pk}"
