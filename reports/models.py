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
