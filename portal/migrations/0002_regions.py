from django.db import migrations

from portal.regions import ensure_regions


def load(apps, schema_editor):
    ensure_regions(apps.get_model("portal", "Region"))


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
