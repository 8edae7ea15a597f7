from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal import money
from portal.translation import Translated

from ..choices import GrantType

LOT_CODE_RE = r"^[0-9]{4}(-[A-Z0-9]+)+$"

validate_lot_code = RegexValidator(
    LOT_CODE_RE,
    _("A lot code is the year followed by parts in capital Latin letters or digits, separated by hyphens: "
      "2027-ALM-03."),
    code="lot_code",
)

MONEY = {"max_digits": 16, "decimal_places": 2}


class Lot(models.Model):
    """One part of a call: a region (or national), a direction, a grant type, a budget and its justification."""

    call = models.ForeignKey("grants.Call", verbose_name=_("call"), on_delete=models.CASCADE, related_name="lots")
    code = models.CharField(
        _("code"), max_length=40, unique=True, validators=[validate_lot_code],
        help_text=_("Unique within the year, starting with the year: 2027-ALM-03."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    direction = models.ForeignKey(
        "grants.PriorityDirection", verbose_name=_("priority direction"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="lots",
    )
    title_kk = models.CharField(_("title (Kazakh)"), max_length=500, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=500, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    region = models.ForeignKey(
        "portal.Region", verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="lots", help_text=_("Empty for a national lot."),
    )
    grant_type = models.CharField(_("grant type"), max_length=16, choices=GrantType.choices)
    term_months = models.PositiveSmallIntegerField(_("term, months"))
    budget = models.DecimalField(_("budget, tenge"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY)
    grants_count = models.PositiveSmallIntegerField(
        _("number of grants"), default=1, validators=[MinValueValidator(1)]
    )

    # Terms of reference (техникалық тапсырма / техническое задание).
    problem_kk = models.TextField(_("problem (Kazakh)"), blank=True)
    problem_ru = models.TextField(_("problem (Russian)"), blank=True)
    problem_en = models.TextField(_("problem (English)"), blank=True)
    target_groups_kk = models.TextField(_("target groups (Kazakh)"), blank=True)
    target_groups_ru = models.TextField(_("target groups (Russian)"), blank=True)
    target_groups_en = models.TextField(_("target groups (English)"), blank=True)
    expected_results_kk = models.TextField(_("expected results (Kazakh)"), blank=True)
    expected_results_ru = models.TextField(_("expected results (Russian)"), blank=True)
    expected_results_en = models.TextField(_("expected results (English)"), blank=True)
    requirements_kk = models.TextField(_("requirements (Kazakh)"), blank=True)
    requirements_ru = models.TextField(_("requirements (Russian)"), blank=True)
    requirements_en = models.TextField(_("requirements (English)"), blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    title = Translated("title")
    problem = Translated("problem")
    target_groups = Translated("target_groups")
    expected_results = Translated("expected_results")
    requirements = Translated("requirements")

    # The texts a lot must have in Kazakh and in Russian before its call can be announced.
    OFFICIAL_FIELDS = ["title", "problem", "target_groups", "expected_results", "requirements"]

    class Meta:
        verbose_name = _("lot")
        verbose_name_plural = _("lots")
        ordering = ["call", "position", "code"]
        constraints = [
            models.CheckConstraint(condition=models.Q(budget__gt=0), name="lot_budget_positive"),
            models.CheckConstraint(condition=models.Q(grants_count__gte=1), name="lot_at_least_one_grant"),
            models.CheckConstraint(condition=models.Q(term_months__gte=1), name="lot_term_positive"),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("calls:lot", kwargs={"call": self.call.code, "lot": self.code})

    @property
    def is_national(self) -> bool:
        return self.region_id is None

    def justification_total(self) -> Decimal:
        """Sum of the justification lines; uses prefetched lines when the selector loaded them."""
        cache = getattr(self, "_prefetched_objects_cache", {})
        if "justification_lines" in cache:
            return money.total(line.amount for line in cache["justification_lines"])
        # The same sum of lines each rounded half up (portal.money), not one rounding of the exact sum.
        lines = self.justification_lines.values_list("quantity", "unit_cost")
        return money.total(money.line_amount(quantity, unit_cost) for quantity, unit_cost in lines)


class LotIndicator(models.Model):
    """A result the lot must reach, with its target value: the grantee reports against it."""

    lot = models.ForeignKey(Lot, verbose_name=_("lot"), on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    name_kk = models.CharField(_("indicator (Kazakh)"), max_length=500)
    name_ru = models.CharField(_("indicator (Russian)"), max_length=500)
    name_en = models.CharField(_("indicator (English)"), max_length=500, blank=True)
    unit_kk = models.CharField(_("unit (Kazakh)"), max_length=60)
    unit_ru = models.CharField(_("unit (Russian)"), max_length=60)
    unit_en = models.CharField(_("unit (English)"), max_length=60, blank=True)
    target_value = models.DecimalField(
        _("target value"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )

    name = Translated("name")
    unit = Translated("unit")

    class Meta:
        verbose_name = _("lot indicator")
        verbose_name_plural = _("lot indicators")
        ordering = ["lot", "position", "id"]

    def __str__(self):
        return f"{self.name}: {self.target_value} {self.unit}"


class CostJustificationLine(models.Model):
    """One line of the published cost justification: the lines add up to the lot budget."""

    lot = models.ForeignKey(
        Lot, verbose_name=_("lot"), on_delete=models.CASCADE, related_name="justification_lines"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    item_kk = models.CharField(_("item (Kazakh)"), max_length=500)
    item_ru = models.CharField(_("item (Russian)"), max_length=500)
    item_en = models.CharField(_("item (English)"), max_length=500, blank=True)
    unit_kk = models.CharField(_("unit (Kazakh)"), max_length=60)
    unit_ru = models.CharField(_("unit (Russian)"), max_length=60)
    unit_en = models.CharField(_("unit (English)"), max_length=60, blank=True)
    quantity = models.DecimalField(
        _("quantity"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    unit_cost = models.DecimalField(_("unit cost, tenge"), validators=[MinValueValidator(Decimal("0"))], **MONEY)
    source_kk = models.CharField(_("source or norm (Kazakh)"), max_length=500)
    source_ru = models.CharField(_("source or norm (Russian)"), max_length=500)
    source_en = models.CharField(_("source or norm (English)"), max_length=500, blank=True)

    item = Translated("item")
    unit = Translated("unit")
    source = Translated("source")

    class Meta:
        verbose_name = _("cost justification line")
        verbose_name_plural = _("cost justification")
        ordering = ["lot", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="justification_quantity_positive"),
            models.CheckConstraint(condition=models.Q(unit_cost__gte=0), name="justification_unit_cost_not_negative"),
        ]

    def __str__(self):
        return f"{self.item}: {self.quantity} × {self.unit_cost}"

    @property
    def amount(self) -> Decimal:
        return money.line_amount(self.quantity, self.unit_cost)
