from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import TrancheCondition, TrancheStatus
from .grants import MONEY


class Tranche(models.Model):
    """One payment of the grant, due when its condition is met (by the service that meets it)."""

    grant = models.ForeignKey("agreements.Grant", verbose_name=_("grant"), on_delete=models.CASCADE,
                              related_name="tranches")
    position = models.PositiveSmallIntegerField(_("number"))
    share = models.DecimalField(_("share, %"), max_digits=5, decimal_places=2)
    amount = models.DecimalField(_("amount, tenge"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY)
    condition = models.CharField(_("condition"), max_length=20, choices=TrancheCondition.choices)
    condition_report = models.CharField(_("report"), max_length=20, blank=True)
    condition_text = models.CharField(_("condition, in words"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=TrancheStatus.choices,
                              default=TrancheStatus.PLANNED)
    due_since = models.DateTimeField(_("due since"), null=True, blank=True)
    paid_at = models.DateTimeField(_("paid in full at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        ordering = ["grant", "position"]
        constraints = [models.UniqueConstraint(fields=["grant", "position"], name="one_tranche_per_position")]

    def __str__(self):
        return f"{self.grant.number} / {self.position}"

    @property
    def condition_code(self) -> str:
        """The condition as the schedule and condition_met() name it: on_signing, report_accepted:interim…"""
        if self.condition == TrancheCondition.REPORT_ACCEPTED:
            return f"{self.condition}:{self.condition_report}"
        return self.condition


class Payment(models.Model):
    """A payment the finance officer records against a tranche (never more than what is left of it)."""

    tranche = models.ForeignKey(Tranche, verbose_name=_("tranche"), on_delete=models.PROTECT, related_name="payments")
    paid_on = models.DateField(_("payment date"))
    amount = models.DecimalField(_("amount, tenge"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY)
    order_number = models.CharField(_("payment order number"), max_length=40)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"),
                                    on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["tranche", "paid_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="payment_amount_positive"),
        ]

    def __str__(self):
        return f"{self.tranche}: {self.amount}"
