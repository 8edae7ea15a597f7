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


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the portal's default language: a request or an override an earlier test left active
    would otherwise decide which language reverse() and the pages use."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _eager_tasks():
    """Tasks run in the test's process, as in the embedded run: the outbox delivers at once after commit. The
    broker-down and real-worker tests switch this off."""
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def broker_down():
    """The Celery broker unreachable: a closed port, refused at once (the short timeouts of the settings keep
    an unanswered one from hanging the request)."""
    from config.celery import app

    def forget_connections():
        # Kombu keeps one pool per broker address: drop the app's references, close none (the real one is
        # used again afterwards).
        app._pool = None
        app.amqp._producer_pool = None

    saved = app.conf.broker_url, app.conf.task_always_eager
    forget_connections()
    app.conf.broker_url, app.conf.task_always_eager = "redis://127.0.0.1:1/0", False
    yield
    forget_connections()
    app.conf.broker_url, app.conf.task_always_eager = saved


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every id in the test database starts at 10,001, as it does on a portal a few years old: a template
    that prints an id localised ("10 001", the thousands separator of kk and ru) into an attribute, a
    form value or a URL then fails in every test instead of only late in a long run."""
    from django.db import connection

    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")
                for (name,) in cursor.fetchall():
                    cursor.execute(f'ALTER SEQUENCE "{name}" RESTART WITH 10001')


# Data that migrations load: a browser test's flush wipes it, so it is loaded again when missing.
REFERENCE_DATA = [
    ("portal.migrations.0002_regions", "load"),
    ("ngos.migrations.0003_spheres", "load"),
    ("evaluations.migrations.0002_standard_rubric_template", "create"),
]


@pytest.fixture(autouse=True)
def _reference_data(request):
    if not ({"db", "transactional_db", "live_server"} & set(request.fixturenames)
            or request.node.get_closest_marker("django_db")):
        return
    request.getfixturevalue("transactional_db" if _wants_transactions(request) else "db")
    ensure_reference_data()


def ensure_reference_data():
    """Load the regions, spheres, rubric and role groups again when a browser test's flush wiped them (module
    fixtures call it too)."""
    from django.apps import apps

    from portal.models import Region

    if Region.objects.count() != 20:
        for module, loader in REFERENCE_DATA:
            getattr(import_module(module), loader)(apps, None)
    from django.contrib.auth.models import Group

    if not Group.objects.exists():
        from portal.roles import sync_roles

        sync_roles()


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
