from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from portal.registry import Contributes, PortalApp


class PrizesConfig(PortalApp, AppConfig):
    name = "prizes"
    verbose_name = _("State awards for NGOs")
    contributes = Contributes(
        dashboard=("prizes.dashboard.panels",),
        permissions=("prizes.permissions.ROLE_PERMISSIONS",),
        demo=("prizes.demo.seed",),
        reminders=("prizes.reminders.KINDS",),
        # What the public pages show of this app (portal/public_cache.py): an audited change rebuilds them.
        public_content=tuple(
            ("prizes." + model, "prizes") for model in (
                "round", "nomination", "proposal", "candidacy", "councilmeeting", "nominationdecision", "award",
            )
        ),
    )

    def ready(self):
        from ngos.award_sources import register

        from . import audit_labels  # noqa: F401  (registers what the audit log calls this app's actions)
        from .selectors import received_awards

        register("prizes", received_awards)  # NGO profiles list the awards (ngos does not import prizes)
