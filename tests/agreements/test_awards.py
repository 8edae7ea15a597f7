"""The awarded grant: created from the commission's winners, declined by its head or by the clock (the reserve
moves up), its transitions and refusals."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from agreements.choices import AgreementStatus, GrantStatus, Party, TrancheStatus
from agreements.models import Grant
from agreements.services import (
    agreement_sign,
    grant_complete,
    grant_decline,
    grant_terminate,
    grants_expire_unsigned,
)
from evaluations import awards
from grants.applications.choices import ApplicationStatus
from grants.workdays import add_working_days, local_date
from portal.audit import history
from portal.models import OutboxMessage
from tests.evaluations import factories as ef

from . import factories as f

pytestmark = pytest.mark.django_db


def test_the_commissions_winner_gets_a_grant_with_its_number_amount_term_and_tranches():
    lot = ef.lot(ef.call(), code="2099-ALM-01", term_months=10)
    winner = f.application(lot, budget=Decimal("12345678.91"))
    head = f.head_of(winner.ngo)
    _decision, rows = f.decided_lot(winners=[winner], lot=lot)

    awards.winners_decided(decisions=rows, actor=None)

    grant = Grant.objects.get(application=winner)
    decided_on = local_date(rows[0].lot_decision.decided_at)  # the date in Astana
    assert grant.number == "2099-ALM-01-G1"
    assert grant.amount == Decimal("12345678.91")
    assert grant.status == GrantStatus.AWARDED
    assert grant.sign_by == add_working_days(decided_on, 10)
    assert grant.starts_on == grant.sign_by + timedelta(days=1)
    assert (grant.ends_on - grant.starts_on).days in range(295, 310)  # ten months
    assert grant.interim_report_due < grant.ends_on < grant.final_report_due
    assert grant.agreement.status == AgreementStatus.DRAFT
    assert [(t.share, t.amount, t.condition_code) for t in grant.tranches.all()] == [
        (Decimal("50.00"), Decimal("6172839.46"), "on_signing"),
        (Decimal("50.00"), Decimal("6172839.45"), "report_accepted:interim"),
    ]
    assert [e.action for e in history(grant)] == ["grant_awarded"]
    assert OutboxMessage.objects.filter(recipient=head.email, subject__contains=grant.number).exists()


def test_a_second_winner_of_the_lot_is_numbered_g2_and_awarding_twice_changes_nothing():
    lot = ef.lot(ef.call())
    first, second = f.application(lot), f.application(lot)
    _decision, rows = f.decided_lot(winners=[first, second], lot=lot)
    awards.winners_decided(decisions=rows, actor=None)
    awards.winners_decided(decisions=rows, actor=None)
    assert sorted(Grant.objects.filter(lot=lot).values_list("number", flat=True)) == [
        f"{lot.code}-G1", f"{lot.code}-G2"]


def test_declining_needs_a_reason():
    grant = f.awarded_grant()
    with pytest.raises(ValidationError):
        grant_decline(grant=grant, actor=None, reason="  ")
    grant.refresh_from_db()
    assert grant.status == GrantStatus.AWARDED


def test_a_declined_grant_goes_to_the_first_reserve_whose_ngo_is_told():
    lot = ef.lot(ef.call())
    grant = f.awarded_grant(lot=lot, reserves=2)
    first_reserve, second_reserve = grant.application.decision.lot_decision.applications.filter(
        outcome="reserve").order_by("reserve_position")
    reserve_head = f.head_of(first_reserve.application.ngo)

    grant_decline(grant=grant, actor=None, reason="Ұйым жобаны іске асыра алмайды")

    grant.refresh_from_db()
    assert grant.status == GrantStatus.DECLINED
    assert grant.reason == "Ұйым жобаны іске асыра алмайды"
    moved = Grant.objects.get(application=first_reserve.application)
    assert moved.number == f"{lot.code}-G2"
    assert moved.status == GrantStatus.AWARDED
    first_reserve.application.refresh_from_db()
    second_reserve.application.refresh_from_db()
    assert first_reserve.application.status == ApplicationStatus.WINNER
    assert second_reserve.application.status == ApplicationStatus.RESERVE
    assert OutboxMessage.objects.filter(recipient=reserve_head.email, subject__contains=moved.number).exists()


def test_declining_with_no_reserve_left_declines_and_awards_nobody():
    grant = f.awarded_grant()
    grant_decline(grant=grant, actor=None, reason="Бас тартамыз")
    assert Grant.objects.filter(lot=grant.lot).count() == 1


def test_a_signed_grant_cannot_be_declined():
    grant = f.signed_grant()
    with pytest.raises(ValidationError):
        grant_decline(grant=grant, actor=None, reason="Кеш")
    grant.refresh_from_db()
    assert grant.status == GrantStatus.AGREEMENT_SIGNED


def test_a_winner_that_has_not_signed_by_the_deadline_loses_the_grant_to_the_reserve():
    grant = f.awarded_grant(reserves=1)
    assert grants_expire_unsigned(today=grant.sign_by) == []  # the last day is still in time
    expired = grants_expire_unsigned(today=grant.sign_by + timedelta(days=1))
    grant.refresh_from_db()
    assert [g.pk for g in expired] == [grant.pk]
    assert grant.status == GrantStatus.DECLINED
    assert grant.sign_by.strftime("%d.%m.%Y") in grant.reason
    assert Grant.objects.filter(lot=grant.lot, status=GrantStatus.AWARDED).count() == 1


def test_a_winner_that_signed_in_time_keeps_the_grant_while_the_operator_signs_late():
    grant = f.awarded_grant(reserves=1)
    head = f.head_of(grant.ngo)
    agreement = f.ready_to_sign(grant, head)
    agreement_sign(agreement=agreement, actor=head, party=Party.NGO, sha256=agreement.pdf_sha256)
    assert grants_expire_unsigned(today=grant.sign_by + timedelta(days=5)) == []
    grant.refresh_from_db()
    assert grant.status == GrantStatus.AWARDED


def test_termination_needs_a_public_reason_and_a_signed_agreement():
    awarded = f.awarded_grant()
    with pytest.raises(ValidationError):
        grant_terminate(grant=awarded, actor=None, reason="Бұзушылық")
    signed = f.signed_grant()
    with pytest.raises(ValidationError):
        grant_terminate(grant=signed, actor=None, reason="")
    grant_terminate(grant=signed, actor=None, reason="Шарт талаптары бұзылды")
    signed.refresh_from_db()
    assert (signed.status, signed.reason) == (GrantStatus.TERMINATED, "Шарт талаптары бұзылды")


def test_completion_is_refused_before_the_project_runs():
    grant = f.signed_grant()
    with pytest.raises(ValidationError):
        grant_complete(grant=grant, actor=None)
    assert grant.tranches.get(position=1).status == TrancheStatus.DUE


def test_only_a_winner_gets_a_grant():
    from agreements.services import grant_award

    app = f.application(ef.lot(ef.call()))
    with pytest.raises(ValidationError):
        grant_award(application=app, awarded_on=timezone.now().date(), actor=None)
