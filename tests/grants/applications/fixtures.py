from datetime import timedelta

import pytest
from django.utils import timezone, translation

from .factories import LotFactory, LotIndicatorFactory, NGOFactory, person, ready_application


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English unless a test sets a language."""
    with translation.override("en"):
        yield


@pytest.fixture
def lot(db):
    lot = LotFactory()
    LotIndicatorFactory(lot=lot)
    LotIndicatorFactory(lot=lot)
    return lot


@pytest.fixture
def call(lot):
    return lot.call


@pytest.fixture
def ngo(db):
    return NGOFactory()


@pytest.fixture
def head(ngo):
    return person(ngo, "head", full_name="Нұрлан Әбенов", language="kk")


@pytest.fixture
def member(ngo):
    return person(ngo, "member", full_name="Индира Қасымова", language="ru")


@pytest.fixture
def application(lot, ngo, head, member, media_root):
    return ready_application(lot, ngo, user=member)


@pytest.fixture
def outsider(db):
    """A member of another verified NGO."""
    return person(NGOFactory(), "head", email="outsider@example.kz")


@pytest.fixture
def before_deadline(call):
    return call.closes_at - timedelta(hours=1)


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def eager_tasks():
    """Run Celery tasks in the test's process, as the embedded portal does (CI has Redis but no worker here)."""
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous
