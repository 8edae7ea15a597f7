"""The state award round closing (issue 16): the head of an NGO proposed by the public, or whose candidacy was
withdrawn, is reminded until a candidacy of the NGO stands in that nomination."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ngos.choices import MemberRole
from ngos.models import Membership
from prizes.choices import CandidacyStatus
from prizes.models import Candidacy, Proposal
from prizes.reminders import round_closing
from tests.evaluations import factories as ef
from tests.world import make_user

from .factories import announced_round

pytestmark = pytest.mark.django_db


def test_the_round_closing_reminds_a_proposed_ngo_until_it_applies():
    prize_round = announced_round()
    nomination = prize_round.nominations.first()
    ngo = ef.ngo()
    head = make_user("prize-head@example.kz")
    Membership.objects.create(ngo=ngo, user=head, role=MemberRole.HEAD)
    citizen = make_user("citizen@example.kz")
    for person in (citizen, make_user("citizen2@example.kz")):
        Proposal.objects.create(round=prize_round, nomination=nomination, ngo=ngo, proposed_by=person,
                                reason="Жақсы ұйым", created_at=timezone.now())
    window = (prize_round.closes_at - timedelta(days=10), prize_round.closes_at + timedelta(days=1))
    found = list(round_closing(*window))
    assert len(found) == 1 and found[0].recipients == [head] and found[0].deadline == prize_round.closes_at
    Candidacy.objects.create(round=prize_round, nomination=nomination, ngo=ngo, number="SA-1", language="kk",
                             activities="Іс", results="Нәтиже", content_sha256="0" * 64,
                             submitted_at=timezone.now(), submitted_by=head)
    assert list(round_closing(*window)) == []
    Candidacy.objects.filter(ngo=ngo).update(status=CandidacyStatus.WITHDRAWN)
    assert len(list(round_closing(*window))) == 1
