from importlib import import_module

import pytest
from django.core.cache import cache

from .world import build_world


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ACCOUNT_RATE_LIMITS = False
    # Factories write without the services, so nothing bumps the cache: the cache's own tests turn it on.
    settings.PUBLIC_CACHE = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    yield
    cache.clear()


# Data that migrations load: a browser test's flush wipes it, so it is loaded again when missing.
REFERENCE_DATA = ["portal.migrations.0002_regions", "ngos.migrations.0003_spheres"]


@pytest.fixture(autouse=True)
def _reference_data(request):
    if not ({"db", "transactional_db", "live_server"} & set(request.fixturenames)
            or request.node.get_closest_marker("django_db")):
        return
    request.getfixturevalue("transactional_db" if _wants_transactions(request) else "db")
    from django.apps import apps

    from portal.models import Region

    if Region.objects.count() != 20:
        for module in REFERENCE_DATA:
            import_module(module).load(apps, None)


def _wants_transactions(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    return "live_server" in request.fixturenames or bool(marker and marker.kwargs.get("transaction"))


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def world(db, media_root):
    return build_world()
