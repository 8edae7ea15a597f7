"""Full-text search of the registry: title, summary and the NGO's name, in Kazakh and Russian.

PostgreSQL has a Russian stemmer and none for Kazakh, so each document is indexed twice — with the `russian`
configuration (стемминг: «молодёжи» finds «молодёжь») and with `simple` (every Kazakh word form as written) —
and a query matches either. A trailing word matches as a prefix («жаста» finds «жастарға»), as a visitor types.
SQLite (the embedded demo) searches the same document with LIKE on the folded text."""

import re

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q

from .models import GrantSearch

WORD = re.compile(r"\w+", re.UNICODE)


def document_of(grant, summary: str = "") -> str:
    ngo = grant.ngo
    parts = [grant.number, grant.title, summary, ngo.name_kk, ngo.name_ru, ngo.short_name_kk, ngo.short_name_ru]
    return " ".join(p for p in parts if p).casefold()


def reindex(grant_ids) -> None:
    """Rebuild the entries of these grants (idempotent; one statement for the vectors)."""
    from agreements.models import Grant

    grants = Grant.objects.filter(pk__in=list(grant_ids)).select_related("ngo", "application")
    rows = [GrantSearch(grant=g, document=document_of(g, g.application.summary)) for g in grants]
    GrantSearch.objects.bulk_create(rows, update_conflicts=True, unique_fields=["grant"],
                                    update_fields=["document"], batch_size=1000)
    if connection.vendor == "postgresql" and rows:
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE reports_grantsearch SET vector = to_tsvector('russian', document) "
                "|| to_tsvector('simple', document) WHERE grant_id = ANY(%s)", [[r.grant_id for r in rows]])


def reindex_all(batch: int = 5000) -> None:
    from agreements.models import Grant

    ids = list(Grant.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        reindex(ids[start:start + batch])


def tsquery(text: str) -> str:
    """The words as a prefix query for to_tsquery (letters and digits only, so nothing a visitor types is syntax)."""
    words = WORD.findall(text.casefold())
    return " & ".join(f"{w}:*" for w in words[:8])


def search(queryset, text: str):
    """Grants whose title, summary, number or NGO name has every word of `text`."""
    words = WORD.findall((text or "").casefold())
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        raw = tsquery(text)
        query = SearchQuery(raw, config="russian", search_type="raw") | SearchQuery(raw, config="simple",
                                                                                     search_type="raw")
        return queryset.filter(search__vector=query)
    condition = Q()
    for word in words[:8]:
        condition &= Q(search__document__contains=word)
    return queryset.filter(condition)
