"""What the audit log and a report's history call the actions on grantee reports, visits and evaluations."""

from django.utils.translation import gettext_lazy

from portal.audit_labels import register

register(actions={
    "report_scheduled": gettext_lazy("Report due by the agreement's schedule"),
    "report_started": gettext_lazy("Report started"),
    "report_submitted": gettext_lazy("Report submitted"),
    "report_resubmitted": gettext_lazy("Report submitted again with the changes"),
    "report_accepted": gettext_lazy("Report accepted"),
    "report_changes_requested": gettext_lazy("Changes to the report requested"),
    "report_file_added": gettext_lazy("Evidence file added"),
    "report_file_removed": gettext_lazy("Evidence file removed"),
    "visit_planned": gettext_lazy("Monitoring visit planned"),
    "visit_recorded": gettext_lazy("Monitoring visit findings recorded"),
    "follow_up_answered": gettext_lazy("Follow-up action answered"),
    "checklist_changed": gettext_lazy("Visit checklist changed"),
    "efficiency_scored": gettext_lazy("Efficiency scored"),
    "efficiency_published": gettext_lazy("Evaluation of efficiency published"),
})
