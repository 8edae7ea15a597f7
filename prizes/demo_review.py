"""Demo data of the review and the council: the 2024 awards, decided and published in the autumn of last year
(nomination 1 shared equally by two NGOs), and the 2025 awards under review now — the demo expert still has
candidacies to declare and score, and the council has its meeting to hold. Through the services, each step at
its moment (portal.demo.clock), after the steps before it."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from evaluations.choices import ExpertStatus
from evaluations.models import Expert
from grants.demo import seed_years
from grants.demo_dates import at_astana
from ngos.models import Membership
from ngos.selectors import is_listed_for_year
from portal import money
from portal.choices import PublicRole
from portal.demo import clock, demo_password_hash
from portal.models import User

from . import selectors, services
from .choices import SPHERES_2017
from .models import Review, Round

DESCRIPTION_KK = (
    "%(year)s жылғы ҮЕҰ-ға арналған мемлекеттік сыйлық қоғамдық ұсыныстар мен қызметін қоғамдық бағалау "
    "негізінде беріледі."
)
DESCRIPTION_RU = (
    "Государственная премия для НПО за %(year)s год присуждается на основе общественных предложений и "
    "общественной оценки их деятельности."
)
# Two more members of the Coordination Council, so its quorum of two thirds means something (3 → 2).
MORE_COUNCIL = [("council2@demo.demeu.kz", "Гүлмира Әлиева", "kk"), ("council3@demo.demeu.kz", "Сергей Ли", "ru")]
ACTIVITIES = [
    ("ru", "С 2018 года организация ведёт в районе бесплатные занятия для детей и подростков, летние лагеря и "
           "консультации для родителей; работают 20 волонтёров.",
     "За три года — 1 480 участников, 112 занятий, 4 лагеря; 2 публикации в областной газете."),
    ("kk", "Ұйым 2017 жылдан бері ауылдарда жастарға арналған спорт секциялары мен экологиялық акциялар өткізеді.",
     "Үш жылда 900 қатысушы, 36 акция, 12 ауыл, 5 000 түп ағаш отырғызылды."),
]


def _at(days_ago: int, hour: int, minute: int = 0):
    """A moment in office hours (Astana time), `days_ago` days before today."""
    return at_astana(timezone.localdate() - timedelta(days=days_ago), hour, minute)


def _council() -> list[User]:
    group = Group.objects.get(name=PublicRole.COUNCIL)
    for email, name, language in MORE_COUNCIL:
        user, created = User.objects.get_or_create(email=email, defaults={"full_name": name, "language": language})
        if created:
            user.password = demo_password_hash()
            user.save()
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        user.groups.add(group)
    return list(selectors.council_members())


def _round(year, *, actor, announced, opens, closes, nominations=3):
    fiscal_year = seed_years([year])[year]
    with clock(announced - timedelta(days=2)):
        prize_round = services.round_create(
            actor=actor, fiscal_year=fiscal_year, opens_at=opens, closes_at=closes,
            fund=money.line_amount(nominations * 2_000, fiscal_year.mci),
            description_kk=DESCRIPTION_KK % {"year": year}, description_ru=DESCRIPTION_RU % {"year": year},
        )
        for title_kk, title_ru in SPHERES_2017[:nominations]:
            services.nomination_add(actor=actor, prize_round=prize_round, title_kk=title_kk, title_ru=title_ru,
                                    awards=1, amount=prize_round.min_award)
    with clock(announced):
        services.round_announce(actor=actor, prize_round=prize_round)
    return prize_round


def _eligible_heads(year: int, *, skip: int = 0) -> list:
    """Heads of the NGOs that may apply in the round of `year`: listed the year before, no flag."""
    heads = Membership.objects.filter(role="head").select_related("ngo", "user").order_by("ngo__bin")
    return [m for m in heads if is_listed_for_year(m.ngo, year - 1) and not m.ngo.active_flags()][skip:]


def _ready(year: int, *, needed: int, skip: int = 0) -> bool:
    """The demo world has what the round needs: enough eligible NGOs and active experts (4: 3 and a reserve)."""
    return (len(_eligible_heads(year, skip=skip)) >= needed
            and Expert.objects.filter(status=ExpertStatus.ACTIVE).count() >= 4)


def _candidacies(prize_round, *, per_nomination, skip=0):
    """Eligible NGOs (listed the year before, no flag) apply, `per_nomination` in each nomination."""
    eligible = _eligible_heads(prize_round.year, skip=skip)
    nominations = list(prize_round.nominations.order_by("number"))
    moment = prize_round.opens_at
    for index, membership in enumerate(eligible[: per_nomination * len(nominations)]):
        moment += timedelta(days=1, hours=3, minutes=17 * index % 60)
        language, activities, results = ACTIVITIES[index % len(ACTIVITIES)]
        with clock(moment):
            services.candidacy_submit(actor=membership.user, nomination=nominations[index // per_nomination],
                                      ngo=membership.ngo, language=language, activities=activities,
                                      results=results, links=f"https://example.kz/report-{prize_round.year}")


def _score(review, value, at):
    criteria = list(review.candidacy.round.criteria.all())
    with clock(at):
        services.review_declare(actor=review.expert.user, review=review, has_conflict=False)
        services.review_save(actor=review.expert.user, review=review, values={
            c.pk: (max(0, min(c.max_score, value - index % 2)), "Деятельность подтверждена отчётами и отзывами.")
            for index, c in enumerate(criteria)})
        services.review_submit(actor=review.expert.user, review=review)


def seed_published(actor, council, stdout=None):
    now = timezone.now()
    if Round.objects.filter(fiscal_year__year=now.year - 2).exists() or not _ready(now.year - 2, needed=6):
        return
    prize_round = _round(now.year - 2, actor=actor, announced=_at(430, 10),
                         opens=_at(425, 11), closes=_at(395, 18, 30))
    _candidacies(prize_round, per_nomination=2)
    with clock(_at(393, 15)):
        services.round_start_review(actor=actor, prize_round=prize_round)
    with clock(_at(392, 12)):
        services.group_draw(actor=actor, prize_round=prize_round, size=3, reserves=1,
                            observers="Ә. Нұрланова (ҮЕҰ қауымдастығы)\nИ. Петров (Общественный совет)")
    reviews = Review.objects.filter(candidacy__round=prize_round).select_related("expert__user", "candidacy")
    for index, review in enumerate(reviews.order_by("candidacy__number", "id")):
        # Nomination 1's two candidacies score alike: the council shares its award between them.
        value = 9 if review.candidacy.nomination.number == 1 else 8 - int(review.candidacy.number[-1]) % 2 * 3
        _score(review, value, _at(388 - index // 6, 9 + index % 8, 5 * index % 60))
    with clock(_at(375, 12)):
        meeting = services.meeting_open(actor=council[0], prize_round=prize_round,
                                        held_at=_at(375, 10), place="Астана, Үкімет үйі, 3-зал")
        services.attendance_record(actor=council[0], meeting=meeting,
                                   attendance={member.pk: "in_person" for member in council[:2]})
        for ranking in selectors.rankings(prize_round):
            if ranking.nomination.number == 1:
                services.nomination_decide(
                    actor=council[0], meeting=meeting, nomination=ranking.nomination,
                    winners=[row.candidacy for row in ranking.rows],
                    rationale="Екі ұйымның да қызметі бірдей жоғары бағаланды: сыйлық тең бөлінеді. / Деятельность "
                              "обеих организаций оценена одинаково высоко: премия делится поровну.")
            elif ranking.rows:
                services.nomination_decide(actor=council[0], meeting=meeting, nomination=ranking.nomination,
                                           winners=ranking.recommended or [ranking.rows[0].candidacy],
                                           rationale="" if ranking.recommended else "Решение совета.")
        services.meeting_close(actor=council[0], meeting=meeting)
        services.decision_render(meeting=meeting)  # the demo renders what the worker would
    with clock(_at(372, 11)):
        services.round_publish(actor=actor, prize_round=prize_round)
    if stdout:
        stdout.write(f"Prizes: the {prize_round.year} round published with "
                     f"{selectors.winners(prize_round.year).count()} winners.\n")


def seed_under_review(actor, council, stdout=None):
    now = timezone.now()
    if Round.objects.filter(fiscal_year__year=now.year - 1).exists() or not _ready(now.year - 1, needed=4, skip=1):
        return
    prize_round = _round(now.year - 1, actor=actor, announced=_at(75, 14),
                         opens=_at(70, 9), closes=_at(40, 18, 30), nominations=2)
    _candidacies(prize_round, per_nomination=2, skip=1)
    with clock(_at(38, 12)):
        services.round_start_review(actor=actor, prize_round=prize_round)
    experts = list(Expert.objects.filter(status=ExpertStatus.ACTIVE).select_related("user").order_by("pk"))
    demo_expert = next((e for e in experts if e.user.email == "expert@demo.demeu.kz"), None)
    if demo_expert is None:
        demo_expert = experts[0]
    others = [e for e in experts if e != demo_expert]
    with clock(_at(37, 16)):
        services.group_appoint(actor=actor, prize_round=prize_round, members=[demo_expert, *others[:2]],
                               reserves=others[2:3])
    reviews = Review.objects.filter(candidacy__round=prize_round).select_related("expert__user", "candidacy")
    for index, review in enumerate(reviews.order_by("candidacy__number", "id")):
        # The demo expert has scored nomination 1 and still has nomination 2 to do.
        if review.expert_id == demo_expert.pk and review.candidacy.nomination.number == 2:
            continue
        _score(review, 6 + index % 4, _at(30 - index // 4, 9 + 2 * index % 8, 7 * index % 60))
    if stdout:
        stdout.write(f"Prizes: the {prize_round.year} round under review; the council has not met yet.\n")


def seed(stdout=None) -> None:
    actor = User.objects.filter(email="calls@demo.demeu.kz").first() or User.objects.filter(is_superuser=True).first()
    council = _council()
    if not council:
        return
    seed_published(actor, council, stdout)
    seed_under_review(actor, council, stdout)
