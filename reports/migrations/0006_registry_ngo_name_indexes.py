"""Indexes of every NGO's name in Kazakh order, one per language the registry sorts by (the page's: kk, ru, and
en with its fallback to kk, as reports.selectors.registry.ngo_name_key orders), kept by this app, which is what
sorts grants by their NGO's name (PostgreSQL with ICU only). The NGO list's name indexes (ngos 0008) hold the
verified NGOs alone, so the registry's sort by name collated 20,000 names on every page (57 ms); with these it
walks the names in order and stops at the page (1.5 ms, bench/registry.py)."""

from django.db import migrations, transaction

COLLATION = '"kk-KZ-x-icu"'
INDEXES = [
    ("reports_ngo_name_kk_icu", f"ngos_ngo ((name_kk COLLATE {COLLATION}), id)"),
    ("reports_ngo_name_ru_icu", f"ngos_ngo ((name_ru COLLATE {COLLATION}), id)"),
    ("reports_ngo_name_en_icu", f"ngos_ngo ((COALESCE(NULLIF(name_en, ''), name_kk) COLLATE {COLLATION}), id)"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            for name, target in INDEXES:
                schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")
    except Exception:  # a server without ICU collations sorts without them (as ngos 0005 and 0008)
        pass


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _target in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("reports", "0005_region_verified_ngos"), ("ngos", "0009_home_figures_kept")]
    operations = [migrations.RunPython(create, drop)]
