from django.urls import path

from . import views

app_name = "screening"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:call>/", views.call_detail, name="call"),
    path("<slug:call>/applications.csv", views.export_csv, name="export_csv"),
    path("<slug:call>/applications.xlsx", views.export_xlsx, name="export_xlsx"),
    path("<slug:call>/publish/", views.publish, name="publish"),
    path("<slug:call>/<int:pk>/", views.application_detail, name="application"),
    path("<slug:call>/<int:pk>/start/", views.start, name="start"),
    path("<slug:call>/<int:pk>/checks/", views.record_checks, name="checks"),
    path("<slug:call>/<int:pk>/decision/", views.decide, name="decide"),
    path("<slug:call>/<int:pk>/reopen/", views.reopen, name="reopen"),
]
