"""The Coordination Council's meeting on a round: attendance and its 2/3 quorum, a decision per nomination with
its winners and their equal shares, the decision as PDFs in Kazakh and Russian."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from evaluations.choices import Attendance

from ..choices import CouncilMeetingStatus


class CouncilMeeting(models.Model):
    round = models.OneToOneField("prizes.Round", verbose_name=_("round"), on_delete=models.PROTECT,
                                 related_name="council_meeting")
    held_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=300, help_text=_("Address, or the link for remote participation."))
    status = models.CharField(_("status"), max_length=16, choices=CouncilMeetingStatus.choices,
                              default=CouncilMeetingStatus.OPEN)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("opened by"), null=True,
                                  on_delete=models.SET_NULL, related_name="+")
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    decision_kk = models.FileField(_("decision (Kazakh)"), upload_to="prizes/decisions/", blank=True)
    decision_ru = models.FileField(_("decision (Russian)"), upload_to="prizes/decisions/", blank=True)

    class Meta:
        verbose_name = _("council meeting")
        verbose_name_plural = _("council meetings")

    def __str__(self):
        return str(_("Council meeting on the awards of %(year)s") % {"year": self.round.year})

    @property
    def number(self) -> str:
        return f"SA/{self.round.year}/C{self.pk}"

    @property
    def has_decision_pdfs(self) -> bool:
        return bool(self.decision_kk and self.decision_ru)


class CouncilAttendance(models.Model):
    meeting = models.ForeignKey(CouncilMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE,
                                related_name="attendance")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("council member"), on_delete=models.PROTECT,
                               related_name="+")
    attendance = models.CharField(_("attendance"), max_length=16, choices=Attendance.choices)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["meeting", "member__full_name", "member_id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="prize_one_attendance_per_member")]

    def __str__(self):
        return f"{self.member}: {self.get_attendance_display()}"

    @property
    def is_present(self) -> bool:
        return self.attendance != Attendance.ABSENT


class NominationDecision(models.Model):
    """The council's decision on one nomination: its winners (none, one or several sharing the amount equally),
    and a rationale wherever it departs from the experts' ranking."""

    meeting = models.ForeignKey(CouncilMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE,
                                related_name="decisions")
    nomination = models.OneToOneField("prizes.Nomination", verbose_name=_("nomination"), on_delete=models.PROTECT,
                                      related_name="decision")
    follows_ranking = models.BooleanField(_("follows the ranking"))
    rationale = models.TextField(_("rationale"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("decision on a nomination")
        verbose_name_plural = _("decisions on nominations")
        ordering = ["meeting", "nomination__number"]
        constraints = [
            models.CheckConstraint(condition=models.Q(follows_ranking=True) | ~models.Q(rationale=""),
                                   name="prize_departure_has_rationale"),
        ]

    def __str__(self):
        return str(self.nomination)


class Award(models.Model):
    """A winner of a nomination and its share of the nomination's money, to the tiyn."""

    decision = models.ForeignKey(NominationDecision, verbose_name=_("decision"), on_delete=models.CASCADE,
                                 related_name="awards")
    candidacy = models.OneToOneField("prizes.Candidacy", verbose_name=_("candidacy"), on_delete=models.PROTECT,
                                     related_name="award")
    position = models.PositiveSmallIntegerField(_("order"))
    amount = models.DecimalField(_("amount, tenge"), max_digits=16, decimal_places=2)

    class Meta:
        verbose_name = _("state award")
        verbose_name_plural = _("state awards")
        ordering = ["decision", "position"]

    def __str__(self):
        return f"{self.candidacy.ngo} — {self.amount}"
