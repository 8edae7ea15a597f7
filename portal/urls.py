from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("account/", views.account_settings, name="account"),
    path("account/summary.pdf", views.account_summary_pdf, name="account_summary_pdf"),
    path("staff/audit/", views.audit_log, name="audit_log"),
]
