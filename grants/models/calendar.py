from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.translation import Translated

from ..choices import CalendarDayKind


class CalendarDay(models.Model):
    """An exception to the Monday–Friday week: a public holiday or day off, or a weekend moved to work.

    Kazakhstan's holidays and the government's day transfers change every year, so staff keep them
    as data; every working-day count in the portal reads them.
    """

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=CalendarDayKind.choices, default=CalendarDayKind.DAY_OFF)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=200)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)

    name = Translated("name")

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("working-day calendar")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.name}"
