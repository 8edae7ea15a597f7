"""compilemessages without GNU gettext: the run command must work on a machine without msgfmt."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

SKIP = {".venv", "venv", "node_modules", "staticfiles", "media"}


def po_files(base: Path):
    for path in base.rglob("*.po"):
        if "LC_MESSAGES" in path.parts and not SKIP.intersection(path.parts):
            yield path


class Command(BaseCommand):
    help = "Compile every .po file of the project into its .mo file (pure Python)."

    def handle(self, *args, **options):
        count = 0
        for po_path in po_files(Path(settings.BASE_DIR)):
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
            count += 1
        self.stdout.write(f"compiled {count} catalogues")
