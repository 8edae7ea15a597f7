from django.urls import path

from . import views
from .esign import views as esign_views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("account/", views.account_settings, name="account"),
    path("account/notifications/", views.notifications, name="notifications"),
    path("account/summary.pdf", views.account_summary_pdf, name="account_summary_pdf"),
    path("staff/audit/", views.audit_log, name="audit_log"),
    path("staff/outbox/", views.outbox, name="outbox"),
    path("staff/outbox/<int:pk>/", views.outbox_message, name="outbox_message"),
    path("staff/outbox/<int:pk>/resend/", views.outbox_resend, name="outbox_resend"),
    path("staff/reminders/", views.reminders, name="reminders"),
    path("esign/challenge/", esign_views.challenge, name="esign_challenge"),
    path("staff/signatures/", esign_views.signatures, name="signatures"),
    path("staff/signatures/<int:pk>/", esign_views.signature, name="signature"),
]
