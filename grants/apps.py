from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from portal.registry import Contributes, PortalApp


class GrantsConfig(PortalApp, AppConfig):
    name = "grants"
    verbose_name = _("Calls, lots, applications and grants")
    contributes = Contributes(
        reminders=("grants.reminders.KINDS",),
        dashboard=("grants.dashboard.panels", "grants.applications.dashboard.panels"),
        permissions=("grants.permissions.ROLE_PERMISSIONS", "grants.applications.permissions.ROLE_PERMISSIONS"),
        # The applications too, once the calls stand; then the reminders they would have had.
        demo=("grants.demo.seed",),
        home=("grants.selectors.home",),
        home_order=10,  # open calls first: what most visitors come for
        # What the public pages show of this app (portal/public_cache.py): an audited change rebuilds them.
        public_content=(
            *(("grants." + model, "calls") for model in (
                "call", "lot", "calldocument", "clarification", "deadlineextension", "calendarday", "fiscalyear",
                "customer",
            )),
            *(("grants." + model, "directions") for model in ("prioritydirectionlist", "prioritydirection",
                                                               "directioncomment")),
            ("grants.screening", "results"), ("grants.screeningconclusion", "results"),
        ),
    )

    def ready(self):
        from . import audit_labels  # noqa: F401  (registers what the audit log calls this app's actions)
        from .applications.esign import register_actions

        register_actions()
