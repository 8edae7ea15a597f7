"""The public NGO list filtered by region (and legal form) counted from an index of the verified NGOs by region,
not by walking all of them (issue 11: 10 ms to under 1 ms at 100,000 NGOs)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('ngos', '0009_home_figures_kept'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='ngo',
            index=models.Index(condition=models.Q(('verification', 'verified')), fields=['region', 'id'], include=('legal_form',), name='ngos_ngo_public_region'),
        ),
    ]
