from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .choices import (
    EvaluatorSide,
    EvidenceKind,
    FindingResult,
    ReportKind,
    ReportStatus,
    ReviewDecision,
    Section,
    VisitStatus,
)


def evidence_path(instance, filename):
    return f"monitoring/{instance.report.grant_id}/reports/{instance.report_id}/{filename}"


def receipt_path(instance, filename):
    return f"monitoring/{instance.report.grant_id}/receipts/{filename}"


def visit_path(instance, filename):
    return f"monitoring/{instance.visit.grant_id}/visits/{instance.visit_id}/{filename}"


class GrantReport(models.Model):
    """An interim or final report the agreement's schedule asks of the grantee, from due to accepted. The content
    is kept as the NGO types it (per section, autosaved); each submission freezes a snapshot."""

    grant = models.ForeignKey("agreements.Grant", verbose_name=_("grant"), on_delete=models.CASCADE,
                              related_name="reports")
    kind = models.CharField(_("report"), max_length=10, choices=ReportKind.choices)
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DUE)
    language = models.CharField(_("language of the report"), max_length=2, default="kk")
    content = models.JSONField(_("content"), default=dict)
    # {section: n}: a save names the version it was typed on, so two members never overwrite each other.
    versions = models.JSONField(_("versions of the sections"), default=dict)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("last saved by"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    saved_at = models.DateTimeField(_("last saved at"), null=True, blank=True)
    first_submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    submitted_late = models.BooleanField(_("submitted after the due date"), default=False)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("grantee report")
        verbose_name_plural = _("grantee reports")
        ordering = ["due_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["grant", "kind"], name="one_report_per_kind")]

    def __str__(self):
        return f"{self.grant.number}: {self.get_kind_display()}"

    def section(self, name: str):
        return self.content.get(name)


class ReportFile(models.Model):
    """Evidence for an indicator (a document, photo or list of participants) or a supporting document of the
    financial report, kept by what its bytes are, with their SHA-256."""

    report = models.ForeignKey(GrantReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="files")
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    position = models.PositiveSmallIntegerField(_("indicator or budget line"), null=True, blank=True)
    line = models.CharField(_("budget line"), max_length=30, blank=True)
    kind = models.CharField(_("type of evidence"), max_length=20, choices=EvidenceKind.choices)
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=300)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size, bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"),
                                    on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["report", "section", "position", "line", "pk"]

    def __str__(self):
        return self.name


class ReportSubmission(models.Model):
    """One round: what the head submitted (frozen, files with SHA-256) and the receipt PDF."""

    report = models.ForeignKey(GrantReport, verbose_name=_("report"), on_delete=models.CASCADE,
                               related_name="submissions")
    round = models.PositiveSmallIntegerField(_("round"))
    snapshot = models.JSONField(_("content submitted"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("submitted by"),
                                     on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"))
    late = models.BooleanField(_("after the due date"), default=False)
    receipt = models.FileField(_("receipt (PDF)"), upload_to=receipt_path, max_length=300, blank=True)
    receipt_sha256 = models.CharField(_("SHA-256 of the receipt"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("report submission")
        verbose_name_plural = _("report submissions")
        ordering = ["report", "round"]
        constraints = [models.UniqueConstraint(fields=["report", "round"], name="one_submission_per_round")]

    def __str__(self):
        return f"{self.report} #{self.round}"

    @property
    def number(self) -> str:
        return f"{self.report.grant.number}-{self.report.kind[0].upper()}{self.round}"


class ReportReview(models.Model):
    """The monitoring officer's decision on a round, with a comment per section (shown beside the fields)."""

    submission = models.OneToOneField(ReportSubmission, verbose_name=_("submission"), on_delete=models.CASCADE,
                                      related_name="review")
    decision = models.CharField(_("decision"), max_length=20, choices=ReviewDecision.choices)
    comments = models.JSONField(_("comments by section"), default=dict)
    conclusion = models.TextField(_("conclusion"), blank=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), on_delete=models.PROTECT,
                                 related_name="+")
    reviewed_at = models.DateTimeField(pgettext_lazy("report review", "reviewed at"))
    pdf = models.FileField(_("review conclusion (PDF)"), upload_to="monitoring/reviews/", max_length=300, blank=True)

    class Meta:
        verbose_name = _("report review")
        verbose_name_plural = _("report reviews")
        ordering = ["submission"]

    def __str__(self):
        return f"{self.submission}: {self.get_decision_display()}"


class ChecklistItem(models.Model):
    """What a monitoring visit checks: a list staff edit; a visit copies the items chosen when planned."""

    text_kk = models.CharField(_("text (kk)"), max_length=300)
    text_ru = models.CharField(_("text (ru)"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("offered for new visits"), default=True)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text_ru


class MonitoringVisit(models.Model):
    grant = models.ForeignKey("agreements.Grant", verbose_name=_("grant"), on_delete=models.CASCADE,
                              related_name="monitoring_visits")
    visit_on = models.DateField(_("date of the visit"))
    place = models.CharField(_("place"), max_length=300)
    team = models.CharField(_("who goes"), max_length=300)
    status = models.CharField(_("status"), max_length=10, choices=VisitStatus.choices, default=VisitStatus.PLANNED)
    conclusion = models.TextField(_("overall conclusion"), blank=True)
    planned_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("planned by"), on_delete=models.PROTECT,
                                   related_name="+")
    recorded_at = models.DateTimeField(_("findings recorded at"), null=True, blank=True)
    report_pdf_kk = models.FileField(_("visit report (kk)"), upload_to="monitoring/visits/", max_length=300,
                                     blank=True)
    report_pdf_ru = models.FileField(_("visit report (ru)"), upload_to="monitoring/visits/", max_length=300,
                                     blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("monitoring visit")
        verbose_name_plural = _("monitoring visits")
        ordering = ["-visit_on", "pk"]

    def __str__(self):
        return f"{self.grant.number}: {self.visit_on:%d.%m.%Y}"


class VisitFinding(models.Model):
    visit = models.ForeignKey(MonitoringVisit, verbose_name=_("visit"), on_delete=models.CASCADE,
                              related_name="findings")
    position = models.PositiveSmallIntegerField(_("position"))
    item_kk = models.CharField(_("what is checked (kk)"), max_length=300)
    item_ru = models.CharField(_("what is checked (ru)"), max_length=300)
    # The agreement's indicator the item checks (its position), if any: a "not confirmed" against an indicator
    # reported achieved is the gap between paper and reality, flagged on the grant's page.
    indicator = models.PositiveSmallIntegerField(_("indicator checked"), null=True, blank=True)
    result = models.CharField(_("finding"), max_length=20, choices=FindingResult.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    photo = models.FileField(_("photo"), upload_to=visit_path, max_length=300, blank=True)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["visit", "position"]
        constraints = [models.UniqueConstraint(fields=["visit", "position"], name="one_finding_per_position")]

    def __str__(self):
        return self.item_ru


class FollowUp(models.Model):
    visit = models.ForeignKey(MonitoringVisit, verbose_name=_("visit"), on_delete=models.CASCADE,
                              related_name="follow_ups")
    action = models.CharField(_("what the NGO is to do"), max_length=500)
    due_on = models.DateField(_("due on"))
    answer = models.TextField(_("the NGO's answer"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("answered by"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ["visit", "due_on", "pk"]

    def __str__(self):
        return self.action


class EfficiencyEvaluation(models.Model):
    """One side's scores (the customer's or the operator's) on the five criteria, 0-5 with a comment each;
    public once the operator publishes the grant's evaluation."""

    grant = models.ForeignKey("agreements.Grant", verbose_name=_("grant"), on_delete=models.CASCADE,
                              related_name="efficiency_evaluations")
    side = models.CharField(_("evaluated by"), max_length=10, choices=EvaluatorSide.choices)
    scores = models.JSONField(_("scores"), default=dict)  # {criterion: 0..5}
    comments = models.JSONField(_("comments"), default=dict)  # {criterion: text}
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("evaluator"), on_delete=models.PROTECT,
                                  related_name="+")
    saved_at = models.DateTimeField(_("saved at"))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # The published evaluation as one document per language (on the operator's row, which publishes).
    pdf_kk = models.FileField(_("evaluation (kk, PDF)"), upload_to="monitoring/efficiency/", max_length=300,
                              blank=True)
    pdf_ru = models.FileField(_("evaluation (ru, PDF)"), upload_to="monitoring/efficiency/", max_length=300,
                              blank=True)

    class Meta:
        verbose_name = _("evaluation of efficiency")
        verbose_name_plural = _("evaluations of efficiency")
        ordering = ["grant", "side"]
        constraints = [models.UniqueConstraint(fields=["grant", "side"], name="one_evaluation_per_side")]

    def __str__(self):
        return f"{self.grant.number}: {self.get_side_display()}"

    @property
    def total(self) -> int:
        return sum(int(v) for v in self.scores.values())


__all__ = ["ChecklistItem", "EfficiencyEvaluation", "FollowUp", "GrantReport", "MonitoringVisit", "ReportFile",
           "ReportReview", "ReportSubmission", "ReviewDecision", "VisitFinding", "VisitStatus"]
