from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from portal import views as portal_views
from reports.views import open_data

urlpatterns = [
    path("healthz", portal_views.healthz, name="healthz"),
    path("favicon.ico", portal_views.favicon, name="favicon"),
    # Public uploads only (settings.PUBLIC_MEDIA_PREFIXES), in every set-up: private ones have their own views.
    path(settings.MEDIA_URL.strip("/") + "/<path:path>", portal_views.public_media, name="public_media"),
    # The open-data files have one address in every language (DOMAIN.md, public addresses).
    path("open-data/grants.<str:fmt>", open_data.download, name="open_data_file"),
    path("robots.txt", portal_views.robots_txt, name="robots_txt"),
    path("i18n/setlang/", portal_views.set_language, name="set_language"),
    # Ours, among allauth's account pages (which follow the language cookie): before allauth's include.
    path("accounts/email/confirmation/", portal_views.email_confirmation, name="email_confirmation"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("portal.urls")),
    path("ngos/", include("ngos.urls")),
    path("", include("grants.urls")),
    path("applications/", include("grants.applications.urls")),
    path("staff/screening/", include("grants.screening.urls")),
    path("results/", include("reports.urls")),
    path("grants/", include("reports.urls_registry")),
    path("statistics/", include("reports.urls_statistics")),
    path("open-data/", include("reports.urls_open_data")),
    path("", include("evaluations.urls")),
    path("", include("agreements.urls")),
    path("", include("monitoring.urls")),
    path("prizes/", include("prizes.urls")),
    path("", include("appeals.urls")),
    prefix_default_language=True,
)

handler403 = "portal.views.error_403"
handler404 = "portal.views.error_404"
handler500 = "portal.views.error_500"
