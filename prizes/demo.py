"""Demo data for the state awards: this year's round, open now, with the nominations of 2017; the fund
covers one minimum award in each. Idempotent."""

from datetime import timedelta

from django.utils import timezone

from grants.models import FiscalYear
from portal import money
from portal.models import User

from . import services
from .choices import DEFAULT_MIN_AWARD_MCI, SPHERES_2017
from .models import Round

DESCRIPTION_KK = (
    "Үкіметтік емес ұйымдарға арналған мемлекеттік сыйлық қоғамдық ұсыныстар мен олардың қызметін қоғамдық "
    "бағалау негізінде беріледі. Үміткерлерді ҮЕҰ-мен өзара іс-қимыл жөніндегі үйлестіру кеңесі таңдайды."
)
DESCRIPTION_RU = (
    "Государственная премия для неправительственных организаций присуждается на основе общественных "
    "предложений и общественной оценки их деятельности. Лауреатов избирает Координационный совет по "
    "взаимодействию с НПО."
)


def seed(stdout=None) -> None:
    now = timezone.now()
    fiscal_year = FiscalYear.objects.filter(year=now.year).first()
    if fiscal_year is None or Round.objects.filter(fiscal_year=fiscal_year).exists():
        return
    actor = User.objects.filter(is_superuser=True).first()
    prize_round = services.round_create(
        actor=actor, fiscal_year=fiscal_year, opens_at=now - timedelta(days=10), closes_at=now + timedelta(days=20),
        fund=money.line_amount(len(SPHERES_2017) * DEFAULT_MIN_AWARD_MCI, fiscal_year.mci),
        description_kk=DESCRIPTION_KK, description_ru=DESCRIPTION_RU,
        with_default_nominations=True,
    )
    # Announced a moment before it opened, as staff would have done.
    services.round_announce(actor=actor, prize_round=prize_round, now=now - timedelta(days=11))
    if stdout:
        stdout.write(f"Prizes: the {fiscal_year.year} round with {prize_round.nominations.count()} nominations.\n")
