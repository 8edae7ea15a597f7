"""The agreements' due dates (issue 16): an agreement waiting for a signature reminds the NGO's head, then the
operator's signatories once the NGO has signed; a due tranche reminds the finance officers until it is paid."""

from datetime import date, datetime, timedelta

import pytest

from agreements.choices import AgreementStatus, TrancheStatus
from agreements.models import Agreement, Tranche
from agreements.reminders import signatures, tranches
from portal.choices import StaffRole
from tests.portal.test_reminders import ASTANA
from tests.world import make_user

from . import factories as f

pytestmark = pytest.mark.django_db


def _range(day: date):
    start = datetime(day.year, day.month, day.day, tzinfo=ASTANA) - timedelta(days=10)
    return start, start + timedelta(days=20)


def test_the_signature_reminder_goes_to_whoever_signs_next_and_stops_once_signed():
    grant = f.awarded_grant()
    head = f.head_of(grant.ngo)
    manager = make_user("signatory@example.kz", group=StaffRole.CALL_MANAGER)
    found = list(signatures(*_range(grant.sign_by)))
    assert [d.obj for d in found] == [grant.agreement] and found[0].recipients == [head]
    Agreement.objects.filter(pk=grant.agreement.pk).update(status=AgreementStatus.NGO_SIGNED)
    assert manager in next(iter(signatures(*_range(grant.sign_by)))).recipients
    Agreement.objects.filter(pk=grant.agreement.pk).update(status=AgreementStatus.SIGNED)
    assert list(signatures(*_range(grant.sign_by))) == []


def test_a_due_tranche_reminds_the_finance_officers_until_it_is_paid():
    grant = f.awarded_grant()
    officer = make_user("finance-r@example.kz", group=StaffRole.FINANCE_OFFICER)
    tranche = grant.tranches.order_by("position").first()
    since = datetime(2031, 6, 2, 10, tzinfo=ASTANA)  # a Monday: 10 working days → due by the end of 16 June
    Tranche.objects.filter(pk=tranche.pk).update(status=TrancheStatus.DUE, due_since=since)
    found = list(tranches(since, since + timedelta(days=30)))
    assert [d.obj for d in found] == [tranche] and found[0].recipients == [officer]
    assert found[0].deadline == datetime(2031, 6, 17, 0, 0, tzinfo=ASTANA)
    Tranche.objects.filter(pk=tranche.pk).update(status=TrancheStatus.PAID)
    assert list(tranches(since, since + timedelta(days=30))) == []
