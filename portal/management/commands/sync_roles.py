from django.core.management.base import BaseCommand

from portal.roles import sync_roles


class Command(BaseCommand):
    help = "Create the role groups and set their permissions from the apps' permission tables."

    def handle(self, *args, **options):
        for group, count in sync_roles().items():
            self.stdout.write(f"{group}: {count} permissions")
