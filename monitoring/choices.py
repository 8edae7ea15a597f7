"""States and kinds of grantee reports, their sections and evidence, monitoring visits and their findings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from agreements.choices import ReportKind  # noqa: F401  (one name for interim/final across the floors)


class ReportStatus(models.TextChoices):
    DUE = "due", pgettext_lazy("report", "Due")
    DRAFT = "draft", pgettext_lazy("report", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("report", "Submitted, under review")
    CHANGES_REQUESTED = "changes_requested", pgettext_lazy("report", "Changes requested")
    ACCEPTED = "accepted", pgettext_lazy("report", "Accepted")


class Section(models.TextChoices):
    NARRATIVE = "narrative", _("What was done")
    INDICATORS = "indicators", _("Indicators and evidence")
    BENEFICIARIES = "beneficiaries", _("Beneficiaries reached")
    ACTIVITIES = "activities", _("Activities against the plan")
    FINANCE = "finance", _("Financial report")


class EvidenceKind(models.TextChoices):
    DOCUMENT = "document", _("Document")
    PHOTO = "photo", _("Photo")
    PARTICIPANTS = "participants", _("List of participants")
    SUPPORTING = "supporting", _("Supporting financial document")


class ActivityProgress(models.TextChoices):
    DONE = "done", pgettext_lazy("activity", "Done")
    PARTLY = "partly", pgettext_lazy("activity", "Partly done")
    NOT_DONE = "not_done", pgettext_lazy("activity", "Not done")


class ReviewDecision(models.TextChoices):
    ACCEPTED = "accepted", pgettext_lazy("review", "Accepted")
    CHANGES_REQUESTED = "changes_requested", pgettext_lazy("review", "Changes requested")


class VisitStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("visit", "Planned")
    RECORDED = "recorded", pgettext_lazy("visit", "Findings recorded")


class FindingResult(models.TextChoices):
    CONFIRMED = "confirmed", pgettext_lazy("finding", "Confirmed")
    PARTLY = "partly", pgettext_lazy("finding", "Partly confirmed")
    NOT_CONFIRMED = "not_confirmed", pgettext_lazy("finding", "Not confirmed")


class EvaluatorSide(models.TextChoices):
    CUSTOMER = "customer", _("Customer")
    OPERATOR = "operator", _("Grant operator")


class Criterion(models.TextChoices):
    # DOMAIN.md step 9: the state-social-order method, 0-5 each, 25 at most.
    RELEVANCE = "relevance", _("Relevance")
    PLAN = "plan", _("Plan fulfilment")
    RESULTS = "results", _("Results achieved")
    CONTINUATION = "continuation", _("Likelihood that the work continues")
    IMPACT = "impact", _("Long-term social impact")
