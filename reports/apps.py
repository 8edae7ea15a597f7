from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from portal.registry import Contributes, PortalApp


class ReportsConfig(PortalApp, AppConfig):
    name = "reports"
    verbose_name = _("Reports, documents and open data")
    contributes = Contributes()  # the public pages only, for now: results
