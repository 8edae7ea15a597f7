"""Rounds and nominations for the prize tests, built through the services where the state matters."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from grants.models import FiscalYear
from prizes import services
from prizes.models import Nomination, Round

MCI = Decimal("3932")


def fiscal_year(year: int = 2031, mci: Decimal = MCI) -> FiscalYear:
    return FiscalYear.objects.get_or_create(year=year, defaults={"mci": mci})[0]


def draft_round(*, year: int = 2031, nominations: int = 2, opens_in=timedelta(days=-1),
                closes_in=timedelta(days=30), fund: Decimal | None = None, **fields) -> Round:
    now = timezone.now()
    prize_round = Round.objects.create(
        fiscal_year=fiscal_year(year), opens_at=now + opens_in, closes_at=now + closes_in,
        fund=fund if fund is not None else Decimal("1000000000.00"),
        description_kk="Сыйлық туралы", description_ru="О премии", **fields,
    )
    for number in range(1, nominations + 1):
        Nomination.objects.create(
            round=prize_round, number=number, title_kk=f"Номинация {number} kk", title_ru=f"Номинация {number}",
            awards=1, amount=prize_round.min_award,
        )
    return prize_round


def announced_round(*, actor=None, **kwargs) -> Round:
    """A round announced a moment before it opens: open, closed or still announced by the given window."""
    prize_round = draft_round(**kwargs)
    return services.round_announce(actor=actor, prize_round=prize_round, now=prize_round.opens_at - timedelta(hours=1))


def candidacy(prize_round: Round, nomination: Nomination, ngo, **fields):
    """A submitted candidacy written directly (the window has closed in these tests); the services' rules on
    submitting are tested in test_candidacies.py."""
    from prizes.models import Candidacy

    sequence = Candidacy.objects.filter(round=prize_round).count() + 1
    defaults = {"language": "ru", "activities": "Кружки для детей", "results": "300 детей",
                "content_sha256": "0" * 64, "submitted_at": prize_round.opens_at + timedelta(hours=1)}
    return Candidacy.objects.create(round=prize_round, nomination=nomination, ngo=ngo,
                                    number=f"SA-{prize_round.year}-{sequence:04d}", **{**defaults, **fields})


def round_under_review(*, year: int = 2030, per_nomination: int = 2, nominations: int = 2, actor=None,
                       **kwargs) -> Round:
    """A closed round with `per_nomination` candidacies of fresh NGOs in each nomination, its review started."""
    from tests.evaluations.factories import ngo

    prize_round = announced_round(year=year, nominations=nominations, opens_in=timedelta(days=-40),
                                  closes_in=timedelta(days=-10), **kwargs)
    for nomination in prize_round.nominations.order_by("number"):
        for _index in range(per_nomination):
            candidacy(prize_round, nomination, ngo())
    return services.round_start_review(actor=actor, prize_round=prize_round)
