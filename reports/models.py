"""What reports keeps of its own: the registry's search index (one row per awarded grant)."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class GrantSearch(models.Model):
    """The words a visitor may search a grant by — its number, title, summary and the NGO's names in Kazakh and
    Russian — as text (the SQLite fallback reads it) and as a stored PostgreSQL tsvector behind a GIN index
    (migration 0002). Rebuilt by reports.search.reindex() whenever a grant is saved."""

    grant = models.OneToOneField("agreements.Grant", verbose_name=_("grant"), on_delete=models.CASCADE,
                                 primary_key=True, related_name="search")
    document = models.TextField(_("searchable text"))
    vector = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("registry search entry")
        verbose_name_plural = _("registry search entries")

    def __str__(self):
        return str(self.grant_id)


class LotAwardTally(models.Model):
    """The public grants of one lot (and the call the grant names) awarded in one year: how many and for how much.
    The statistics page sums these few thousand rows instead of the grants (reports/tallies.py keeps them)."""

    lot = models.ForeignKey("grants.Lot", verbose_name=_("lot"), on_delete=models.CASCADE, related_name="+")
    call = models.ForeignKey("grants.Call", verbose_name=_("call"), on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year of the award"))
    grants = models.PositiveIntegerField(_("grants"))
    amount = models.DecimalField(_("amount awarded, tenge"), max_digits=16, decimal_places=2)

    class Meta:
        verbose_name = _("awarded grants of a lot in a year")
        verbose_name_plural = _("awarded grants of lots by year")
        constraints = [models.UniqueConstraint(fields=["lot", "call", "year"], name="reports_lot_award_tally_once")]

    def __str__(self):
        return f"{self.lot_id} {self.year}"


class LotApplicationTally(models.Model):
    """The applications submitted to one lot, and how many of them were admitted (reports/tallies.py keeps them)."""

    lot = models.OneToOneField("grants.Lot", verbose_name=_("lot"), on_delete=models.CASCADE, primary_key=True,
                               related_name="+")
    submitted = models.PositiveIntegerField(_("applications submitted"))
    admitted = models.PositiveIntegerField(_("admitted"))

    class Meta:
        verbose_name = _("applications of a lot")
        verbose_name_plural = _("applications of lots")

    def __str__(self):
        return str(self.lot_id)


class NGOAwardYear(models.Model):
    """An NGO received a public grant awarded in this year: the statistics count the share of each region's NGOs
    funded from these rows, not from the grants (reports/tallies.py keeps them)."""

    ngo = models.ForeignKey("ngos.NGO", verbose_name=_("NGO"), on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year of the award"))

    class Meta:
        verbose_name = _("NGO funded in a year")
        verbose_name_plural = _("NGOs funded by year")
        constraints = [models.UniqueConstraint(fields=["ngo", "year"], name="reports_ngo_award_year_once")]

    def __str__(self):
        return f"{self.ngo_id} {self.year}"


class RegionFundedTally(models.Model):
    """The verified NGOs of a region (none: an NGO with no region) that received a public grant awarded in a year
    (0: in any year), counted from `NGOAwardYear` whenever an NGO's tally changed (reports/tallies.py). The rows of
    year 0 also carry the region's verified NGOs, funded or not (the share's denominator)."""

    region = models.ForeignKey("portal.Region", verbose_name=_("region"), on_delete=models.CASCADE, null=True,
                               related_name="+")
    year = models.PositiveSmallIntegerField(_("year of the award"))
    ngos = models.PositiveIntegerField(_("NGOs with a grant"))
    verified = models.PositiveIntegerField(_("Verified NGOs"), default=0)

    class Meta:
        verbose_name = _("NGOs funded in a region")
        verbose_name_plural = _("NGOs funded by region")

    def __str__(self):
        return f"{self.region_id} {self.year}"


class StaleTally(models.Model):
    """A lot (or an NGO) whose tallies a change made out of date: written in the changing transaction (an insert, so
    writers never wait on each other), read and cleared by the next reader of the statistics before it sums them."""

    lot_id = models.PositiveIntegerField(_("lot"), null=True)
    ngo_id = models.PositiveIntegerField(_("NGO"), null=True)

    class Meta:
        verbose_name = _("tally to count again")
        verbose_name_plural = _("tallies to count again")

    def __str__(self):
        return f"{self.lot_id or ''}/{self.ngo_id or ''}"
