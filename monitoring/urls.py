from django.urls import path

from .views import reports

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
    path("reports/<int:pk>/review/", reports.review, name="review"),
    # Staff
    path("staff/monitoring/reports/", reports.queue, name="queue"),
]
