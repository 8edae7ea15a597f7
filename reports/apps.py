from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from portal.registry import Contributes, PortalApp


class ReportsConfig(PortalApp, AppConfig):
    name = "reports"
    verbose_name = _("Reports, documents and open data")
    contributes = Contributes(
        # The registry's demo history; then, the top floor's demo running last, the reminders the beat job would
        # have sent over the last days, once every app's demo objects stand (grants/demo_reminders.py: every kind).
        demo=("reports.demo.seed", "grants.demo_reminders.seed"),
        # The registry, statistics and open data show grants, their tranches and payments, and count applications.
        public_content=(
            ("agreements.grant", "grants"),
            ("agreements.agreement", "grants"),
            ("agreements.tranche", "grants"),
            ("agreements.payment", "grants"),
            ("grants.application", "grants"),
            ("grants.screening", "grants"),
        ),
    )

    def ready(self):
        from django.db.models.signals import post_save

        from agreements.models import Grant

        # The search index follows every save of a grant, whichever service (or test factory) made it.
        post_save.connect(_reindex, sender=Grant, dispatch_uid="reports.search.reindex")


def _reindex(sender, instance, **kwargs):
    from .search import reindex

    reindex([instance.pk])
