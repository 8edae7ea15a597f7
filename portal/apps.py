from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import roles

        # Groups and their permissions follow the table in roles.py after every migrate.
        post_migrate.connect(roles.sync_after_migrate, sender=self)
