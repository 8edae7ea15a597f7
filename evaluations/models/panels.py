from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import ExpertLanguage, MemberRole, PanelStatus, SeedSource


class Panel(models.Model):
    """The expert commission for a call, or for one priority direction within it, drawn from the register."""

    call = models.ForeignKey("grants.Call", verbose_name=_("call"), on_delete=models.PROTECT, related_name="panels")
    direction = models.ForeignKey(
        "grants.PriorityDirection", verbose_name=_("priority direction"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="panels",
        help_text=_("Leave empty for a panel that scores the whole call."),
    )
    size = models.PositiveSmallIntegerField(
        _("members"), default=3, validators=[MinValueValidator(1), MaxValueValidator(15)]
    )
    reserves = models.PositiveSmallIntegerField(
        _("reserves"), default=3, validators=[MinValueValidator(0), MaxValueValidator(15)]
    )
    experts_per_application = models.PositiveSmallIntegerField(
        _("experts per application"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("Leave empty for every member to score every application; otherwise the applications are "
                    "shared out evenly."),
    )
    sphere = models.ForeignKey(
        "ngos.Sphere", verbose_name=_("sphere of expertise"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", help_text=_("Draw only experts of this sphere."),
    )
    language = models.CharField(
        _("language"), max_length=2, blank=True, choices=ExpertLanguage.choices,
        help_text=_("Draw only experts who work in this language."),
    )
    status = models.CharField(_("status"), max_length=16, choices=PanelStatus.choices, default=PanelStatus.DRAFT)
    # The experts declare conflicts and submit their score sheets by then; the reminders count from it.
    deadline = models.DateTimeField(_("deadline for declarations and score sheets"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("expert commission")
        verbose_name_plural = _("expert commissions")
        ordering = ["call", "id"]
        constraints = [
            models.UniqueConstraint(fields=["call", "direction"], name="one_panel_per_call_direction"),
            models.UniqueConstraint(
                fields=["call"], condition=models.Q(direction__isnull=True), name="one_whole_call_panel"
            ),
            models.CheckConstraint(condition=models.Q(size__gte=1), name="panel_has_members"),
        ]

    def __str__(self):
        if self.direction_id:
            return f"{self.call.code} · {self.direction}"
        return self.call.code


class Draw(models.Model):
    """The record of a panel's random draw: with the seed and the pool anyone re-runs it and gets the same panel."""

    panel = models.OneToOneField(Panel, verbose_name=_("commission"), on_delete=models.PROTECT, related_name="draw")
    algorithm = models.CharField(_("algorithm"), max_length=16, default="v1")
    seed = models.CharField(_("seed"), max_length=64)
    seed_source = models.CharField(_("seed source"), max_length=16, choices=SeedSource.choices)
    filters = models.JSONField(_("filters"), default=dict)
    pool = models.JSONField(_("pool, expert numbers in order"), default=list)
    drawn_members = models.JSONField(_("drawn members, in order"), default=list)
    drawn_reserves = models.JSONField(_("drawn reserves, in order"), default=list)
    observers = models.TextField(_("observers"), blank=True, help_text=_("One name per line."))
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("drawn by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    drawn_at = models.DateTimeField(_("drawn at"))
    protocol_kk = models.FileField(_("protocol (Kazakh)"), upload_to="evaluations/draws/", blank=True)
    protocol_ru = models.FileField(_("protocol (Russian)"), upload_to="evaluations/draws/", blank=True)

    class Meta:
        verbose_name = _("draw")
        verbose_name_plural = _("draws")
        ordering = ["-drawn_at"]

    def __str__(self):
        return str(_("Draw of %(panel)s") % {"panel": self.panel})

    @property
    def number(self) -> str:
        # No hyphens: the PDF header escapes them (escapejs) and shows the escape codes.
        return f"{self.panel.call.code.replace('-', '/')}/D{self.pk}"

    def observer_names(self) -> list[str]:
        return [line.strip() for line in self.observers.splitlines() if line.strip()]

    @property
    def is_published(self) -> bool:
        return bool(self.protocol_kk and self.protocol_ru)


class PanelMember(models.Model):
    panel = models.ForeignKey(Panel, verbose_name=_("commission"), on_delete=models.CASCADE, related_name="members")
    expert = models.ForeignKey(
        "evaluations.Expert", verbose_name=_("expert"), on_delete=models.PROTECT, related_name="panel_seats"
    )
    role = models.CharField(_("role"), max_length=16, choices=MemberRole.choices)
    draw_position = models.PositiveSmallIntegerField(_("place in the draw"))

    class Meta:
        verbose_name = _("commission member")
        verbose_name_plural = _("commission members")
        ordering = ["panel", "draw_position"]
        constraints = [
            models.UniqueConstraint(fields=["panel", "expert"], name="expert_once_per_panel"),
            models.UniqueConstraint(fields=["panel", "draw_position"], name="one_member_per_draw_place"),
        ]

    def __str__(self):
        return f"{self.expert} ({self.get_role_display()})"

    @property
    def is_reserve(self) -> bool:
        return self.role == MemberRole.RESERVE
