"""Who may open each page of the state awards: the public reads announced rounds, every staff role reads
the staff pages, call managers write. POST-only actions answer 405 to a GET for those allowed."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from ngos.models import YearlyReport
from prizes import services
from prizes.choices import CandidacyStatus, RoundStatus
from prizes.models import (
    Award,
    Candidacy,
    CouncilAttendance,
    CouncilMeeting,
    Nomination,
    Proposal,
    Review,
    ReviewScore,
    Round,
    WorkingGroup,
)
from tests.grants.access import ensure_ngos
from tests.harness import Page
from tests.world import EVERYONE, NGO_A, SIGNED_IN, STAFF

from .factories import announced_round, decided_round, draft_round, fiscal_year, round_under_review

MANAGERS = frozenset({"call_manager"})
HEADS = frozenset({"ngo_head", "other_ngo_member"})  # other_ngo_member heads NGO B


def build(world) -> None:
    world.objects["prize_open_round"] = announced_round(year=2031)
    world.objects["prize_draft_round"] = draft_round(year=2032, opens_in=timedelta(days=5))
    world.objects["prize_closed_round"] = announced_round(
        year=2030, opens_in=timedelta(days=-30), closes_in=timedelta(days=-1)
    )
    # A budget year without a round, for the POST that creates one.
    world.objects["prize_free_year"] = fiscal_year(2033)
    ensure_ngos(world)
    YearlyReport.objects.create(ngo=world.ngo_a, year=2030, first_submitted_at=world.prize_open_round.opens_at)
    nomination = world.prize_open_round.nominations.get(number=1)
    world.objects["prize_proposal"] = services.proposal_create(
        actor=world.users["user"], nomination=nomination, ngo=world.ngo_a, reason="Много лет помогают детям."
    )
    world.objects["prize_candidacy"] = services.candidacy_submit(
        actor=world.users["ngo_head"], nomination=nomination, ngo=world.ngo_a, language="ru",
        activities="Кружки для детей", results="300 детей",
    )


def build_review(world) -> None:
    """2029 under review: the world's two experts review its candidacy (the expert has declared, the other not),
    the council's meeting is open with nomination 1 decided; 2028 under review with no group or meeting yet;
    2027 decided; 2026 published."""
    from evaluations.models import Expert
    from tests.evaluations import factories as ef

    users = world.users
    manager = users["call_manager"]
    profiles = {}
    for role in ("expert", "other_expert"):
        profiles[role] = Expert.objects.filter(user=users[role]).first() or ef.expert(user=users[role])
    review_round = round_under_review(year=2029, per_nomination=1, nominations=1, actor=manager)
    services.group_appoint(actor=manager, prize_round=review_round, members=list(profiles.values()))
    world.objects["prize_review_round"] = review_round
    world.objects["prize_review"] = Review.objects.get(candidacy__round=review_round, expert=profiles["expert"])
    services.review_declare(actor=users["expert"], review=world.prize_review, has_conflict=False)
    meeting = services.meeting_open(actor=users["council"], prize_round=review_round, held_at=timezone.now(),
                                    place="Астана")
    world.objects["prize_meeting"] = meeting
    services.nomination_decide(actor=users["council"], meeting=meeting, nomination=review_round.nominations.get(),
                               winners=[], rationale="Оценка не завершена.")
    world.objects["prize_fresh_round"] = round_under_review(year=2028, per_nomination=1, nominations=1, actor=manager)
    world.objects["prize_decided_round"] = decided_round(year=2027, council=users["council"], actor=manager,
                                                         nominations=1, per_nomination=1)
    world.objects["prize_published_round"] = decided_round(year=2026, council=users["council"], actor=manager,
                                                           nominations=1, per_nomination=2, publish=True)


BUILDERS = [build, build_review]

COUNCIL = frozenset({"council"})
COUNCIL_READERS = STAFF | COUNCIL
REVIEW = {"year": 2029}
FRESH = {"year": 2028}


def score_data(w) -> dict:
    data = {"action": "save"}
    for criterion in w.prize_review_round.criteria.all():
        data[f"score_{criterion.pk}"], data[f"comment_{criterion.pk}"] = "6", "Хорошая работа"
    return data


def council_page(year: int):
    return lambda w: reverse("prizes:council", kwargs={"year": year})

OPEN = {"year": 2031}
DRAFT = {"year": 2032}
CLOSED = {"year": 2030}


def staff_round(year: int):
    return lambda w: reverse("prizes:staff_round", kwargs={"year": year})


def round_data(w, prize_round: Round | None = None, **changes) -> dict:
    """What the round form posts: the window in Astana dates and times, the fund as typed."""
    data = {
        "fiscal_year": prize_round.fiscal_year_id if prize_round else w.prize_free_year.pk,
        "min_award_mci": "2000", "fund": "500 000 000", "description_kk": "Сыйлық туралы",
        "description_ru": "О премии", "description_en": "", "opens_on": "2033-03-01", "opens_time": "09:00",
        "closes_on": "2033-04-01", "closes_time": "18:30", "with_default_nominations": "on",
    }
    if prize_round is not None:
        data.update(opens_on=prize_round.opens_at.date().isoformat(),
                    closes_on=prize_round.closes_at.date().isoformat())
    return {**data, **changes}


def nomination_data(w, **changes) -> dict:
    return {"title_kk": "Мәдениет", "title_ru": "Культура", "title_en": "", "description_kk": "",
            "description_ru": "", "description_en": "", "awards": "1",
            "amount": str(w.prize_draft_round.min_award), **changes}


def draft_nomination(w, **filters) -> bool:
    return Nomination.objects.filter(round=w.prize_draft_round, **filters).exists()


def round_status(w, prize_round: Round) -> str:
    return Round.objects.get(pk=prize_round.pk).status

PAGES = [
    Page("prizes:index", EVERYONE),
    Page("prizes:winners", EVERYONE),
    Page("prizes:winners", EVERYONE, query="?year=2026"),
    Page("prizes:statistics", EVERYONE),
    Page("prizes:round", EVERYONE, kwargs=lambda w: {"year": 2026}),
    Page("prizes:nomination", EVERYONE, kwargs=lambda w: {"year": 2026, "number": 1}),
    Page("prizes:decision_pdf", EVERYONE, kwargs=lambda w: {"year": 2026, "language": "kk"}),
    # Before publication only the council and the staff read the decision.
    Page("prizes:decision_pdf", COUNCIL_READERS, kwargs=lambda w: {"year": 2027, "language": "ru"}, refused=(404,)),
    # The working group: staff read its page, call managers draw or appoint it (on 2028, which has none).
    Page("prizes:staff_group", STAFF, kwargs=lambda w: REVIEW),
    Page("prizes:staff_group_draw", MANAGERS, kwargs=lambda w: FRESH, status=405, refused=(403, 405),
         post=MANAGERS, post_data=lambda w: {"size": "1", "reserves": "0", "observers": "Наблюдатель", "seed": "x"},
         post_redirect=lambda w: reverse("prizes:staff_group", kwargs=FRESH),
         post_effect=lambda w: WorkingGroup.objects.filter(round=w.prize_fresh_round, seed="x").exists()),
    Page("prizes:staff_group_appoint", MANAGERS, kwargs=lambda w: FRESH, status=405, refused=(403, 405),
         post=MANAGERS, post_data=lambda w: {"members": [w.prize_review.expert_id]},
         post_redirect=lambda w: reverse("prizes:staff_group", kwargs=FRESH),
         post_effect=lambda w: WorkingGroup.objects.filter(round=w.prize_fresh_round).exists()),
    # Experts: their own reviews; another expert's does not exist for them, nor for anyone else.
    Page("prizes:my_reviews", frozenset({"expert", "other_expert"})),
    Page("prizes:review", frozenset({"expert"}), kwargs=lambda w: {"pk": w.prize_review.pk}, refused=(404,),
         post=frozenset({"expert"}), post_data=score_data,
         post_redirect=lambda w: reverse("prizes:review", kwargs={"pk": w.prize_review.pk}),
         post_effect=lambda w: ReviewScore.objects.filter(review=w.prize_review, value=6).exists()),
    # The council: staff read the meeting; only council members act.
    Page("prizes:council", COUNCIL_READERS, kwargs=lambda w: REVIEW),
    Page("prizes:council_open", COUNCIL, kwargs=lambda w: FRESH, status=405, refused=(403, 405), post=COUNCIL,
         post_data=lambda w: {"held_at": "2028-05-10T10:00", "place": "Астана, Дом министерств"},
         post_redirect=council_page(2028),
         post_effect=lambda w: CouncilMeeting.objects.filter(round=w.prize_fresh_round).exists()),
    Page("prizes:council_attendance", COUNCIL, kwargs=lambda w: REVIEW, status=405, refused=(403, 405),
         post=COUNCIL, post_data=lambda w: {f"member_{w.users['council'].pk}": "remote"},
         post_redirect=council_page(2029),
         post_effect=lambda w: CouncilAttendance.objects.filter(meeting=w.prize_meeting, attendance="remote").exists()),
    Page("prizes:council_decide", COUNCIL, kwargs=lambda w: {**REVIEW, "number": 1}, status=405,
         refused=(403, 405), post=COUNCIL,
         post_data=lambda w: {"n1-winners": [w.prize_review.candidacy_id], "n1-rationale": "Единственная кандидатура"},
         post_redirect=council_page(2029),
         post_effect=lambda w: Award.objects.filter(candidacy=w.prize_review.candidacy_id).exists()),
    Page("prizes:council_close", COUNCIL, kwargs=lambda w: REVIEW, status=405, refused=(403, 405), post=COUNCIL,
         post_redirect=council_page(2029),
         post_effect=lambda w: round_status(w, w.prize_review_round) == RoundStatus.DECIDED),
    Page("prizes:council_publish", COUNCIL | MANAGERS, kwargs=lambda w: {"year": 2027}, status=405,
         refused=(403, 405), post=COUNCIL | MANAGERS, post_redirect=council_page(2027),
         post_effect=lambda w: round_status(w, w.prize_decided_round) == RoundStatus.PUBLISHED),
    Page("prizes:round", EVERYONE, kwargs=lambda w: OPEN),
    Page("prizes:nomination", EVERYONE, kwargs=lambda w: {**OPEN, "number": 1}),
    # A draft round is the operator's: others get a 404, as if it did not exist.
    Page("prizes:round", STAFF, kwargs=lambda w: DRAFT, refused=(404,)),
    Page("prizes:nomination", STAFF, kwargs=lambda w: {**DRAFT, "number": 1}, refused=(404,)),
    # Anyone signed in proposes an NGO (here NGO B, whom nobody proposed yet) while the round is open.
    Page("prizes:propose", SIGNED_IN, kwargs=lambda w: {**OPEN, "number": 1}, post=SIGNED_IN,
         post_data=lambda w: {"bin": w.ngo_b.bin, "reason": "Помогают пожилым в сёлах."},
         post_redirect=lambda w: reverse("prizes:round", kwargs=OPEN),
         post_effect=lambda w: Proposal.objects.filter(ngo=w.ngo_b, reason="Помогают пожилым в сёлах.").exists()),
    Page("prizes:my_awards", NGO_A | {"other_ngo_member"}),
    # Nomination 2: NGO A already applied in nomination 1. The head of NGO B may apply too, but NGO B has no
    # yearly report for 2030, so it is not listed and its POST answers the form again (200) with that reason.
    Page("prizes:apply", HEADS, kwargs=lambda w: {**OPEN, "number": 2}, post={"ngo_head"},
         post_refused=(200, 403, 404),
         post_data=lambda w: {"language": "kk", "activities": "Балаларға үйірмелер", "results": "500 бала"},
         post_redirect=lambda w: reverse("prizes:index") + "candidacies/",
         post_effect=lambda w: Candidacy.objects.filter(ngo=w.ngo_a, nomination__round=w.prize_open_round,
                                                        nomination__number=2).exists()),
    Page("prizes:candidacy", NGO_A | STAFF, kwargs=lambda w: {"pk": w.prize_candidacy.pk}, refused=(404,)),
    Page("prizes:withdraw", {"ngo_head"}, kwargs=lambda w: {"pk": w.prize_candidacy.pk}, refused=(403, 404),
         post={"ngo_head"}, post_data=lambda w: {"reason": "Передумали"},
         post_redirect=lambda w: reverse("prizes:candidacy", kwargs={"pk": w.prize_candidacy.pk}),
         post_effect=lambda w: Candidacy.objects.filter(pk=w.prize_candidacy.pk,
                                                        status=CandidacyStatus.WITHDRAWN).exists()),
    Page("prizes:staff_candidacies", STAFF, kwargs=lambda w: OPEN),
    Page("prizes:staff_rounds", STAFF),
    Page("prizes:staff_round", STAFF, kwargs=lambda w: DRAFT),
    Page("prizes:staff_round_create", MANAGERS, post=MANAGERS, post_data=round_data,
         post_redirect=staff_round(2033),
         post_effect=lambda w: Round.objects.filter(fiscal_year=w.prize_free_year, nominations__number=15).exists()),
    Page("prizes:staff_round_edit", MANAGERS, kwargs=lambda w: DRAFT, post=MANAGERS,
         post_data=lambda w: round_data(w, w.prize_draft_round, description_ru="О премии 2032 года"),
         post_redirect=staff_round(2032),
         post_effect=lambda w: Round.objects.filter(pk=w.prize_draft_round.pk,
                                                    description_ru="О премии 2032 года").exists()),
    Page("prizes:staff_nomination_create", MANAGERS, kwargs=lambda w: DRAFT, post=MANAGERS,
         post_data=nomination_data, post_redirect=staff_round(2032),
         post_effect=lambda w: draft_nomination(w, number=3, title_ru="Культура")),
    Page("prizes:staff_nomination_edit", MANAGERS, kwargs=lambda w: {**DRAFT, "number": 1}, post=MANAGERS,
         post_data=nomination_data, post_redirect=staff_round(2032),
         post_effect=lambda w: draft_nomination(w, number=1, title_ru="Культура")),
    # POST-only actions answer a GET with 405 for call managers; the draft round is complete, so it may be
    # announced; the 2030 round's window has closed, so its review may start.
    Page("prizes:staff_round_announce", MANAGERS, kwargs=lambda w: DRAFT, status=405, refused=(403, 405),
         post=MANAGERS, post_redirect=staff_round(2032),
         post_effect=lambda w: round_status(w, w.prize_draft_round) == RoundStatus.ANNOUNCED),
    Page("prizes:staff_round_review", MANAGERS, kwargs=lambda w: CLOSED, status=405, refused=(403, 405),
         post=MANAGERS, post_redirect=staff_round(2030),
         post_effect=lambda w: round_status(w, w.prize_closed_round) == RoundStatus.UNDER_REVIEW),
    Page("prizes:staff_nominations_defaults", MANAGERS, kwargs=lambda w: DRAFT, status=405, refused=(403, 405),
         post=MANAGERS, post_redirect=staff_round(2032),
         post_effect=lambda w: draft_nomination(w, number=15)),
    Page("prizes:staff_nomination_delete", MANAGERS, kwargs=lambda w: {**DRAFT, "number": 1}, status=405,
         refused=(403, 405), post=MANAGERS, post_redirect=staff_round(2032),
         post_effect=lambda w: not draft_nomination(w, number=1)),
]
