"""The checks of screening (DOMAIN.md, step 4), their results and the decision."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CheckCode(models.TextChoices):
    NGO_LISTED = "ngo_listed", _("Listed in the NGO database for the previous year")
    NOT_IN_LIQUIDATION = "not_in_liquidation", _("Not in liquidation")
    NOT_BANKRUPT = "not_bankrupt", _("Not declared bankrupt")
    NOT_SUSPENDED = "not_suspended", _("Property not under arrest and operations not suspended")
    BUDGET_RULES = "budget_rules", _("Budget within the rules")
    DOCUMENTS_PRESENT = "documents_present", _("Required documents present")
    DOCUMENTS_VALID = "documents_valid", _("Documents valid")
    ACTIVITIES_WITHIN_LOT = "activities_within_lot", _("Activities within the lot")


# Filled in by the portal from its own data; the officer confirms or corrects them with a reason.
AUTOMATIC_CHECKS = (
    CheckCode.NGO_LISTED,
    CheckCode.NOT_IN_LIQUIDATION,
    CheckCode.NOT_BANKRUPT,
    CheckCode.NOT_SUSPENDED,
    CheckCode.BUDGET_RULES,
    CheckCode.DOCUMENTS_PRESENT,
)
# Only a person can judge these.
MANUAL_CHECKS = (CheckCode.DOCUMENTS_VALID, CheckCode.ACTIVITIES_WITHIN_LOT)
ALL_CHECKS = AUTOMATIC_CHECKS + MANUAL_CHECKS


class CheckResult(models.TextChoices):
    PENDING = "pending", pgettext_lazy("check", "Not checked yet")
    PASS = "pass", pgettext_lazy("check", "Pass")
    FAIL = "fail", pgettext_lazy("check", "Fail")


class ScreeningDecision(models.TextChoices):
    PENDING = "pending", pgettext_lazy("screening", "Not decided yet")
    ADMITTED = "admitted", pgettext_lazy("screening", "Admitted")
    NOT_ADMITTED = "not_admitted", pgettext_lazy("screening", "Not admitted")
