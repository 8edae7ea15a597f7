"""Indexes for the public NGO list on PostgreSQL only (the embedded demo runs on SQLite):

- the name in Kazakh alphabetical order (ICU kk-KZ), so a page of the list is an index scan;
- trigram indexes, so "name contains" searches do not read the whole table.

Each is created only when the server can: without ICU or pg_trgm the list still works, slower.
"""

from django.db import migrations, transaction

COLLATED = [
    ("ngos_ngo_name_kk_icu", 'CREATE INDEX IF NOT EXISTS ngos_ngo_name_kk_icu ON ngos_ngo ((name_kk COLLATE "kk-KZ-x-icu"), id)'),
    ("ngos_ngo_name_ru_icu", 'CREATE INDEX IF NOT EXISTS ngos_ngo_name_ru_icu ON ngos_ngo ((name_ru COLLATE "kk-KZ-x-icu"), id)'),
]
TRIGRAM = [
    (f"ngos_ngo_{column}_trgm",
     f"CREATE INDEX IF NOT EXISTS ngos_ngo_{column}_trgm ON ngos_ngo USING gin (UPPER({column}::text) gin_trgm_ops)")
    for column in ("name_kk", "name_ru", "short_name_kk", "short_name_ru")
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
    dependencies = [("ngos", "0003_spheres")]
    operations = [migrations.RunPython(create, drop)]
