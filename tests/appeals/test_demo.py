"""The demo's appeals: on the finished call, one rejected (screening) and one upheld (evaluation, a reserve expert
to score again), each with its kk/ru letter, filed after the publication and before the period ended; a second
seed adds nothing."""

import io

import pytest
from django.core.management import call_command

from appeals.choices import AppealStatus, Ground
from appeals.models import Appeal
from evaluations.choices import AssignmentStatus

pytestmark = pytest.mark.django_db


def test_the_demo_has_one_appeal_upheld_and_one_rejected_on_the_finished_call(media_root):
    call_command("seed_demo", "--quiet-accounts", stdout=io.StringIO())
    appeals = {a.ground: a for a in Appeal.objects.select_related("reevaluation", "application__lot__call")}
    assert set(appeals) == {Ground.SCREENING, Ground.EVALUATION}
    rejected, upheld = appeals[Ground.SCREENING], appeals[Ground.EVALUATION]
    assert rejected.status == AppealStatus.REJECTED and upheld.status == AppealStatus.REEVALUATION
    assert upheld.reevaluation.status == AssignmentStatus.AWAITING_DECLARATION
    for appeal in (rejected, upheld):
        assert appeal.has_letter and appeal.filed_at < appeal.deadline and appeal.filed_at < appeal.reviewed_at
    assert rejected.application.lot.call == upheld.application.lot.call
    call_command("seed_demo", "--quiet-accounts", stdout=io.StringIO())
    assert Appeal.objects.count() == 2
