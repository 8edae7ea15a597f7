"""/healthz and the cache: what serving needs down answers 503, what only delays mail answers "degraded", and a
cache that is down costs speed, not sign-in."""

from datetime import timedelta

import pytest
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import timezone

from config.settings import _RATE_LIMITS, redis_cache
from portal.models import OutboxMessage
from tests.world import make_user

pytestmark = pytest.mark.django_db

DEAD_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
def cache_down(settings):
    settings.CACHES = {"default": redis_cache(DEAD_REDIS)}


def health(client):
    response = client.get(reverse("healthz"))
    return response.status_code, response.json()


def test_healthz_reports_every_part_and_the_outbox(client):
    OutboxMessage.objects.create(
        recipient="a@example.kz", subject="s", body="b", created_at=timezone.now() - timedelta(minutes=5)
    )

    status, body = health(client)

    assert status == 200 and body["status"] == "ok"
    assert body["database"] == "ok" and body["cache"] == "ok" and body["broker"] in ("ok", "eager")
    assert body["outbox"]["pending"] == 1 and body["outbox"]["failed"] == 0
    assert 300 <= body["outbox"]["oldest_pending_age_seconds"] < 360


def test_healthz_is_503_when_the_cache_is_down(client, cache_down):
    status, body = health(client)
    assert status == 503 and body["status"] == "error"
    assert body["cache"].startswith("error") and body["database"] == "ok"


def test_healthz_is_503_when_the_database_is_down(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    status, body = health(client)
    assert status == 503 and body["database"] == "error: OperationalError"


def test_healthz_is_degraded_not_down_when_the_broker_is_down(client, broker_down):
    status, body = health(client)
    assert status == 200 and body["status"] == "degraded"
    assert body["broker"].startswith("error")


@pytest.mark.parametrize("row", [
    {"status": OutboxMessage.Status.FAILED, "attempts": 10, "last_error": "SMTPServerDisconnected"},
    {"created_at": timezone.now() - timedelta(hours=1)},
], ids=["a failed message", "an hour-old backlog"])
def test_healthz_is_degraded_by_the_outbox(client, row):
    OutboxMessage.objects.create(recipient="a@example.kz", subject="s", body="b", **row)
    status, body = health(client)
    assert status == 200 and body["status"] == "degraded"
    assert body["outbox"]["failed"] == 1 or body["outbox"]["oldest_pending_age_seconds"] >= 3600


def test_healthz_answers_over_plain_http_when_https_is_enforced(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # DJANGO_SECURE=1; the exemption is the one the settings declare

    assert client.get("/").status_code == 301
    assert client.get(reverse("healthz")).status_code == 200


def test_sign_in_works_with_the_cache_down_and_rate_limits_on(client, settings, cache_down):
    settings.ACCOUNT_RATE_LIMITS = _RATE_LIMITS
    user = make_user("saule@example.kz")

    response = client.post(reverse("account_login"), {"login": user.email, "password": "correct horse battery"})

    assert response.status_code == 302 and response.url == reverse("portal:dashboard")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(response.url).status_code == 200


def test_pages_work_with_the_cache_down(client, cache_down):
    assert client.get(reverse("portal:home")).status_code == 200
    assert client.get(reverse("account_login")).status_code == 200


def test_the_cache_reuses_its_redis_client_and_still_answers(settings):
    """One redis.Redis per connection pool (Django would build one per call): the values still come back."""
    from django.conf import settings as live

    if not live.REDIS_URL:
        pytest.skip("the embedded run has no Redis")
    from django.core.cache import caches

    settings.CACHES = {"default": redis_cache(live.REDIS_URL)}
    cache = caches["default"]
    assert cache._cache.get_client() is cache._cache.get_client(write=True)
    cache.set("demeu-test-reused", {"figure": 7}, 30)
    assert cache.get("demeu-test-reused") == {"figure": 7}
    cache.delete("demeu-test-reused")
