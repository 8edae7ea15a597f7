"""Choices and the fixed tables of the grants domain (the MCI limits are per-year data, see FiscalYear)."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CustomerKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry")
    AKIMAT = "akimat", _("Akimat")


class CalendarDayKind(models.TextChoices):
    DAY_OFF = "day_off", _("Public holiday or day off")
    WORKING_DAY = "working_day", _("Working day (a weekend moved to work)")


class DirectionListStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("directions", "Draft")
    DISCUSSION = "discussion", _("Public discussion")
    APPROVED = "approved", pgettext_lazy("directions", "Approved")


class CommentResolution(models.TextChoices):
    PENDING = "pending", _("Awaiting an answer")
    ACCEPTED = "accepted", pgettext_lazy("comment", "Accepted")
    PARTLY = "partly", pgettext_lazy("comment", "Partly accepted")
    REJECTED = "rejected", pgettext_lazy("comment", "Rejected")


class CallStatus(models.TextChoices):
    """What staff decide. Whether an announced call is open or closed follows from the clock."""

    DRAFT = "draft", pgettext_lazy("call", "Draft")
    ANNOUNCED = "announced", pgettext_lazy("call", "Announced")
    CANCELLED = "cancelled", pgettext_lazy("call", "Cancelled")


class CallPhase(models.TextChoices):
    """What the public sees: the stored status read against the clock."""

    DRAFT = "draft", pgettext_lazy("call", "Draft")
    ANNOUNCED = "announced", pgettext_lazy("call", "Announced")
    OPEN = "open", pgettext_lazy("call", "Open")
    CLOSED = "closed", pgettext_lazy("call", "Closed")
    CANCELLED = "cancelled", pgettext_lazy("call", "Cancelled")


class DocumentKind(models.TextChoices):
    RULES = "rules", _("Rules of the call")
    TEMPLATE = "template", _("Application template")
    ANNOUNCEMENT = "announcement", _("Announcement")
    OTHER = "other", _("Other document")


class GrantType(models.TextChoices):
    SHORT = "short", _("Short-term")
    MEDIUM = "medium", _("Medium-term")
    LONG = "long", _("Long-term")


@dataclass(frozen=True)
class GrantTypeRule:
    min_months: int
    max_months: int
    min_mci: int
    max_mci: int | None  # None: no upper limit


# Law «On state social order, grants and awards for NGOs», art. 6-1 (DOMAIN.md, step 2).
GRANT_TYPE_RULES = {
    GrantType.SHORT: GrantTypeRule(min_months=3, max_months=12, min_mci=500, max_mci=3_000),
    GrantType.MEDIUM: GrantTypeRule(min_months=12, max_months=24, min_mci=3_000, max_mci=10_000),
    GrantType.LONG: GrantTypeRule(min_months=24, max_months=36, min_mci=10_000, max_mci=None),
}


class ClarificationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting an answer")
    ANSWERED = "answered", pgettext_lazy("clarification", "Answered")
    PUBLISHED = "published", pgettext_lazy("clarification", "Published")


class QuestionLanguage(models.TextChoices):
    KK = "kk", "Қазақша"
    RU = "ru", "Русский"
