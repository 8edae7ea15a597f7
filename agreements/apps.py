from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from portal.registry import Contributes, PortalApp


class AgreementsConfig(PortalApp, AppConfig):
    name = "agreements"
    verbose_name = _("Grant agreements, tranches and payments")
    contributes = Contributes(
        dashboard=("agreements.dashboard.panels",),
        permissions=("agreements.permissions.ROLE_PERMISSIONS",),
        demo=("agreements.demo.seed",),
        reminders=("agreements.reminders.KINDS",),
    )

    def ready(self):
        from django.db.models import Exists, OuterRef

        from evaluations import awards
        from ngos.grant_sources import GrantSource, ReceivedGrant, register

        from . import audit_labels  # noqa: F401  (registers what the audit log calls this app's actions)
        from .esign import register_actions as register_signed_actions
        from .models import Grant
        from .selectors import RECEIVED

        # The commission's winners get their grants; NGO profiles list the grants with a signed agreement.
        awards.listen("agreements", _award_winner)
        register_signed_actions()
        register(GrantSource(
            name="agreements",
            exists=lambda: Exists(Grant.objects.filter(status__in=RECEIVED, ngo=OuterRef("pk"))),
            for_ngo=lambda ngo: [
                ReceivedGrant(title=g.title, amount=g.amount, year=g.awarded_on.year, programme=g.call.title,
                              awarded_on=g.awarded_on)
                for g in Grant.objects.filter(ngo=ngo, status__in=RECEIVED).select_related("call")
                .order_by("-awarded_on")
            ],
        ))


def _award_winner(**kwargs):
    # Imported on use: the services need the whole portal loaded, ready() runs while it loads.
    from .services.awards import award_winner

    return award_winner(**kwargs)
