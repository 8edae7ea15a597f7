"""The prize demo: an open round of this year with the 2017 nominations, proposals and candidacies."""

import pytest
from django.utils import timezone

from ngos.models import NGO, Membership, YearlyReport
from portal.models import Region
from prizes import demo
from prizes.choices import RoundPhase
from prizes.models import Candidacy, Proposal, Round
from tests.world import make_user

from .factories import fiscal_year

pytestmark = pytest.mark.django_db


def test_the_demo_opens_this_years_round_with_proposals_and_candidacies_once():
    year = timezone.now().year
    fiscal_year(year)
    make_user("citizen@demo.demeu.kz")
    for n, flagged in ((1, False), (2, True)):
        ngo = NGO.objects.create(bin=f"{n:012d}", name_kk=f"ҮЕҰ {n}", name_ru=f"НПО {n}",
                                 legal_form="public_association", region=Region.objects.get(slug="almaty"),
                                 bankrupt=flagged)
        YearlyReport.objects.create(ngo=ngo, year=year - 1, first_submitted_at=timezone.now())
        Membership.objects.create(ngo=ngo, user=make_user(f"head{n}@example.kz"), role="head")
    demo.seed()
    demo.seed()
    prize_round = Round.objects.get()
    assert prize_round.phase == RoundPhase.OPEN and prize_round.nominations.count() == 15
    candidacy = Candidacy.objects.get()
    assert candidacy.ngo.bin == "000000000001"  # the bankrupt NGO is not made to apply
    assert candidacy.proposal == Proposal.objects.get()
