from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Expert evaluation and commission decisions")

    def ready(self):
        from . import audit_labels  # noqa: F401  (registers what the audit log calls this app's actions)
