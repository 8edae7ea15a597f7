"""The GIN index over the stored search vectors (PostgreSQL only; SQLite searches the text) and the entries of
grants awarded before this app kept an index."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS reports_grantsearch_vector ON reports_grantsearch USING gin (vector)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS reports_grantsearch_vector")


def index_existing(apps, schema_editor):
    Grant = apps.get_model("agreements", "Grant")
    GrantSearch = apps.get_model("reports", "GrantSearch")
    rows = []
    for grant in Grant.objects.select_related("ngo", "application").iterator():
        ngo = grant.ngo
        parts = [grant.number, grant.title, grant.application.summary, ngo.name_kk, ngo.name_ru,
                 ngo.short_name_kk, ngo.short_name_ru]
        rows.append(GrantSearch(grant_id=grant.pk, document=" ".join(p for p in parts if p).casefold()))
    GrantSearch.objects.bulk_create(rows, batch_size=1000)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("UPDATE reports_grantsearch SET vector = to_tsvector('russian', document) "
                              "|| to_tsvector('simple', document)")


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_registry_search")]
    operations = [
        migrations.RunPython(create, drop),
        migrations.RunPython(index_existing, migrations.RunPython.noop),
    ]
