from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..choices import CandidacyLanguage, CandidacyStatus


class Candidacy(models.Model):
    """An NGO's application for one nomination, submitted by its head with a receipt (number, time, SHA-256
    of the content). A withdrawn candidacy stays, with its reason; the NGO may apply again while it is open."""

    round = models.ForeignKey("prizes.Round", verbose_name=_("round"), on_delete=models.PROTECT,
                              related_name="candidacies")
    nomination = models.ForeignKey("prizes.Nomination", verbose_name=_("nomination"), on_delete=models.PROTECT,
                                   related_name="candidacies")
    ngo = models.ForeignKey("ngos.NGO", verbose_name=_("NGO"), on_delete=models.PROTECT,
                            related_name="prize_candidacies")
    proposal = models.OneToOneField(
        "prizes.Proposal", verbose_name=_("public proposal"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="candidacy",
    )
    number = models.CharField(_("number"), max_length=20, unique=True)
    status = models.CharField(_("status"), max_length=16, choices=CandidacyStatus.choices,
                              default=CandidacyStatus.SUBMITTED)
    language = models.CharField(_("language of the candidacy"), max_length=2, choices=CandidacyLanguage.choices)
    activities = models.TextField(_("activities of the past years"))
    results = models.TextField(_("results and figures"))
    links = models.TextField(_("links"), blank=True, help_text=_("One address a line: publications, reports, media."))
    support_letters = models.TextField(_("letters of support"), blank=True,
                                       help_text=_("Who supports the candidacy and what they say."))
    content_sha256 = models.CharField(_("SHA-256 of the content"), max_length=64)
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True,
                                     on_delete=models.SET_NULL, related_name="+")
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)

    class Meta:
        verbose_name = _("candidacy")
        verbose_name_plural = _("candidacies")
        ordering = ["number"]
        constraints = [
            # One live candidacy per NGO and nomination; withdrawn ones are history.
            models.UniqueConstraint(fields=["nomination", "ngo"], condition=~Q(status="withdrawn"),
                                    name="one_candidacy_per_nomination"),
        ]

    def __str__(self):
        return self.number


class Proposal(models.Model):
    """Anyone signed in proposes an NGO for a nomination with a reason; the NGO is told and its head may turn
    the proposal into a candidacy while the round is open."""

    round = models.ForeignKey("prizes.Round", verbose_name=_("round"), on_delete=models.PROTECT,
                              related_name="proposals")
    nomination = models.ForeignKey("prizes.Nomination", verbose_name=_("nomination"), on_delete=models.PROTECT,
                                   related_name="proposals")
    ngo = models.ForeignKey("ngos.NGO", verbose_name=_("NGO"), on_delete=models.PROTECT,
                            related_name="prize_proposals")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), null=True,
                                    on_delete=models.SET_NULL, related_name="prize_proposals")
    reason = models.TextField(_("why this NGO deserves the award"))
    created_at = models.DateTimeField(_("proposed at"))

    class Meta:
        verbose_name = _("public proposal")
        verbose_name_plural = _("public proposals")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["nomination", "ngo", "proposed_by"], name="one_proposal_per_person"),
        ]

    def __str__(self):
        return f"{self.ngo} — {self.nomination}"
