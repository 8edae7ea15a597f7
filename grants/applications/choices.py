"""Choices of the application: its status, its sections, budget categories and document kinds."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("application", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("application", "Submitted")
    WITHDRAWN = "withdrawn", pgettext_lazy("application", "Withdrawn")
    ADMITTED = "admitted", pgettext_lazy("application", "Admitted")
    NOT_ADMITTED = "not_admitted", pgettext_lazy("application", "Not admitted")
    UNDER_EVALUATION = "under_evaluation", pgettext_lazy("application", "Under evaluation")
    WINNER = "winner", pgettext_lazy("application", "Winner")
    RESERVE = "reserve", pgettext_lazy("application", "Reserve")
    NOT_FUNDED = "not_funded", pgettext_lazy("application", "Not funded")


# The applicant may change the text only in these states (a withdrawn application is a draft again).
EDITABLE_STATUSES = frozenset({ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN})


class ApplicationLanguage(models.TextChoices):
    KK = "kk", "Қазақша"
    RU = "ru", "Русский"


class Section(models.TextChoices):
    """The sections of the application form, in the order the applicant fills them in."""

    OVERVIEW = "overview", pgettext_lazy("application section", "Overview")
    PROBLEM = "problem", _("Problem and goals")
    BENEFICIARIES = "beneficiaries", _("Target groups and beneficiaries")
    ACTIVITIES = "activities", _("Activity plan")
    INDICATORS = "indicators", _("Results and indicators")
    TEAM = "team", _("Team")
    PARTNERS = "partners", _("Partners")
    RISKS = "risks", _("Risks and sustainability")
    BUDGET = "budget", _("Budget")
    DOCUMENTS = "documents", _("Documents")
    DECLARATIONS = "declarations", _("Declarations")


class BudgetCategory(models.TextChoices):
    STAFF = "staff", pgettext_lazy("budget", "Staff")
    TRAVEL = "travel", pgettext_lazy("budget", "Travel")
    MATERIALS = "materials", pgettext_lazy("budget", "Materials")
    SERVICES = "services", pgettext_lazy("budget", "Services")
    EQUIPMENT = "equipment", pgettext_lazy("budget", "Equipment")
    INSTITUTIONAL = "institutional", pgettext_lazy("budget", "Institutional development")
    ADMINISTRATIVE = "administrative", pgettext_lazy("budget", "Administrative costs")


# Direct project costs: everything but institutional development and administration.
DIRECT_CATEGORIES = frozenset(
    {
        BudgetCategory.STAFF,
        BudgetCategory.TRAVEL,
        BudgetCategory.MATERIALS,
        BudgetCategory.SERVICES,
        BudgetCategory.EQUIPMENT,
    }
)


class DocumentKind(models.TextChoices):
    CHARTER = "charter", _("Charter")
    FINANCIAL_STATEMENTS = "financial_statements", _("Financial statements")
    SUPPORT_LETTER = "support_letter", _("Letter of support")
    OTHER = "other", _("Other document")


# Without these the application is incomplete (DOMAIN.md, step 3).
REQUIRED_DOCUMENTS = (DocumentKind.CHARTER, DocumentKind.FINANCIAL_STATEMENTS)
