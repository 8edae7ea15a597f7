from django.urls import path

from .views import reports, visits

app_name = "monitoring"

urlpatterns = [
    # The grantee's NGO, and operator staff
    path("reports/", reports.my_reports, name="mine"),
    path("reports/<int:pk>/", reports.report, name="report"),
    path("reports/<int:pk>/sections/<str:section>/", reports.section, name="section"),
    path("reports/<int:pk>/files/", reports.file_add, name="file_add"),
    path("reports/<int:pk>/files/<int:file>/", reports.file_download, name="file"),
    path("reports/<int:pk>/files/<int:file>/remove/", reports.file_remove, name="file_remove"),
    path("reports/<int:pk>/submit/", reports.submit, name="submit"),
    path("reports/<int:pk>/rounds/<int:round>/receipt.pdf", reports.receipt, name="receipt"),
    path("reports/<int:pk>/rounds/<int:round>/conclusion.pdf", reports.review_pdf, name="review_pdf"),
    path("reports/<int:pk>/review/", reports.review, name="review"),
    path("agreements/<str:number>/monitoring/", visits.grant_monitoring, name="grant"),
    path("agreements/<str:number>/monitoring/efficiency/", visits.efficiency, name="efficiency"),
    path("agreements/<str:number>/monitoring/efficiency/publish/", visits.efficiency_publish, name="publish"),
    path("agreements/<str:number>/monitoring/efficiency-<str:language>.pdf", visits.efficiency_pdf,
         name="efficiency_pdf"),
    path("visits/<int:pk>/", visits.visit, name="visit"),
    path("visits/<int:pk>/follow-ups/<int:follow_up>/answer/", visits.follow_up_answer, name="answer"),
    path("visits/<int:pk>/report-<str:language>.pdf", visits.visit_pdf, name="visit_pdf"),
    # Staff
    path("staff/monitoring/reports/", reports.queue, name="queue"),
    path("staff/monitoring/grants/<str:number>/visits/new/", visits.visit_new, name="visit_new"),
    path("staff/monitoring/visits/<int:pk>/record/", visits.visit_record, name="visit_record"),
    path("staff/monitoring/checklist/", visits.checklist, name="checklist"),
    path("staff/monitoring/checklist/<int:item>/toggle/", visits.checklist_toggle, name="checklist_toggle"),
]
