"""/<lang>/statistics/: charts, the map of the regions, and every figure as CSV."""

from django.urls import path

from .views import statistics

app_name = "statistics"

urlpatterns = [
    path("", statistics.index, name="index"),
    path("<str:figure>.csv", statistics.figure_csv, name="csv"),
]
