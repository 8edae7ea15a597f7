"""Tranche arithmetic (property-based), conditions met by the service that meets them, payments never above."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agreements.choices import GrantStatus, TrancheStatus
from agreements.models import CallTerms
from agreements.schedule import split
from agreements.services import condition_met, payment_record, tranche_release
from portal import money
from tests.evaluations import factories as ef
from tests.world import make_user

from . import factories as f

TIYN = Decimal("0.01")
amounts = st.decimals(min_value=Decimal("1.00"), max_value=Decimal("999999999.99"), places=2)


@st.composite
def shares(draw):
    """2–5 positive shares in percent, with two decimals, adding up to 100."""
    count = draw(st.integers(min_value=2, max_value=5))
    cuts = sorted(draw(st.lists(st.integers(min_value=1, max_value=9999), min_size=count - 1, max_size=count - 1,
                                unique=True)))
    bounds = [0, *cuts, 10000]
    return [Decimal(b - a) / 100 for a, b in zip(bounds, bounds[1:], strict=False)]


@given(amount=amounts, parts=shares())
def test_tranches_add_up_to_the_grant_exactly_and_each_is_its_share_to_the_tiyn(amount, parts):
    tranches = split(amount, parts)
    assert sum(tranches) == amount  # no tiyn lost or made up
    assert all(t == t.quantize(TIYN) for t in tranches)
    for tranche, share in zip(tranches[:-1], parts[:-1], strict=True):
        assert tranche == money.share(amount, share)
    exact_last = amount * parts[-1] / 100
    assert abs(tranches[-1] - exact_last) <= TIYN * len(parts)


@pytest.mark.django_db
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payments=st.lists(st.integers(min_value=1, max_value=7_000_000), min_size=1, max_size=6))
def test_payments_never_exceed_the_tranche(payments, media_root):
    grant = f.signed_grant(budget=Decimal("10000000"))
    tranche = grant.tranches.get(position=1)
    finance = make_user(f"finance{grant.pk}@example.kz", group="finance_officer")
    for amount in payments:
        left = tranche.amount - sum(p.amount for p in tranche.payments.all())
        if Decimal(amount) > left:
            with pytest.raises(ValidationError):
                payment_record(tranche=tranche, actor=finance, paid_on=timezone.now().date(), amount=amount,
                               order_number="1")
        elif left > 0:
            payment_record(tranche=tranche, actor=finance, paid_on=timezone.now().date(), amount=amount,
                           order_number="1")
        assert sum(p.amount for p in tranche.payments.all()) <= tranche.amount


pytestmark = pytest.mark.django_db


@pytest.fixture
def finance():
    return make_user("finance@example.kz", group="finance_officer")


def test_a_planned_tranche_is_not_paid(media_root, finance):
    grant = f.signed_grant()
    with f.refused("not_due"):
        payment_record(tranche=grant.tranches.get(position=2), actor=finance, paid_on=timezone.now().date(),
                       amount=1, order_number="7")


def test_paid_in_full_the_tranche_is_paid_and_the_project_is_under_way(media_root, finance):
    grant = f.signed_grant(budget=Decimal("10000000"))
    tranche = grant.tranches.get(position=1)
    payment_record(tranche=tranche, actor=finance, paid_on=timezone.now().date(), amount=Decimal("3000000"),
                   order_number="101")
    tranche.refresh_from_db()
    grant.refresh_from_db()
    assert tranche.status == TrancheStatus.DUE
    assert grant.status == GrantStatus.IN_PROGRESS
    with f.refused(field="amount"):
        payment_record(tranche=tranche, actor=finance, paid_on=timezone.now().date(), amount=Decimal("2000000.01"),
                       order_number="102")
    payment_record(tranche=tranche, actor=finance, paid_on=timezone.now().date(), amount=Decimal("2000000"),
                   order_number="102")
    tranche.refresh_from_db()
    assert tranche.status == TrancheStatus.PAID and tranche.paid_at


def test_a_payment_dated_in_the_future_or_without_an_order_number_is_refused(media_root, finance):
    grant = f.signed_grant()
    tranche = grant.tranches.get(position=1)
    with pytest.raises(ValidationError):
        payment_record(tranche=tranche, actor=finance, paid_on=timezone.now().date() + timedelta(days=2),
                       amount=1, order_number="1")
    with pytest.raises(ValidationError):
        payment_record(tranche=tranche, actor=finance, paid_on=timezone.now().date(), amount=1, order_number=" ")
    assert not tranche.payments.exists()


def test_the_interim_report_accepted_makes_the_second_tranche_due(media_root):
    grant = f.signed_grant()
    assert condition_met(grant=grant, condition="report_accepted:final", actor=None) == []
    due = condition_met(grant=grant, condition="report_accepted:interim", actor=None)
    assert [t.position for t in due] == [2]
    assert grant.tranches.get(position=2).status == TrancheStatus.DUE
    assert condition_met(grant=grant, condition="report_accepted:interim", actor=None) == []


def test_no_tranche_falls_due_before_the_agreement_is_signed():
    grant = f.awarded_grant()
    assert condition_met(grant=grant, condition="on_signing", actor=None) == []
    assert set(grant.tranches.values_list("status", flat=True)) == {TrancheStatus.PLANNED}


def test_the_calls_terms_set_count_shares_and_a_manual_condition(media_root):
    call = ef.call()
    CallTerms.objects.create(call=call, tranches=[
        {"share": "30", "condition": "on_signing"},
        {"share": "30", "condition": "manual:Мониторингтік сапардан кейін"},
        {"share": "40", "condition": "report_accepted:final"},
    ])
    grant = f.signed_grant(lot=ef.lot(call), budget=Decimal("1000000.01"))
    rows = list(grant.tranches.all())
    assert [(t.amount, t.condition_code) for t in rows] == [
        (Decimal("300000.00"), "on_signing"), (Decimal("300000.00"), "manual"),
        (Decimal("400000.01"), "report_accepted:final"),
    ]
    assert rows[1].condition_text == "Мониторингтік сапардан кейін"
    with pytest.raises(ValidationError):
        condition_met(grant=grant, condition="manual", actor=None)
    with pytest.raises(ValidationError):
        tranche_release(tranche=rows[0], actor=None)
    tranche_release(tranche=rows[1], actor=None, note="Сапар өтті")
    rows[1].refresh_from_db()
    assert rows[1].status == TrancheStatus.DUE


def test_shares_that_do_not_add_up_to_100_are_refused():
    call = ef.call()
    terms = CallTerms(call=call, tranches=[{"share": "50", "condition": "on_signing"},
                                           {"share": "40", "condition": "manual"}])
    with pytest.raises(ValidationError):
        terms.clean()
