from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from portal.registry import Contributes, PortalApp


class NgosConfig(PortalApp, AppConfig):
    name = "ngos"
    verbose_name = _("NGOs and the NGO database")
    contributes = Contributes(
        reminders=("ngos.reminders.KINDS",),
        dashboard=("ngos.dashboard.panels",),
        permissions=("ngos.permissions.ROLE_PERMISSIONS",),
        demo=("ngos.demo.seed",),
        home=("ngos.selectors.home",),
        account=("ngos.selectors.account_part",),
        # What the public pages show of this app (portal/public_cache.py): an audited change rebuilds them.
        public_content=(
            ("ngos.ngo", "ngos"), ("ngos.yearlyreport", "ngos"), ("ngos.yearlyreportversion", "ngos"),
            ("ngos.sphere", "ngos"),
        ),
    )

    def ready(self):
        from . import audit_labels  # noqa: F401  (registers what the audit log calls this app's actions)
        from .esign import register_actions

        register_actions()
