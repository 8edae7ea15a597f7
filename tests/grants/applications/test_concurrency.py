"""Concurrent submissions on PostgreSQL: real threads, real transactions, real row locks."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from grants.applications import services
from grants.applications.models import Application, Submission

from .factories import LotFactory, LotIndicatorFactory, NGOFactory, person, ready_application

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks under concurrency need PostgreSQL"),
]


def run_together(jobs):
    """Start every job at the same instant (a barrier), each thread on its own database connection."""
    barrier = threading.Barrier(len(jobs))
    results, errors = [None] * len(jobs), []

    def worker(index, job):
        try:
            barrier.wait()
            results[index] = job()
        except Exception as error:  # collected and reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


def test_concurrent_submissions_get_unique_gapless_numbers(media_root):
    lot = LotFactory()
    LotIndicatorFactory(lot=lot)
    drafts = []
    for _ in range(20):
        ngo = NGOFactory()
        drafts.append((ready_application(lot, ngo), person(ngo, "head")))
    now = lot.call.closes_at - timedelta(hours=1)

    results, errors = run_together(
        [lambda a=a, h=h: services.application_submit(application=a, actor=h, now=now).number for a, h in drafts]
    )
    assert not errors
    expected = [f"{lot.call.code}-{n:04d}" for n in range(1, 21)]
    assert sorted(results) == expected
    assert sorted(Submission.objects.values_list("number", flat=True)) == expected
    assert sorted(Application.objects.values_list("sequence", flat=True)) == list(range(1, 21))


def test_a_double_click_gives_one_submission_and_one_number(media_root):
    lot = LotFactory()
    ngo = NGOFactory()
    head = person(ngo, "head")
    application = ready_application(lot, ngo)
    now = lot.call.closes_at - timedelta(minutes=1)

    results, errors = run_together(
        [lambda: services.application_submit(application=application, actor=head, now=now).number] * 8
    )
    assert not errors
    assert set(results) == {f"{lot.call.code}-0001"}
    assert Submission.objects.count() == 1


def test_two_submit_requests_at_once_give_one_receipt(media_root):
    lot = LotFactory()
    ngo = NGOFactory()
    head = person(ngo, "head")
    application = ready_application(lot, ngo)
    url = reverse("applications:submit", kwargs={"pk": application.pk})

    def click():
        client = Client()
        client.force_login(head)
        return client.post(url).status_code

    results, errors = run_together([click, click])
    assert not errors
    assert results == [302, 302]
    assert Submission.objects.filter(application=application).count() == 1
    assert Application.objects.get(pk=application.pk).registration_number == f"{lot.call.code}-0001"
