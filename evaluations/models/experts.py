from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import ExpertStatus, Nominator


def expert_cv_path(instance, filename):
    return f"experts/{instance.user_id}/cv/{filename}"


class Expert(models.Model):
    """A person in the expert register, or applying to it. Approval adds the user to the expert group."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT, related_name="expert_profile"
    )
    spheres = models.ManyToManyField(
        "ngos.Sphere", verbose_name=_("spheres of expertise"), related_name="experts"
    )
    speaks_kk = models.BooleanField(_("works in Kazakh"), default=False)
    speaks_ru = models.BooleanField(_("works in Russian"), default=False)
    region = models.ForeignKey(
        "portal.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="experts"
    )
    nominated_by = models.CharField(_("nominated by"), max_length=16, choices=Nominator.choices)
    nominating_ngo = models.ForeignKey(
        "ngos.NGO", verbose_name=_("nominating NGO"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="nominated_experts",
    )
    position = models.CharField(_("current position and employer"), max_length=300)
    experience = models.TextField(_("experience in the spheres of expertise"))
    cv = models.FileField(_("CV"), upload_to=expert_cv_path, max_length=300)

    status = models.CharField(_("status"), max_length=16, choices=ExpertStatus.choices, default=ExpertStatus.PENDING)
    status_note = models.TextField(_("reason"), blank=True)
    applied_at = models.DateTimeField(_("applied at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("expert register")
        ordering = ["user__full_name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nominated_by="operator", nominating_ngo__isnull=True)
                | models.Q(nominated_by="ngo", nominating_ngo__isnull=False),
                name="expert_nominated_by_ngo_names_it",
            ),
            models.CheckConstraint(
                condition=models.Q(speaks_kk=True) | models.Q(speaks_ru=True), name="expert_speaks_kk_or_ru"
            ),
        ]

    def __str__(self):
        return str(self.user)

    @property
    def name(self) -> str:
        return self.user.get_full_name()

    @property
    def is_active(self) -> bool:
        return self.status == ExpertStatus.ACTIVE

    def languages(self) -> list[str]:
        return [code for code, flag in (("kk", self.speaks_kk), ("ru", self.speaks_ru)) if flag]
