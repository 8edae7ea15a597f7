"""makemessages for the project catalogue (locale/) and each app's own (<app>/locale/).

Run from the project root: Celery's Django fix-up puts the working directory first on sys.path,
so starting Django from inside an app folder would import that app's `rules.py` as the
`rules` library. Here Django starts at the root and only then visits each app folder.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from portal import registry

PROJECT_IGNORE = [
    ".venv", "tests", "bench", "staticfiles", "node_modules", "config/allauth_locale",
    # our overrides of allauth's templates use allauth's msgids: see config/allauth_locale
    "templates/account", "templates/mfa", "templates/allauth",
]


class Command(BaseCommand):
    help = "Extract every translatable string into locale/ (the shell) and <app>/locale/ (kk and ru)."

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        languages = ["kk", "ru"]
        cwd = os.getcwd()
        try:
            os.chdir(base)
            options = {"locale": languages, "no_obsolete": True, "verbosity": 0}
            # Each app with its own catalogue (portal.registry) is left to its own pass.
            apps = [config.label for config in registry.catalogue_apps()]
            call_command("makemessages", ignore_patterns=PROJECT_IGNORE + apps, **options)
            for app in apps:
                os.chdir(base / app)
                with override_settings(LOCALE_PATHS=[]):
                    call_command("makemessages", ignore_patterns=["tests"], **options)
                self.stdout.write(f"{app}/locale updated")
        finally:
            os.chdir(cwd)
        self.stdout.write("locale updated")
