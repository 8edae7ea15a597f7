"""Indexes for the public NGO list on PostgreSQL only (the embedded demo runs on SQLite):

- the verified NGOs' names in Kazakh alphabetical order (ICU kk-KZ), so a page of the public
  list is read straight from an index, however deep the page;
- a trigram index on the capitalised names, so "name contains" searches do not scan the table.

Each is created only when the server can: without ICU or pg_trgm the list still works, slower.
"""

from django.db import migrations, transaction

COLLATED = [
    (
        f"ngos_ngo_public_{column}_icu",
        f'CREATE INDEX IF NOT EXISTS ngos_ngo_public_{column}_icu ON ngos_ngo (({column} COLLATE "kk-KZ-x-icu"), id) '
        "WHERE verification = 'verified'",
    )
    for column in ("name_kk", "name_ru")
]
TRIGRAM = [
    ("ngos_ngo_search_text_trgm", "CREATE INDEX IF NOT EXISTS ngos_ngo_search_text_trgm ON ngos_ngo "
                                  "USING gin (search_text gin_trgm_ops)"),
]


def _try(schema_editor, statements):
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            for statement in statements:
                schema_editor.execute(statement)
        return True
    except Exception:  # a server without ICU or pg_trgm: the list works without these indexes
        return False


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    _try(schema_editor, [sql for _name, sql in COLLATED])
    _try(schema_editor, ["CREATE EXTENSION IF NOT EXISTS pg_trgm", *[sql for _name, sql in TRIGRAM]])


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _sql in COLLATED + TRIGRAM:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("ngos", "0004_ngo_search_text")]
    operations = [migrations.RunPython(create, drop)]
