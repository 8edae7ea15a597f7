"""Appeals against screening and commission decisions, their files, and the appeals commission's members."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .choices import FINAL_STATUSES, AppealStatus, Ground


class Appeal(models.Model):
    """The applicant's appeal against one decision on its application: one per decision (the unique key)."""

    application = models.ForeignKey("grants.Application", verbose_name=_("application"), on_delete=models.PROTECT,
                                    related_name="appeals")
    ground = models.CharField(_("decision appealed"), max_length=16, choices=Ground.choices)
    status = models.CharField(_("status"), max_length=16, choices=AppealStatus.choices, default=AppealStatus.FILED)
    reason = models.TextField(_("reason for the appeal"))
    # The moment the appeal period ended, kept as it was when the appeal came in.
    deadline = models.DateTimeField(_("appeal period ends"))
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("filed by"), null=True,
                                 on_delete=models.SET_NULL, related_name="+")
    filed_at = models.DateTimeField(_("filed at"))
    question = models.TextField(_("procedural question examined"), blank=True)
    answer = models.TextField(_("answer to the question"), blank=True)
    rationale = models.TextField(_("rationale of the decision"), blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reevaluation = models.OneToOneField(
        "evaluations.Assignment", verbose_name=_("re-evaluation"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="appeal", help_text=_("The reserve expert's new score sheet."),
    )
    final_rationale = models.TextField(_("rationale after the re-evaluation"), blank=True)
    decided_at = models.DateTimeField(_("final decision at"), null=True, blank=True)
    letter_kk = models.FileField(_("outcome letter (Kazakh)"), upload_to="appeals/letters/", blank=True)
    letter_ru = models.FileField(_("outcome letter (Russian)"), upload_to="appeals/letters/", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["-filed_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "ground"], name="one_appeal_per_decision"),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("appeals:detail", kwargs={"pk": self.pk})

    @property
    def number(self) -> str:
        return f"{self.application.registration_number}/A{self.pk}"

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES

    def letter_in(self, language: str):
        return self.letter_kk if language == "kk" else self.letter_ru

    @property
    def has_letter(self) -> bool:
        return bool(self.letter_kk and self.letter_ru)


class AppealFile(models.Model):
    appeal = models.ForeignKey(Appeal, verbose_name=_("appeal"), on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to="appeals/files/", max_length=300)
    content_type = models.CharField(_("type"), max_length=120)
    size = models.PositiveIntegerField(_("size, bytes"))
    uploaded_at = models.DateTimeField(_("uploaded at"))

    class Meta:
        verbose_name = _("file of an appeal")
        verbose_name_plural = _("files of appeals")
        ordering = ["appeal", "id"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


class CommissionMember(models.Model):
    """An operator employee the operator administrator designated to the appeals commission (the operator
    administrators sit on it by their role)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE,
                                related_name="appeals_seat")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("designated by"), null=True,
                                 on_delete=models.SET_NULL, related_name="+")
    added_at = models.DateTimeField(_("designated at"))

    class Meta:
        verbose_name = _("member of the appeals commission")
        verbose_name_plural = _("members of the appeals commission")
        ordering = ["user__email"]

    def __str__(self):
        return str(self.user)
