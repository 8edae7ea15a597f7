from datetime import timedelta

import pytest
from django.utils import timezone

from grants.applications import services as application_services
from ngos.models import YearlyReport

from ..applications.factories import NGOFactory, person, ready_application
from ..applications.fixtures import *  # noqa: F401,F403  the applicants' fixtures: lot, call, ngo, head…


def listed(ngo, year=2025):
    YearlyReport.objects.create(ngo=ngo, year=year, first_submitted_at=timezone.now())


def close(call):
    """Move the call's deadline into the past (it stays the same call)."""
    call.opens_at = timezone.now() - timedelta(days=30)
    call.closes_at = timezone.now() - timedelta(days=1)
    call.save()


@pytest.fixture
def officer(db):
    from tests.world import make_user

    return make_user("officer@example.kz", group="screening_officer", full_name="Ольга Ким")


@pytest.fixture
def submitted(application, head, call, ngo):
    """NGO listed for the previous year, the application submitted, the deadline passed."""
    listed(ngo)
    application_services.application_submit(application=application, actor=head,
                                            now=call.closes_at - timedelta(days=1))
    close(call)
    application.refresh_from_db()
    return application


@pytest.fixture
def second(lot, call, media_root):
    """Another NGO's application in the same call, submitted before the deadline; its NGO is not listed."""
    other = NGOFactory()
    other_head = person(other, "head", language="ru")
    app = ready_application(lot, other, language="ru")
    application_services.application_submit(application=app, actor=other_head, now=call.closes_at - timedelta(days=2))
    app.refresh_from_db()
    return app
