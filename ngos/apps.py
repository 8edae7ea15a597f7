from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NgosConfig(AppConfig):
    name = "ngos"
    verbose_name = _("NGOs and the NGO database")

    def ready(self):
        from . import audit_labels  # noqa: F401  (registers what the audit log calls this app's actions)
