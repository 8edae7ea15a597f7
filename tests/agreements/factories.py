"""Builders for agreement tests: a lot the commission decided (winners and reserves), a grant, a signed one."""

from contextlib import contextmanager
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from agreements.banking import make_iban
from agreements.models import Grant
from evaluations.choices import MeetingStatus, Outcome, Recommendation
from evaluations.models import ApplicationDecision, LotDecision, Meeting, Panel
from grants.applications.choices import ApplicationStatus
from ngos.choices import MemberRole
from ngos.models import Membership
from tests.evaluations import factories as ef
from tests.world import make_user

IBAN = make_iban("722", "S000012345678")
BIK = "CASPKZKA"


def decided_lot(*, winners: list, reserves: list = (), lot=None):
    """A closed meeting's decision on a lot: the applications given are winners and reserves (in order)."""
    lot = lot or ef.lot(ef.call())
    panel = Panel.objects.create(call=lot.call, size=3, reserves=0)
    meeting = Meeting.objects.create(panel=panel, held_at=timezone.now(), place="Астана", status=MeetingStatus.CLOSED)
    decision = LotDecision.objects.create(meeting=meeting, lot=lot, confirmed=True, decided_at=timezone.now())
    rows = []
    for rank, (application, outcome, position) in enumerate(
        [(a, Outcome.WINNER, None) for a in winners]
        + [(a, Outcome.RESERVE, n) for n, a in enumerate(reserves, start=1)], start=1,
    ):
        application.status = ApplicationStatus.WINNER if outcome == Outcome.WINNER else ApplicationStatus.RESERVE
        application.save(update_fields=["status"])
        rows.append(ApplicationDecision.objects.create(
            lot_decision=decision, application=application, rank=rank, mean_total=Decimal("80") - rank,
            recommendation=Recommendation.WINNER if outcome == Outcome.WINNER else Recommendation.RESERVE,
            outcome=outcome, reserve_position=position,
        ))
    return decision, rows


def head_of(ngo, email: str | None = None):
    user = make_user(email or f"head-{ngo.bin}@example.kz", full_name="Айгүл Серікқызы")
    Membership.objects.create(ngo=ngo, user=user, role=MemberRole.HEAD)
    return user


def application(lot, *, ngo=None, budget=Decimal("10000000")):
    return ef.admitted_application(lot, ngo_=ngo, budget=budget)


def awarded_grant(*, ngo=None, budget=Decimal("10000000"), reserves: int = 0, awarded_on: date | None = None,
                  lot=None) -> Grant:
    """A winner's grant (as the commission's decision creates it), with `reserves` reserves on its lot."""
    from agreements.services import grant_award

    lot = lot or ef.lot(ef.call())
    winner = application(lot, ngo=ngo, budget=budget)
    waiting = [application(lot) for _ in range(reserves)]
    decided_lot(winners=[winner], reserves=waiting, lot=lot)
    return grant_award(application=winner, awarded_on=awarded_on or timezone.now().date(), actor=None)


def render_now(grant: Grant):
    """Run the PDF job the outbox holds for the agreement (tests run the worker's function directly)."""
    from agreements.services import agreement_render

    agreement = grant.agreement
    agreement.refresh_from_db()
    agreement_render(agreement_pk=agreement.pk, version=agreement.version)
    agreement.refresh_from_db()
    return agreement


def ready_to_sign(grant: Grant, head):
    from agreements.services import agreement_set_bank_details

    agreement_set_bank_details(agreement=grant.agreement, actor=head, iban=IBAN, bik=BIK, bank_name="Kaspi Bank")
    return render_now(grant)


def signed_grant(*, ngo=None, operator=None, **kwargs) -> Grant:
    from agreements.choices import Party
    from agreements.services import agreement_sign

    grant = awarded_grant(ngo=ngo, **kwargs)
    head = head_of(grant.ngo) if not grant.ngo.memberships.filter(role=MemberRole.HEAD).exists() else (
        grant.ngo.memberships.filter(role=MemberRole.HEAD).first().user)
    agreement = ready_to_sign(grant, head)
    agreement_sign(agreement=agreement, actor=head, party=Party.NGO, sha256=agreement.pdf_sha256)
    operator = operator or make_user(f"signatory-{grant.pk}@example.kz", group="operator_admin")
    agreement_sign(agreement=agreement, actor=operator, party=Party.OPERATOR, sha256=agreement.pdf_sha256)
    grant.refresh_from_db()
    return grant


@contextmanager
def refused(code: str | None = None, field: str | None = None):
    """The service refuses with a ValidationError of that code (or on that field): whatever the language."""
    with pytest.raises(ValidationError) as info:
        yield
    error = info.value
    if field is not None:
        assert field in getattr(error, "error_dict", {}), error
    if code is not None:
        assert code in [e.code for e in error.error_list], error
