from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from portal.registry import Contributes, PortalApp


class EvaluationsConfig(PortalApp, AppConfig):
    name = "evaluations"
    verbose_name = _("Expert evaluation and commission decisions")
    contributes = Contributes(
        dashboard=("evaluations.dashboard.panels",),
        permissions=("evaluations.permissions.ROLE_PERMISSIONS",),
        demo=("evaluations.demo.seed",),
        reminders=("evaluations.reminders.KINDS",),
        # What the public pages show of this app (portal/public_cache.py): an audited change rebuilds them.
        public_content=tuple(("evaluations." + model, "results") for model in (
            "panel", "draw", "meeting", "lotdecision", "applicationdecision", "resultletter",
        )),
    )

    def ready(self):
        from . import audit_labels  # noqa: F401  (registers what the audit log calls this app's actions)
