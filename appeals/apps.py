from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from portal.registry import Contributes, PortalApp


class AppealsConfig(PortalApp, AppConfig):
    name = "appeals"
    verbose_name = _("Appeals of decisions")
    contributes = Contributes(
        dashboard=("appeals.dashboard.panels",),
        permissions=("appeals.permissions.ROLE_PERMISSIONS",),
        demo=("appeals.demo.seed",),
        reminders=("appeals.reminders.KINDS",),
        # The results page shows how many appeals each call had and their outcomes.
        public_content=(("appeals.appeal", "results"),),
    )

    def ready(self):
        from . import audit_labels  # noqa: F401  (registers what the audit log calls this app's actions)
