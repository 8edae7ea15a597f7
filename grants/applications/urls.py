from django.urls import path

from . import views

app_name = "applications"

urlpatterns = [
    path("", views.my_applications, name="list"),
    path("new/<str:lot>/", views.start, name="start"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/<slug:section>/", views.section, name="section"),
    path("<int:pk>/documents/", views.documents, name="documents"),
    path("<int:pk>/documents/<int:document>/", views.document_download, name="document"),
    path("<int:pk>/documents/<int:document>/replace/", views.document_replace, name="document_replace"),
    path("<int:pk>/documents/<int:document>/remove/", views.document_delete, name="document_delete"),
    path("<int:pk>/check/", views.check, name="check"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/receipts/<int:submission>.pdf", views.receipt, name="receipt"),
    path("<int:pk>/kept/<int:conflict>/", views.conflict, name="conflict"),
]
