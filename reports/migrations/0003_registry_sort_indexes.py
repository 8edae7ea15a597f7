"""Indexes the registry sorts by — the award date and the amount, each with the id — on the awarded grants'
table (PostgreSQL; kept by this app, which is what sorts by them). Without them every page of the registry
sorted all 100,000 grants (bench/registry.py)."""

from django.db import migrations

INDEXES = [
    ("reports_grant_awarded_on_id", "agreements_grant (awarded_on, id)"),
    ("reports_grant_amount_id", "agreements_grant (amount, id)"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, target in INDEXES:
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _target in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_registry_search_index")]
    operations = [migrations.RunPython(create, drop)]
