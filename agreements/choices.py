"""States and kinds of the awarded grant, its agreement, signatures and tranches."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class GrantStatus(models.TextChoices):
    AWARDED = "awarded", pgettext_lazy("grant", "Awarded")
    AGREEMENT_SIGNED = "agreement_signed", pgettext_lazy("grant", "Agreement signed")
    IN_PROGRESS = "in_progress", pgettext_lazy("grant", "In progress")
    COMPLETED = "completed", pgettext_lazy("grant", "Completed")
    DECLINED = "declined", pgettext_lazy("grant", "Declined")
    TERMINATED = "terminated", pgettext_lazy("grant", "Terminated")


class AgreementStatus(models.TextChoices):
    # The NGO enters its bank details; the PDF is rendered from them.
    DRAFT = "draft", pgettext_lazy("agreement", "Awaiting bank details")
    READY = "ready", pgettext_lazy("agreement", "Awaiting the NGO's signature")
    NGO_SIGNED = "ngo_signed", pgettext_lazy("agreement", "Awaiting the operator's signature")
    SIGNED = "signed", pgettext_lazy("agreement", "Signed by both parties")


class Party(models.TextChoices):
    NGO = "ngo", _("NGO")
    OPERATOR = "operator", _("Grant operator")


class SignatureMethod(models.TextChoices):
    # Qualified electronic signatures through NCALayer come later: the field is there for them.
    PORTAL = "portal", _("Confirmed in the portal")
    NCALAYER = "ncalayer", _("Electronic digital signature (NCALayer)")


class SignatureStatus(models.TextChoices):
    VALID = "valid", pgettext_lazy("signature", "Valid")
    VOIDED = "voided", pgettext_lazy("signature", "Voided")


class TrancheCondition(models.TextChoices):
    ON_SIGNING = "on_signing", _("On signing the agreement")
    REPORT_ACCEPTED = "report_accepted", _("After a report is accepted")
    MANUAL = "manual", _("Released by the operator")


class TrancheStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("tranche", "Planned")
    DUE = "due", pgettext_lazy("tranche", "Due")
    PAID = "paid", pgettext_lazy("tranche", "Paid")


class ReportKind(models.TextChoices):
    INTERIM = "interim", _("Interim report")
    FINAL = "final", _("Final report")


class AmendmentKind(models.TextChoices):
    BUDGET = "budget", _("Reallocation of the budget between categories")
    EXTENSION = "extension", _("Extension of the term")
    ACTIVITY_DATES = "activity_dates", _("New dates of an activity")


class AmendmentStatus(models.TextChoices):
    REQUESTED = "requested", pgettext_lazy("amendment", "Requested")
    APPROVED = "approved", pgettext_lazy("amendment", "Approved")
    REJECTED = "rejected", pgettext_lazy("amendment", "Rejected")
