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
            # What monitoring adds to the grant's page: the accepted reports' indicators, the published evaluation.
            ("monitoring.grantreport", "grants"),
            ("monitoring.efficiencyevaluation", "grants"),
        ),
    )

    def ready(self):
        from django.db.models.signals import post_delete, post_init, post_save

        from agreements.models import Grant
        from grants.models import Application
        from ngos.models import NGO
        from ngos.signals import ngos_imported

        from . import tallies

        # The search index follows every save of a grant, whichever service (or test factory) made it.
        post_save.connect(_reindex, sender=Grant, dispatch_uid="reports.search.reindex")
        # So do the statistics' tallies, of grants and of applications (reports/tallies.py).
        for model, changed in ((Grant, tallies.grant_changed), (Application, tallies.application_changed)):
            label = model._meta.label_lower
            post_init.connect(tallies.remember, sender=model, dispatch_uid=f"reports.tallies.remember.{label}")
            post_save.connect(changed, sender=model, dispatch_uid=f"reports.tallies.changed.{label}")
            post_delete.connect(tallies.deleted, sender=model, dispatch_uid=f"reports.tallies.deleted.{label}")
        # An NGO's region or verification moves it between the regions' counts of NGOs, funded and verified.
        post_init.connect(tallies.remember_ngo, sender=NGO, dispatch_uid="reports.tallies.remember.ngo")
        post_save.connect(tallies.ngo_changed, sender=NGO, dispatch_uid="reports.tallies.changed.ngo")
        post_delete.connect(tallies.ngo_deleted, sender=NGO, dispatch_uid="reports.tallies.deleted.ngo")
        ngos_imported.connect(tallies.ngos_imported, dispatch_uid="reports.tallies.imported.ngo")


def _reindex(sender, instance, **kwargs):
    from .search import reindex

    reindex([instance.pk])
