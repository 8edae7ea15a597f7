from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.translation import Translated

from ..choices import CommentResolution, DirectionListStatus


class PriorityDirectionList(models.Model):
    """A customer's priority directions for one year: drafted, discussed in public, approved."""

    customer = models.ForeignKey(
        "grants.Customer", verbose_name=_("customer"), on_delete=models.PROTECT, related_name="direction_lists"
    )
    fiscal_year = models.ForeignKey(
        "grants.FiscalYear", verbose_name=_("year"), on_delete=models.PROTECT, related_name="direction_lists"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=DirectionListStatus.choices, default=DirectionListStatus.DRAFT
    )
    discussion_starts_on = models.DateField(_("public discussion starts"), null=True, blank=True)
    discussion_ends_on = models.DateField(_("public discussion ends"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("list of priority directions")
        verbose_name_plural = _("lists of priority directions")
        ordering = ["-fiscal_year__year", "customer__name_ru"]
        constraints = [
            models.UniqueConstraint(fields=["customer", "fiscal_year"], name="one_direction_list_per_customer_year"),
            models.CheckConstraint(
                condition=models.Q(discussion_ends_on__isnull=True)
                | models.Q(discussion_starts_on__isnull=True)
                | models.Q(discussion_ends_on__gt=models.F("discussion_starts_on")),
                name="direction_discussion_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.customer} — {self.fiscal_year}"

    @property
    def is_public(self) -> bool:
        return self.status != DirectionListStatus.DRAFT


class PriorityDirection(models.Model):
    direction_list = models.ForeignKey(
        PriorityDirectionList, verbose_name=_("list"), on_delete=models.CASCADE, related_name="directions"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title_kk = models.CharField(_("title (Kazakh)"), max_length=500)
    title_ru = models.CharField(_("title (Russian)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    description_kk = models.TextField(_("description (Kazakh)"), blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    title = Translated("title")
    description = Translated("description")

    class Meta:
        verbose_name = _("priority direction")
        verbose_name_plural = _("priority directions")
        ordering = ["direction_list", "number"]
        constraints = [
            models.UniqueConstraint(fields=["direction_list", "number"], name="direction_number_unique_in_list"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class DirectionComment(models.Model):
    """A comment made in the public discussion, and how the operator handled it (public once answered)."""

    direction = models.ForeignKey(
        PriorityDirection, verbose_name=_("priority direction"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="direction_comments"
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)
    resolution = models.CharField(
        _("decision"), max_length=16, choices=CommentResolution.choices, default=CommentResolution.PENDING
    )
    response = models.TextField(_("reason"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment on a priority direction")
        verbose_name_plural = _("comments on priority directions")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"#{self.pk} — {self.direction}"

    @property
    def is_answered(self) -> bool:
        return self.resolution != CommentResolution.PENDING
