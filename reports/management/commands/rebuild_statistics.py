"""manage.py rebuild_statistics — count the statistics' tallies again from every grant and application.

The tallies follow every save through the signals (reports/tallies.py); this is the repair after writes that
bypassed them (QuerySet.update(), bulk_create, SQL by hand, a restored backup). The beat job does it nightly."""

from django.core.management.base import BaseCommand

from reports import tallies


class Command(BaseCommand):
    help = "Count the statistics' tallies again from every grant and application."

    def handle(self, *args, **options):
        counted = tallies.rebuild()
        self.stdout.write(f"{counted['awards']} award tallies, {counted['applications']} application tallies")
