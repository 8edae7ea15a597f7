from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import AssignmentStatus, ExpertLanguage


class Assignment(models.Model):
    """One expert's work on one application: the conflict declaration, then the score sheet."""

    panel = models.ForeignKey(
        "evaluations.Panel", verbose_name=_("commission"), on_delete=models.PROTECT, related_name="assignments"
    )
    application = models.ForeignKey(
        "grants.Application", verbose_name=_("application"), on_delete=models.PROTECT, related_name="assignments"
    )
    expert = models.ForeignKey(
        "evaluations.Expert", verbose_name=_("expert"), on_delete=models.PROTECT, related_name="assignments"
    )
    status = models.CharField(
        _("status"), max_length=24, choices=AssignmentStatus.choices, default=AssignmentStatus.AWAITING_DECLARATION,
        db_index=True,
    )
    replaces = models.OneToOneField(
        "self", verbose_name=_("replaces"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="replaced_by", help_text=_("The recused assignment this reserve expert took over."),
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    # Σ score / maximum × weight, computed by the database when the sheet is submitted, frozen with it.
    total = models.DecimalField(_("weighted total"), max_digits=6, decimal_places=2, null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["panel", "application_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "expert"], name="expert_once_per_application"),
        ]
        indexes = [models.Index(fields=["application", "status"], name="assignment_app_status")]

    def __str__(self):
        return f"{self.application} — {self.expert}"

    @property
    def is_open_for_scoring(self) -> bool:
        return self.status == AssignmentStatus.SCORING


class ConflictDeclaration(models.Model):
    """What the expert declared about one application before seeing it."""

    assignment = models.OneToOneField(
        Assignment, verbose_name=_("assignment"), on_delete=models.CASCADE, related_name="declaration"
    )
    has_conflict = models.BooleanField(_("conflict of interest"))
    nature = models.TextField(_("nature of the conflict"), blank=True)
    declared_at = models.DateTimeField(_("declared at"))

    class Meta:
        verbose_name = _("conflict of interest declaration")
        verbose_name_plural = _("conflict of interest declarations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(has_conflict=False) | ~models.Q(nature=""), name="conflict_states_its_nature"
            ),
        ]

    def __str__(self):
        return f"{self.assignment}: {'conflict' if self.has_conflict else 'no conflict'}"


class Score(models.Model):
    """One criterion of one score sheet. Saved as the expert types; frozen when the sheet is submitted."""

    assignment = models.ForeignKey(Assignment, verbose_name=_("assignment"), on_delete=models.CASCADE,
                                   related_name="scores")
    criterion = models.ForeignKey(
        "evaluations.Criterion", verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="scores"
    )
    value = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    updated_at = models.DateTimeField(_("saved at"), auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["assignment", "criterion__position"]
        constraints = [models.UniqueConstraint(fields=["assignment", "criterion"], name="one_score_per_criterion")]

    def __str__(self):
        return f"{self.assignment_id}/{self.criterion_id}: {self.value}"


def translation_path(instance, filename):
    return f"evaluations/translations/{instance.application_id}/{filename}"


class ApplicationTranslation(models.Model):
    """The operator's translation of an application for experts who read the other language."""

    application = models.ForeignKey(
        "grants.Application", verbose_name=_("application"), on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(_("language of the translation"), max_length=2, choices=ExpertLanguage.choices)
    file = models.FileField(_("file"), upload_to=translation_path, max_length=300)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now=True)

    class Meta:
        verbose_name = _("translation of an application")
        verbose_name_plural = _("translations of applications")
        constraints = [
            models.UniqueConstraint(fields=["application", "language"], name="one_translation_per_language"),
        ]

    def __str__(self):
        return f"{self.application} ({self.language})"
