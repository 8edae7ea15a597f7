from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Attendance, MeetingStatus, Outcome, Recommendation


class Meeting(models.Model):
    """The commission's meeting: attendance and quorum, a decision per lot, then the minutes."""

    panel = models.OneToOneField(
        "evaluations.Panel", verbose_name=_("commission"), on_delete=models.PROTECT, related_name="meeting"
    )
    held_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=300, help_text=_("Address, or the link for remote participation."))
    status = models.CharField(_("status"), max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.OPEN)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opened by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    minutes_kk = models.FileField(_("minutes (Kazakh)"), upload_to="evaluations/minutes/", blank=True)
    minutes_ru = models.FileField(_("minutes (Russian)"), upload_to="evaluations/minutes/", blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("commission meeting")
        verbose_name_plural = _("commission meetings")
        ordering = ["-held_at"]

    def __str__(self):
        return str(_("Meeting of %(panel)s") % {"panel": self.panel})

    @property
    def number(self) -> str:
        # No hyphens: the PDF header escapes them (escapejs) and shows the escape codes.
        return f"{self.panel.call.code.replace('-', '/')}/M{self.pk}"

    @property
    def has_minutes(self) -> bool:
        return bool(self.minutes_kk and self.minutes_ru)

    @property
    def is_published(self) -> bool:
        return self.status == MeetingStatus.PUBLISHED


class MeetingAttendance(models.Model):
    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(
        "evaluations.PanelMember", verbose_name=_("commission member"), on_delete=models.PROTECT, related_name="+"
    )
    attendance = models.CharField(_("attendance"), max_length=16, choices=Attendance.choices)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["meeting", "member__draw_position"]
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="one_attendance_per_member")]

    def __str__(self):
        return f"{self.member}: {self.get_attendance_display()}"

    @property
    def is_present(self) -> bool:
        return self.attendance != Attendance.ABSENT


class LotDecision(models.Model):
    """The commission confirms the ranking's recommendation for a lot, or changes it with a rationale."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="decisions")
    lot = models.ForeignKey("grants.Lot", verbose_name=_("lot"), on_delete=models.PROTECT, related_name="+")
    confirmed = models.BooleanField(_("recommendation confirmed"))
    rationale = models.TextField(_("rationale"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("decision on a lot")
        verbose_name_plural = _("decisions on lots")
        ordering = ["meeting", "lot__position", "lot__code"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "lot"], name="one_decision_per_lot"),
            models.CheckConstraint(
                condition=models.Q(confirmed=True) | ~models.Q(rationale=""), name="changed_decision_has_rationale"
            ),
        ]

    def __str__(self):
        # Shown to people (the audit log keeps it): words, not the codes "confirmed"/"changed".
        if self.confirmed:
            return str(_("Lot %(lot)s: ranking confirmed") % {"lot": self.lot.code})
        return str(_("Lot %(lot)s: decided otherwise than the ranking") % {"lot": self.lot.code})


class ApplicationDecision(models.Model):
    """One application's place in the decided ranking, as the minutes record it."""

    lot_decision = models.ForeignKey(
        LotDecision, verbose_name=_("decision on a lot"), on_delete=models.CASCADE, related_name="applications"
    )
    application = models.OneToOneField(
        "grants.Application", verbose_name=_("application"), on_delete=models.PROTECT, related_name="decision"
    )
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    mean_total = models.DecimalField(_("mean total"), max_digits=6, decimal_places=2, null=True, blank=True)
    recommendation = models.CharField(_("recommendation"), max_length=20, choices=Recommendation.choices)
    outcome = models.CharField(_("decision"), max_length=16, choices=Outcome.choices)
    reserve_position = models.PositiveSmallIntegerField(_("place on the reserve list"), null=True, blank=True)

    class Meta:
        verbose_name = _("decision on an application")
        verbose_name_plural = _("decisions on applications")
        ordering = ["lot_decision", "rank", "application_id"]

    def __str__(self):
        return f"{self.application}: {self.get_outcome_display()}"
