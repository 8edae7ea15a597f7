from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from portal.registry import Contributes, PortalApp


class MonitoringConfig(PortalApp, AppConfig):
    name = "monitoring"
    verbose_name = _("Grantee reports and monitoring")
    contributes = Contributes(
        dashboard=("monitoring.dashboard.panels",),
        permissions=("monitoring.permissions.ROLE_PERMISSIONS",),
        demo=("monitoring.demo.seed",),
        reminders=("monitoring.reminders.KINDS",),
        # The public grant page (reports) shows the accepted report's indicators and the published evaluation.
        public_content=(("monitoring.grantreport", "grants"), ("monitoring.efficiencyevaluation", "grants")),
    )

    def ready(self):
        from agreements import grant_links, signing

        from . import audit_labels  # noqa: F401  (registers what the audit log calls this app's actions)
        from .esign import register_actions

        register_actions()

        # A signed agreement's reporting schedule becomes the grantee's reports due.
        signing.listen("monitoring", _schedule_reports)
        # The grant's page links its reports and visits, and flags a visit that did not confirm a reported result.
        grant_links.register("monitoring", _grant_links)


def _schedule_reports(*, grant, actor):
    # Imported on use: the services need the whole portal loaded, ready() runs while it loads.
    from .services import reports_schedule

    return reports_schedule(grant=grant, actor=actor)


def _grant_links(request, grant):
    from .selectors import grant_links

    return grant_links(request.user, grant)
