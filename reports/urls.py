"""/<lang>/results/: published result documents by call (screening conclusions, commission minutes)."""

from django.urls import path

from .views import results as views

app_name = "results"

urlpatterns = [
    path("", views.results_list, name="list"),
    path("<slug:call>/screening/", views.conclusion, name="screening"),
    path("<slug:call>/screening/<str:language>.pdf", views.conclusion_pdf, name="screening_pdf"),
]
