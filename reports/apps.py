from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from portal.registry import Contributes, PortalApp


class ReportsConfig(PortalApp, AppConfig):
    name = "reports"
    verbose_name = _("Reports, documents and open data")
    # The public pages; and, the top floor's demo running last, the reminders the beat job would have sent over
    # the last days, once every app's demo objects stand (grants/demo_reminders.py: every app's kinds).
    contributes = Contributes(demo=("grants.demo_reminders.seed",))
