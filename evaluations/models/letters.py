from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import LetterStatus


class ResultLetter(models.Model):
    """The letter telling an applicant the commission's decision: drafted in the outbox, read, edited, sent."""

    application = models.OneToOneField(
        "grants.Application", verbose_name=_("application"), on_delete=models.PROTECT, related_name="result_letter"
    )
    meeting = models.ForeignKey(
        "evaluations.Meeting", verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="letters"
    )
    language = models.CharField(_("language"), max_length=2)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=8, choices=LetterStatus.choices, default=LetterStatus.DRAFT)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("last edited by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    updated_at = models.DateTimeField(_("last edited"), auto_now=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    recipients = models.JSONField(_("sent to"), default=list, blank=True)

    class Meta:
        verbose_name = _("result letter")
        verbose_name_plural = _("result letters")
        ordering = ["meeting", "application__lot__code", "application__sequence", "id"]

    def __str__(self):
        return self.subject

    @property
    def is_sent(self) -> bool:
        return self.status == LetterStatus.SENT
