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


@pytest.mark.skipif(not settings.REDIS_URL, reason="needs Redis (REDIS_URL): the embedded run has none")
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_delivers_an_outbox_message_once_the_change_commits(mailoutbox):
    import time

    from celery.contrib.testing.worker import start_worker
    from django.db import transaction
    from django.utils.translation import gettext_noop

    from config.celery import app
    from portal import mail
    from portal.models import OutboxMessage
    from tests.world import make_user

    user = make_user("aigerim@example.kz", language="kk")
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            with transaction.atomic():
                [message] = mail.send(to=[user], subject=gettext_noop("Your settings are saved."),
                                      template="evaluations/email/result_letter.txt", context={"letter": {}})
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and not OutboxMessage.objects.filter(
                pk=message.pk, status=OutboxMessage.Status.SENT
            ).exists():
                time.sleep(0.1)
    finally:
        app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER
    assert OutboxMessage.objects.get(pk=message.pk).status == OutboxMessage.Status.SENT
    assert [m.to for m in mailoutbox] == [["aigerim@example.kz"]]
