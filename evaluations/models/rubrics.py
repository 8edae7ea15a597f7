from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.translation import Translated

# An expert's weighted total is Σ score / maximum × weight, and the weights add up to this: a total
# is on a 0–100 scale whatever the criteria's own maxima are.
MAX_TOTAL = Decimal("100")


class Rubric(models.Model):
    """The criteria a call's applications are scored on. A template (no call) is a starting point that
    staff copy; a call's rubric locks when the first score sheet is submitted."""

    call = models.OneToOneField(
        "grants.Call", verbose_name=_("call"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="rubric",
    )
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    overall_threshold = models.DecimalField(
        _("overall threshold"), max_digits=5, decimal_places=2, default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_TOTAL)],
        help_text=_("The lowest mean weighted total (out of 100) an application may have to be recommended."),
    )
    dispersion_percent = models.PositiveSmallIntegerField(
        _("dispersion flag, percent of the maximum"), default=30,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Applications whose experts' totals differ by more than this share of the maximum total "
                    "are flagged for discussion at the meeting."),
    )
    copied_from = models.ForeignKey(
        "self", verbose_name=_("copied from"), null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    locked_at = models.DateTimeField(_("locked at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    name = Translated("name")

    class Meta:
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        if self.call_id:
            return str(_("Rubric of call %(code)s") % {"code": self.call.code})
        return self.name or str(_("Rubric template"))

    @property
    def is_template(self) -> bool:
        return self.call_id is None

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None


class Criterion(models.Model):
    rubric = models.ForeignKey(Rubric, verbose_name=_("rubric"), on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title_kk = models.CharField(_("criterion (Kazakh)"), max_length=300)
    title_ru = models.CharField(_("criterion (Russian)"), max_length=300)
    title_en = models.CharField(_("criterion (English)"), max_length=300, blank=True)
    guidance_kk = models.TextField(_("guidance for experts (Kazakh)"), blank=True)
    guidance_ru = models.TextField(_("guidance for experts (Russian)"), blank=True)
    guidance_en = models.TextField(_("guidance for experts (English)"), blank=True)
    max_score = models.PositiveSmallIntegerField(
        _("maximum score"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    weight = models.DecimalField(
        _("weight, %"), max_digits=5, decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(MAX_TOTAL)],
        help_text=_("The criteria's weights add up to 100."),
    )
    min_score = models.PositiveSmallIntegerField(
        _("minimum threshold"), null=True, blank=True,
        help_text=_("Optional. An application whose mean score on this criterion is lower cannot be recommended; "
                    "an expert who scores lower must explain why."),
    )

    title = Translated("title")
    guidance = Translated("guidance")

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["rubric", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(max_score__gte=1), name="criterion_max_score_positive"),
            models.CheckConstraint(condition=models.Q(weight__gt=0), name="criterion_weight_positive"),
            models.CheckConstraint(
                condition=models.Q(min_score__isnull=True) | models.Q(min_score__lte=models.F("max_score")),
                name="criterion_threshold_within_maximum",
            ),
        ]

    def __str__(self):
        return self.title
