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
        from django.db.models.signals import post_delete, post_init, post_save

        from . import (
            audit_labels,  # noqa: F401  (registers what the audit log calls this app's actions)
            figures,
        )
        from .esign import register_actions
        from .models import NGO, YearlyReport
        from .signals import ngos_imported

        register_actions()
        # The home page's figures are kept counted (ngos/figures.py): what moves them marks them.
        for model in (NGO, YearlyReport):
            label = model._meta.label_lower
            post_init.connect(figures.remember, sender=model, dispatch_uid=f"ngos.figures.remember.{label}")
            post_save.connect(figures.changed, sender=model, dispatch_uid=f"ngos.figures.changed.{label}")
            post_delete.connect(figures.deleted, sender=model, dispatch_uid=f"ngos.figures.deleted.{label}")
        ngos_imported.connect(figures.imported, dispatch_uid="ngos.figures.imported")
