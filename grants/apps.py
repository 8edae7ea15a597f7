from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "grants"
    verbose_name = _("Calls, lots, applications and grants")

    def ready(self):
        from . import audit_labels  # noqa: F401  (registers what the audit log calls this app's actions)
