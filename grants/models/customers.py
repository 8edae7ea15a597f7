from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ngos.bin import validate_bin
from portal.translation import Translated

from ..choices import GRANT_TYPE_RULES, CustomerKind


class Customer(models.Model):
    """The state body (ministry or akimat) that pays for a call."""

    name_kk = models.CharField(_("name (Kazakh)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    short_name_kk = models.CharField(_("short name (Kazakh)"), max_length=120, blank=True)
    short_name_ru = models.CharField(_("short name (Russian)"), max_length=120, blank=True)
    short_name_en = models.CharField(_("short name (English)"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=CustomerKind.choices)
    region = models.ForeignKey(
        "portal.Region", verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="customers", help_text=_("Empty for a national body (a ministry)."),
    )
    bin = models.CharField(_("BIN"), max_length=12, unique=True, validators=[validate_bin])
    representatives = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("representatives"), blank=True, related_name="customers",
        help_text=_("Users of the customer who read its calls and results."),
    )

    name = Translated("name")
    short_name = Translated("short_name")

    class Meta:
        verbose_name = _("customer")
        verbose_name_plural = _("customers")
        ordering = ["name_ru"]

    def __str__(self):
        return self.short_name or self.name


class FiscalYear(models.Model):
    """A budget year and its monthly calculation index (MCI), set each year by the budget law."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    mci = models.DecimalField(
        _("MCI, tenge"), max_digits=10, decimal_places=2, validators=[MinValueValidator(Decimal("1"))],
        help_text=_("The monthly calculation index for the year, in tenge."),
    )

    class Meta:
        verbose_name = _("fiscal year")
        verbose_name_plural = _("fiscal years")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)

    def budget_limits(self, grant_type) -> tuple[Decimal, Decimal | None]:
        """The allowed grant size for a type in tenge: (minimum, maximum or None)."""
        rule = GRANT_TYPE_RULES[grant_type]
        low = self.mci * rule.min_mci
        high = self.mci * rule.max_mci if rule.max_mci is not None else None
        return low, high
