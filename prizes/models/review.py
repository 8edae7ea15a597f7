"""The expert working group of a round and its blind review: the same register, draw, conflict declaration and
score-sheet rules as the grant commissions (evaluations/), on the round's own criteria and candidacies."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from evaluations.choices import AssignmentStatus
from portal.translation import Translated

from ..choices import GroupFormation, GroupSeat


class Criterion(models.Model):
    """One criterion of a round: the experts score every candidacy on it, 0 to max_score; the weights add up to
    100, so a sheet's weighted total is out of 100 as in the grant rubrics."""

    round = models.ForeignKey("prizes.Round", verbose_name=_("round"), on_delete=models.CASCADE,
                              related_name="criteria")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title_kk = models.CharField(_("criterion (Kazakh)"), max_length=300)
    title_ru = models.CharField(_("criterion (Russian)"), max_length=300)
    title_en = models.CharField(_("criterion (English)"), max_length=300, blank=True)
    max_score = models.PositiveSmallIntegerField(_("maximum score"),
                                                 validators=[MinValueValidator(1), MaxValueValidator(100)])
    weight = models.DecimalField(_("weight, %"), max_digits=5, decimal_places=2)
    min_score = models.PositiveSmallIntegerField(_("minimum threshold"), null=True, blank=True)

    title = Translated("title")

    class Meta:
        verbose_name = _("criterion of the award")
        verbose_name_plural = _("criteria of the award")
        ordering = ["round", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(weight__gt=0), name="prize_criterion_weight_positive"),
        ]

    def __str__(self):
        return self.title


class WorkingGroup(models.Model):
    """The experts who review a round's candidacies: drawn from the register with a recorded seed and pool (the
    draw of evaluations.draw, re-runnable by anyone), or appointed by the operator."""

    round = models.OneToOneField("prizes.Round", verbose_name=_("round"), on_delete=models.PROTECT,
                                 related_name="working_group")
    formation = models.CharField(_("formed"), max_length=16, choices=GroupFormation.choices)
    dispersion_percent = models.PositiveSmallIntegerField(
        _("dispersion flag, percent of the maximum"), default=30,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    algorithm = models.CharField(_("algorithm"), max_length=16, blank=True)
    seed = models.CharField(_("seed"), max_length=64, blank=True)
    pool = models.JSONField(_("pool, expert numbers in order"), default=list, blank=True)
    observers = models.TextField(_("observers"), blank=True)
    formed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("formed by"), null=True,
                                  on_delete=models.SET_NULL, related_name="+")
    formed_at = models.DateTimeField(_("formed at"))

    class Meta:
        verbose_name = _("expert working group")
        verbose_name_plural = _("expert working groups")

    def __str__(self):
        return str(_("Working group of %(year)s") % {"year": self.round.year})


class GroupMember(models.Model):
    group = models.ForeignKey(WorkingGroup, verbose_name=_("working group"), on_delete=models.CASCADE,
                              related_name="members")
    expert = models.ForeignKey("evaluations.Expert", verbose_name=_("expert"), on_delete=models.PROTECT,
                               related_name="prize_seats")
    role = models.CharField(_("role"), max_length=16, choices=GroupSeat.choices)
    draw_position = models.PositiveSmallIntegerField(_("place"))

    class Meta:
        verbose_name = _("member of the working group")
        verbose_name_plural = _("members of the working group")
        ordering = ["group", "draw_position"]
        constraints = [
            models.UniqueConstraint(fields=["group", "expert"], name="prize_expert_once_per_group"),
            models.UniqueConstraint(fields=["group", "draw_position"], name="prize_one_member_per_place"),
        ]

    def __str__(self):
        return f"{self.expert} ({self.get_role_display()})"


class Review(models.Model):
    """One expert's work on one candidacy: the conflict declaration, then the score sheet (blind: no one else's
    scores are shown to an expert)."""

    candidacy = models.ForeignKey("prizes.Candidacy", verbose_name=_("candidacy"), on_delete=models.PROTECT,
                                  related_name="reviews")
    expert = models.ForeignKey("evaluations.Expert", verbose_name=_("expert"), on_delete=models.PROTECT,
                               related_name="prize_reviews")
    status = models.CharField(_("status"), max_length=24, choices=AssignmentStatus.choices,
                              default=AssignmentStatus.AWAITING_DECLARATION)
    replaces = models.OneToOneField("self", verbose_name=_("replaces"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="replaced_by")
    has_conflict = models.BooleanField(_("conflict of interest"), null=True, blank=True)
    conflict_nature = models.TextField(_("nature of the conflict"), blank=True)
    declared_at = models.DateTimeField(_("declared at"), null=True, blank=True)
    total = models.DecimalField(_("weighted total"), max_digits=6, decimal_places=2, null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("review of a candidacy")
        verbose_name_plural = _("reviews of candidacies")
        ordering = ["candidacy", "id"]
        constraints = [
            models.UniqueConstraint(fields=["candidacy", "expert"], name="prize_expert_once_per_candidacy"),
            models.CheckConstraint(condition=~models.Q(has_conflict=True) | ~models.Q(conflict_nature=""),
                                   name="prize_conflict_states_its_nature"),
        ]

    def __str__(self):
        return f"{self.candidacy} — {self.expert}"


class ReviewScore(models.Model):
    review = models.ForeignKey(Review, verbose_name=_("review"), on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT,
                                  related_name="scores")
    value = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["review", "criterion__position"]
        constraints = [models.UniqueConstraint(fields=["review", "criterion"], name="prize_one_score_per_criterion")]

    def __str__(self):
        return f"{self.review_id}/{self.criterion_id}: {self.value}"
