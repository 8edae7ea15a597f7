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
    prize_round = announced_round(year=year, nominations=nominations, opens_in=timedelta(days=-40),
                                  closes_in=timedelta(days=-10), **kwargs)
    for nomination in prize_round.nominations.order_by("number"):
        for _index in range(per_nomination):
            candidacy(prize_round, nomination, fresh_ngo())
    return services.round_start_review(actor=actor, prize_round=prize_round)


def appoint_and_score(prize_round: Round, *, actor, experts, score: int = 7):
    """The working group appointed, every sheet declared and submitted with `score` on each criterion."""
    from prizes.models import Review

    services.group_appoint(actor=actor, prize_round=prize_round, members=experts)
    criteria = list(prize_round.criteria.all())
    for review in Review.objects.filter(candidacy__round=prize_round).select_related("expert__user"):
        services.review_declare(actor=review.expert.user, review=review, has_conflict=False)
        services.review_save(actor=review.expert.user, review=review, values={c.pk: (score, "") for c in criteria})
        services.review_submit(actor=review.expert.user, review=review)


def decided_round(*, year: int, council, actor=None, experts=None, publish: bool = False, **kwargs) -> Round:
    """A round through the council's decision (the recommendation in every nomination), with stand-in PDFs of
    the decision (the rendering is tested on its own); published if asked."""
    from django.core.files.base import ContentFile

    from prizes import selectors
    from tests.evaluations.factories import expert

    prize_round = round_under_review(year=year, actor=actor, **kwargs)
    appoint_and_score(prize_round, actor=actor, experts=experts or [expert(), expert()])
    meeting = services.meeting_open(actor=council, prize_round=prize_round, held_at=timezone.now(), place="Астана")
    services.attendance_record(actor=council, meeting=meeting,
                               attendance={row.member_id: "in_person" for row in meeting.attendance.all()})
    for ranking in selectors.rankings(prize_round):
        services.nomination_decide(actor=council, meeting=meeting, nomination=ranking.nomination,
                                   winners=ranking.recommended,
                                   rationale="" if ranking.recommended else "Номинация не присуждается.")
    services.meeting_close(actor=council, meeting=meeting)
    for language in ("kk", "ru"):
        getattr(meeting, f"decision_{language}").save(f"decision-{year}-{language}.pdf",
                                                      ContentFile(b"%PDF-1.4\n%stand-in\n"), save=False)
    meeting.save(update_fields=["decision_kk", "decision_ru"])
    if publish:
        services.round_publish(actor=actor, prize_round=prize_round)
    return Round.objects.get(pk=prize_round.pk)


def fresh_ngo():
    """An NGO with a valid BIN nobody holds yet (the evaluations factory's BINs repeat after a while)."""
    from ngos.models import NGO
    from tests.evaluations.factories import bin_number, ngo

    n = NGO.objects.count() + 7000
    while NGO.objects.filter(bin=bin_number(n)).exists():
        n += 1
    return ngo(bin=bin_number(n))


def published_with_winners(*, year: int, winners: int, per_nomination: int = 2) -> Round:
    """A published round with `winners` awards, `per_nomination` sharing each nomination, written directly (the
    council's services are tested in test_review_council.py): for the pages that list winners."""
    from prizes.choices import RoundStatus
    from prizes.models import Award, CouncilMeeting, NominationDecision

    nominations = -(-winners // per_nomination)
    prize_round = draft_round(year=year, nominations=nominations, opens_in=timedelta(days=-60),
                              closes_in=timedelta(days=-30))
    Round.objects.filter(pk=prize_round.pk).update(status=RoundStatus.PUBLISHED, announced_at=timezone.now())
    meeting = CouncilMeeting.objects.create(round=prize_round, held_at=timezone.now(), place="Астана",
                                            status="closed")
    left = winners
    for nomination in prize_round.nominations.order_by("number"):
        decision = NominationDecision.objects.create(meeting=meeting, nomination=nomination, follows_ranking=True,
                                                     decided_at=timezone.now())
        count = min(per_nomination, left)
        for position in range(1, count + 1):
            Award.objects.create(decision=decision, candidacy=candidacy(prize_round, nomination, fresh_ngo()),
                                 position=position, amount=nomination.amount / count)
        left -= count
    return Round.objects.get(pk=prize_round.pk)
