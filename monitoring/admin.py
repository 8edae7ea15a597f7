from django.contrib import admin

from portal.admin import WorkflowAdmin

from .models import EfficiencyEvaluation, GrantReport, MonitoringVisit, ReportSubmission


@admin.register(GrantReport)
class GrantReportAdmin(WorkflowAdmin):
    list_display = ["grant", "kind", "due_on", "status", "submitted_late"]
    list_filter = ["status", "kind"]


@admin.register(ReportSubmission)
class ReportSubmissionAdmin(WorkflowAdmin):
    list_display = ["report", "round", "submitted_at", "late"]


@admin.register(MonitoringVisit)
class MonitoringVisitAdmin(WorkflowAdmin):
    list_display = ["grant", "visit_on", "status"]


@admin.register(EfficiencyEvaluation)
class EfficiencyEvaluationAdmin(WorkflowAdmin):
    list_display = ["grant", "side", "published_at"]
