"""manage.py import_ngos register.csv — load NGOs from the operator's existing register.

Every rejected row is reported with its line and reason (bad BIN, duplicate, unknown region…);
the other rows are imported. See ngos/services/imports.py for the columns.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ngos.services.imports import OPTIONAL, REQUIRED, ngo_import, read_rows
from portal.models import User


class Command(BaseCommand):
    help = "Import NGOs from a CSV file (the operator's register); reports each rejected row and why."

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV file with a header row: " + ", ".join(REQUIRED + OPTIONAL))
        parser.add_argument("--delimiter", default=",", help="Column separator (default ',').")
        parser.add_argument("--encoding", default="utf-8-sig", help="File encoding (default utf-8-sig).")
        parser.add_argument("--pending", action="store_true", help="Leave the NGOs waiting for verification.")
        parser.add_argument("--dry-run", action="store_true", help="Check every row, import nothing.")
        parser.add_argument("--actor", help="E-mail of the staff member recorded in the audit log.")
        parser.add_argument("--language", default="en", choices=["kk", "ru", "en"], help="Language of the report.")

    def handle(self, *args, **options):
        actor = None
        if options["actor"]:
            actor = User.objects.filter(email__iexact=options["actor"]).first()
            if actor is None:
                raise CommandError(f"No user with the e-mail {options['actor']}")
        try:
            with open(options["path"], encoding=options["encoding"], newline="") as stream:
                missing, rows = read_rows(stream, delimiter=options["delimiter"])
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {options['path']}: {error}") from error
        if missing:
            raise CommandError("Required columns are missing: " + ", ".join(missing))
        with translation.override(options["language"]):
            result = ngo_import(
                rows=rows, actor=actor, verified=not options["pending"], dry_run=options["dry_run"]
            )
            for rejection in result.rejected:
                self.stdout.write(f"line {rejection.line}: rejected — {rejection.reason}")
        verb = "would be imported" if options["dry_run"] else "imported"
        self.stdout.write(f"{len(result.imported)} NGOs {verb}, {len(result.rejected)} rows rejected.")
