from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import AmendmentKind, AmendmentStatus


def amendment_path(instance, filename):
    return f"agreements/{instance.grant.call_id}/amendments/{filename}"


class Amendment(models.Model):
    """A supplementary agreement the head requests (budget reallocation, a longer term, an activity's new
    dates) and staff approve or reject; approved, it is numbered, rendered and changes the grant."""

    grant = models.ForeignKey("agreements.Grant", verbose_name=_("grant"), on_delete=models.CASCADE,
                              related_name="amendments")
    number = models.PositiveSmallIntegerField(_("number"))
    kind = models.CharField(_("type"), max_length=20, choices=AmendmentKind.choices)
    justification = models.TextField(_("justification"))
    # What changes: {"budget": {category: amount}} | {"ends_on": "YYYY-MM-DD"} |
    # {"activity": position, "starts_on": ..., "ends_on": ...}; and what it was, for the record.
    changes = models.JSONField(_("changes"), default=dict)
    previous = models.JSONField(_("before the change"), default=dict)
    status = models.CharField(_("status"), max_length=10, choices=AmendmentStatus.choices,
                              default=AmendmentStatus.REQUESTED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"),
                                     on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    pdf = models.FileField(_("supplementary agreement (PDF)"), upload_to=amendment_path, max_length=300, blank=True)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("supplementary agreement")
        verbose_name_plural = _("supplementary agreements")
        ordering = ["grant", "number"]
        constraints = [models.UniqueConstraint(fields=["grant", "number"], name="one_amendment_per_number")]

    def __str__(self):
        return f"{self.grant.number}/{self.number}"

    @property
    def full_number(self) -> str:
        return f"{self.grant.number}-A{self.number}"


class BudgetVersion(models.Model):
    """The grant's budget by category as it stood from a date: the award's, then each approved reallocation.
    Earlier versions stay readable; reports compare against the version in force."""

    grant = models.ForeignKey("agreements.Grant", verbose_name=_("grant"), on_delete=models.CASCADE,
                              related_name="budget_versions")
    version = models.PositiveSmallIntegerField(_("version"))
    by_category = models.JSONField(_("budget by category"))
    in_force_from = models.DateField(_("in force from"))
    amendment = models.OneToOneField(Amendment, verbose_name=_("supplementary agreement"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="budget_version")

    class Meta:
        verbose_name = _("budget version")
        verbose_name_plural = _("budget versions")
        ordering = ["grant", "version"]
        constraints = [models.UniqueConstraint(fields=["grant", "version"], name="one_budget_version_per_number")]

    def __str__(self):
        return f"{self.grant.number} v{self.version}"
