"""Demo data for the state awards: this year's round, open now, with the nominations of 2017 (the fund covers
one minimum award in each), public proposals by the demo citizen, and candidacies of the eligible NGOs whose
heads turned some of them into candidacies. Idempotent."""

from datetime import timedelta

from django.utils import timezone

from grants.models import FiscalYear
from ngos.models import Membership
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
    from .demo_review import seed as seed_review

    seed_review(stdout)  # the rounds of the two years before, whose dates come first
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
    proposals, candidacies = seed_candidacies(prize_round)
    if stdout:
        stdout.write(f"Prizes: the {fiscal_year.year} round with {prize_round.nominations.count()} nominations, "
                     f"{proposals} proposals and {candidacies} candidacies.\n")


PROPOSAL_REASONS = [
    "Много лет бесплатно ведут кружки для детей в сёлах района, в том числе для детей с инвалидностью.",
    "Ауылдағы жастарға арналған спорт секцияларын ашып, жүздеген баланы тұрақты жаттығуға тартты.",
    "Помогли сотням семей оформить пособия и защитить свои права в суде.",
]


def seed_candidacies(prize_round) -> tuple[int, int]:
    """Three NGOs proposed by the citizen; the eligible ones apply, the first from its proposal."""
    citizen = User.objects.filter(email="citizen@demo.demeu.kz").first()
    heads = (
        Membership.objects.filter(role="head").select_related("ngo", "user").order_by("ngo__bin")
    )
    eligible = [m for m in heads if not services.eligibility_problems(m.ngo, prize_round)][:3]
    nominations = list(prize_round.nominations.order_by("number")[:3])
    proposals = candidacies = 0
    for index, (membership, nomination) in enumerate(zip(eligible, nominations, strict=False)):
        proposal = None
        if citizen is not None:
            proposal = services.proposal_create(actor=citizen, nomination=nomination, ngo=membership.ngo,
                                                reason=PROPOSAL_REASONS[index])
            proposals += 1
        if index < 2:  # the third NGO has been proposed and has not applied yet
            services.candidacy_submit(
                actor=membership.user, nomination=nomination, ngo=membership.ngo, proposal=proposal if index == 0
                else None, language="ru",
                activities="С 2019 года организация проводит в районе занятия, консультации и праздники для детей "
                           "и семей; работают 14 волонтёров.",
                results="За три года — 1 240 участников, 96 занятий, 3 публикации в областной газете.",
                links="https://example.kz/report-2025",
            )
            candidacies += 1
    return proposals, candidacies
