from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .registry import Contributes, PortalApp


class PortalConfig(PortalApp, AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    contributes = Contributes(
        dashboard=("portal.dashboard.panels",),
        permissions=("portal.permissions.ROLE_PERMISSIONS",),
        demo=("portal.demo.seed",),
        catalogue=False,  # the portal's strings are the project's, in locale/
    )

    def ready(self):
        from . import roles

        # Groups and their permissions follow the table in roles.py after every migrate.
        post_migrate.connect(roles.sync_after_migrate, sender=self)

        from allauth.mfa.signals import authenticator_removed

        from .middleware import forget_mfa

        # Removing TOTP must bring back the set-up requirement on the next request.
        authenticator_removed.connect(forget_mfa, dispatch_uid="portal-forget-mfa")
