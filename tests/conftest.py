import pytest
from django.core.cache import cache

from .world import build_world


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ACCOUNT_RATE_LIMITS = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Regions come from a data migration; a browser test's flush wipes them, so they come back here."""
    if not ({"db", "transactional_db", "live_server"} & set(request.fixturenames)
            or request.node.get_closest_marker("django_db")):
        return
    request.getfixturevalue("transactional_db" if _wants_transactions(request) else "db")
    from portal.models import Region
    from portal.regions import ensure_regions

    if Region.objects.count() != 20:
        ensure_regions(Region)


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
