from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..choices import GrantStatus
from ..conditions import default_tranches, parse_schedule

MONEY = {"max_digits": 16, "decimal_places": 2}


class CallTerms(models.Model):
    """What a call's agreements say about money and reports (configurable per call; defaults when absent)."""

    call = models.OneToOneField("grants.Call", verbose_name=_("call"), on_delete=models.CASCADE,
                                related_name="agreement_terms")
    tranches = models.JSONField(
        _("tranche schedule"), default=default_tranches,
        help_text=_("A list of tranches: share in percent and condition (on_signing, report_accepted:interim, "
                    "report_accepted:final or manual:<text>). The shares add up to 100."),
    )
    interim_report = models.BooleanField(_("interim report at the middle of the term"), default=True)
    final_report_working_days = models.PositiveSmallIntegerField(
        _("final report due, working days after the end"), default=10
    )

    class Meta:
        verbose_name = _("terms of the call's agreements")
        verbose_name_plural = _("terms of the calls' agreements")

    def __str__(self):
        return str(self.call)

    def clean(self):
        try:
            parse_schedule(self.tranches)
        except ValidationError as error:
            raise ValidationError({"tranches": error.messages}) from None


class Grant(models.Model):
    """An awarded grant: the winner of a lot, from the commission's decision until the project ends."""

    number = models.CharField(_("grant number"), max_length=40, unique=True)
    application = models.OneToOneField("grants.Application", verbose_name=_("application"),
                                       on_delete=models.PROTECT, related_name="grant")
    ngo = models.ForeignKey("ngos.NGO", verbose_name=_("NGO"), on_delete=models.PROTECT,
                            related_name="awarded_grants")
    lot = models.ForeignKey("grants.Lot", verbose_name=_("lot"), on_delete=models.PROTECT,
                            related_name="awarded_grants")
    call = models.ForeignKey("grants.Call", verbose_name=_("call"), on_delete=models.PROTECT,
                             related_name="awarded_grants")
    title = models.CharField(_("project title"), max_length=500)
    amount = models.DecimalField(_("amount awarded, tenge"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY)
    awarded_on = models.DateField(_("award date"))
    sign_by = models.DateField(_("sign the agreement by"))
    starts_on = models.DateField(_("planned start"))
    ends_on = models.DateField(_("planned end"))
    interim_report_due = models.DateField(_("interim report due"), null=True, blank=True)
    final_report_due = models.DateField(_("final report due"))
    indicators = models.JSONField(_("indicators"), default=list)
    activities = models.JSONField(_("activity plan"), default=list)
    budget = models.JSONField(_("budget by category"), default=dict)
    status = models.CharField(_("status"), max_length=20, choices=GrantStatus.choices, default=GrantStatus.AWARDED)
    reason = models.TextField(_("reason"), blank=True,
                              help_text=_("Why the grant was declined or terminated (public)."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("awarded grant")
        verbose_name_plural = _("awarded grants")
        ordering = ["-awarded_on", "number"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")),
                                   name="grant_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    def get_absolute_url(self):
        return reverse("agreements:grant", kwargs={"number": self.number})

    @property
    def is_open_for_signing(self) -> bool:
        return self.status == GrantStatus.AWARDED
