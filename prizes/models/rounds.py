from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import money
from portal.translation import Translated

from ..choices import DEFAULT_MIN_AWARD_MCI, MAX_NOMINATIONS, RoundPhase, RoundStatus


class Round(models.Model):
    """A yearly round of the state awards. Staff move it draft → announced; the clock then makes it open
    (opens_at ≤ now < closes_at) and closed; staff start the review, the council decides, the decision is
    published."""

    fiscal_year = models.OneToOneField(
        "grants.FiscalYear", verbose_name=_("year"), on_delete=models.PROTECT, related_name="prize_round",
        help_text=_("One round a year; the year's MCI comes from the budget year."),
    )
    description_kk = models.TextField(_("description (Kazakh)"), blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    opens_at = models.DateTimeField(_("applications open"))
    closes_at = models.DateTimeField(_("applications close"))
    min_award_mci = models.PositiveIntegerField(
        _("minimum award, MCI"), default=DEFAULT_MIN_AWARD_MCI, validators=[MinValueValidator(1)],
        help_text=_("No award may be smaller; 2,000 MCI unless the rules of the year say otherwise."),
    )
    fund = models.DecimalField(
        _("total fund, tenge"), max_digits=16, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    status = models.CharField(_("status"), max_length=16, choices=RoundStatus.choices, default=RoundStatus.DRAFT)
    announced_at = models.DateTimeField(_("announced at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    description = Translated("description")

    class Meta:
        verbose_name = _("award round")
        verbose_name_plural = _("award rounds")
        ordering = ["-fiscal_year__year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="prize_round_closes_after_opening"
            ),
        ]

    def __str__(self):
        return str(self.year)

    def get_absolute_url(self):
        return reverse("prizes:round", kwargs={"year": self.year})

    @property
    def year(self) -> int:
        return self.fiscal_year.year

    @property
    def mci(self) -> Decimal:
        return self.fiscal_year.mci

    @property
    def min_award(self) -> Decimal:
        """The smallest award of the round in tenge: minimum MCI × the year's MCI, to the tiyn."""
        return money.line_amount(self.min_award_mci, self.fiscal_year.mci)

    def phase_at(self, at: datetime) -> str:
        if self.status != RoundStatus.ANNOUNCED:
            return self.status
        if at < self.opens_at:
            return RoundPhase.ANNOUNCED
        if at < self.closes_at:
            return RoundPhase.OPEN
        return RoundPhase.CLOSED

    @property
    def phase(self) -> str:
        return self.phase_at(timezone.now())

    def get_phase_display(self) -> str:
        return RoundPhase(self.phase).label

    def is_accepting_at(self, at: datetime) -> bool:
        """Open when opens_at <= at < closes_at, to the microsecond, as for calls."""
        return self.status == RoundStatus.ANNOUNCED and self.opens_at <= at < self.closes_at

    @property
    def is_public(self) -> bool:
        return self.announced_at is not None


class Nomination(models.Model):
    """A sphere of a round with its number of awards and the amount of one award; several winners of one
    award share its amount equally."""

    round = models.ForeignKey(Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="nominations")
    number = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1), MaxValueValidator(MAX_NOMINATIONS)]
    )
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description_kk = models.TextField(_("description (Kazakh)"), blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    awards = models.PositiveSmallIntegerField(_("number of awards"), default=1, validators=[MinValueValidator(1)])
    amount = models.DecimalField(
        _("amount of one award, tenge"), max_digits=16, decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )

    title = Translated("title")
    description = Translated("description")

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["round", "number"]
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="nomination_number_unique_in_round"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return reverse("prizes:nomination", kwargs={"year": self.round.year, "number": self.number})

    @property
    def total(self) -> Decimal:
        return money.line_amount(self.awards, self.amount)
