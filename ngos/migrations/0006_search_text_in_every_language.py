"""search_text gains the English names: the English page shows them, so a search must find them.

A generated column's expression cannot be altered in place: it is dropped (its trigram index goes with
it) and added again, and the index of migration 0005 is made again where the server can.
"""

import django.db.models.functions.text
from django.db import migrations, models, transaction

TRIGRAM = ("CREATE INDEX IF NOT EXISTS ngos_ngo_search_text_trgm ON ngos_ngo "
           "USING gin (search_text gin_trgm_ops)")


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            schema_editor.execute(TRIGRAM)
    except Exception:  # a server without pg_trgm: the search works without the index, slower
        pass


class Migration(migrations.Migration):

    dependencies = [
        ("ngos", "0005_postgresql_search_indexes"),
    ]

    operations = [
        migrations.RemoveField(model_name="ngo", name="search_text"),
        migrations.AddField(
            model_name="ngo",
            name="search_text",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Concat(
                        "name_kk", models.Value(" "), "name_ru", models.Value(" "), "name_en", models.Value(" "),
                        "short_name_kk", models.Value(" "), "short_name_ru", models.Value(" "), "short_name_en",
                    )
                ),
                output_field=models.TextField(),
            ),
        ),
        migrations.RunPython(create_index, migrations.RunPython.noop),
    ]
