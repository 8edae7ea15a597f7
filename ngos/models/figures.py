"""The home page's figures of the NGO database, kept counted (ngos/figures.py keeps them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NGOFigures(models.Model):
    """How many NGOs the database holds verified, and how many of them are listed for a reporting year (a first
    report submitted), as counted at `counted_at`: the home page reads this one row instead of counting 100,000
    NGOs and their reports on every view."""

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    verified = models.PositiveIntegerField(_("verified NGOs"))
    listed = models.PositiveIntegerField(_("NGOs listed for the year"))
    counted_at = models.DateTimeField(_("counted"))

    class Meta:
        verbose_name = _("figures of the NGO database")
        verbose_name_plural = _("figures of the NGO database")

    def __str__(self):
        return str(self.year)


class StaleFigures(models.Model):
    """A change that moved the figures (an NGO verified, moved out of the verified, deleted or imported; a yearly
    report first submitted): written in the changing transaction (an insert, so writers never wait on each other),
    cleared by the next reader once it has counted again."""

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("figures to count again")
        verbose_name_plural = _("figures to count again")

    def __str__(self):
        return str(self.pk)
