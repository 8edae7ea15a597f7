from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils.module_loading import import_string

from portal import mail, registry
from portal.demo import DEMO_PASSWORD, describe


class Command(BaseCommand):
    help = "Load realistic demo data (idempotent): one account per role, NGOs, calls and more."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-accounts", action="store_true", help="Do not print the accounts.")

    def handle(self, *args, **options):
        # The services write e-mails to the outbox as they would for real users: the demo's people would be sent
        # a history of notices, so nothing is written (mail.silence) and nothing reaches the console.
        with mail.silence(), override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            # Layer order (portal.registry): each app's demo builds on the ones below it.
            for config in registry.portal_apps():
                if not config.contributes.demo:
                    continue
                for path in config.contributes.demo:
                    with transaction.atomic():
                        import_string(path)(stdout=self.stdout)
                self.stdout.write(f"demo data: {config.label} ready")
        if not options["quiet_accounts"]:
            self.stdout.write("")
            self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
            for email, role in describe():
                self.stdout.write(f"  {email:<32} {role}")
            self.stdout.write(
                "Operator staff, experts and council members set up two-factor authentication "
                "(TOTP) at their first sign-in."
            )
            self.stdout.write("What each account finds waiting (a call at every stage): README.md, “Two commands”.")
