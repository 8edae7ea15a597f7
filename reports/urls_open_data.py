"""/<lang>/open-data/: what is published, the licence and the fields."""

from django.urls import path

from .views import open_data

app_name = "open_data"

urlpatterns = [
    path("", open_data.index, name="index"),
]
