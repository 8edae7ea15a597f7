"""/<lang>/grants/: the registry of awarded grants (DOMAIN.md, public addresses)."""

from django.urls import path

from portal.public_cache import public_page

from .feeds import GrantsFeed
from .views import registry

app_name = "grants"

urlpatterns = [
    path("", registry.registry_list, name="registry"),
    path("export.<str:fmt>", registry.registry_export, name="export"),
    path("feed.atom", public_page("grants", "ngos")(GrantsFeed()), name="feed"),
    path("<str:number>/", registry.grant_detail, name="grant"),
]
