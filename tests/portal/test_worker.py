"""A real task through a real Celery worker and Redis (CI has both)."""

import uuid

import pytest
from django.conf import settings

pytestmark = pytest.mark.worker


@pytest.mark.skipif(not settings.REDIS_URL, reason="needs Redis (REDIS_URL): the embedded run has none")
def test_a_task_runs_on_a_real_worker_through_redis():
    from celery.contrib.testing.worker import start_worker

    from config.celery import app
    from portal.tasks import worker_ping

    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            token = uuid.uuid4().hex
            result = worker_ping.delay(token)
            assert result.get(timeout=20)["token"] == token
    finally:
        app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER
