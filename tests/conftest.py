from importlib import import_module

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


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """One world for a whole module (the URL × role harness): built once inside a transaction that is
    rolled back at the end, while each test (and each POST within it) runs in a savepoint of its own.
    Building it takes about a second; the harness runs a few hundred tests on it."""
    from django.db import transaction
    from django.test.utils import override_settings

    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(
        MEDIA_ROOT=media, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            from django.apps import apps

            from portal.models import Region

            if Region.objects.count() != 20:
                for module in REFERENCE_DATA:
                    import_module(module).load(apps, None)
            yield build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
