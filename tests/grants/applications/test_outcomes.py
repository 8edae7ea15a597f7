"""The transition table guards every later step: screening, evaluation and the commission's outcome."""

import pytest
from django.core.exceptions import ValidationError

from grants.applications import services
from grants.applications.models import Application
from portal.models import AuditEntry

pytestmark = pytest.mark.django_db


def at(application, status):
    Application.objects.filter(pk=application.pk).update(status=status)
    application.refresh_from_db()
    return application


@pytest.mark.parametrize(
    "start, target",
    [
        ("admitted", "under_evaluation"),
        ("under_evaluation", "winner"),
        ("under_evaluation", "reserve"),
        ("under_evaluation", "not_funded"),
        ("reserve", "winner"),
    ],
)
def test_evaluation_outcomes_follow_the_table_with_one_audit_entry(application, head, start, target):
    at(application, start)
    services.application_set_outcome(application=application, status=target, actor=head, note="хаттама №1")
    assert Application.objects.get(pk=application.pk).status == target
    entries = AuditEntry.objects.filter(object_id=str(application.pk), to_state=target)
    assert entries.count() == 1 and entries[0].from_state == start and entries[0].note == "хаттама №1"


@pytest.mark.parametrize(
    "start, target",
    [
        ("submitted", "winner"),
        ("not_admitted", "under_evaluation"),
        ("draft", "under_evaluation"),
        ("winner", "not_funded"),
        ("withdrawn", "reserve"),
    ],
)
def test_an_outcome_outside_the_table_is_refused(application, head, start, target):
    at(application, start)
    with pytest.raises(ValidationError, match="cannot become"):
        services.application_set_outcome(application=application, status=target, actor=head)
    assert Application.objects.get(pk=application.pk).status == start
    assert not AuditEntry.objects.filter(object_id=str(application.pk), to_state=target).exists()


@pytest.mark.parametrize("status", ["submitted", "admitted", "withdrawn", "draft"])
def test_set_outcome_only_records_evaluation_outcomes(application, head, status):
    at(application, "under_evaluation")
    with pytest.raises(ValidationError, match="not an outcome of the evaluation"):
        services.application_set_outcome(application=application, status=status, actor=head)
