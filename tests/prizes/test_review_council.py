"""The working group (drawn with the register's draw, or appointed), conflict declarations with reserves, blind
scoring with dispersion, the council's quorum, decisions with equal shares and rationale, the decision's PDFs,
publication that tells every applicant its scores with the experts anonymous; the state table throughout."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluations.choices import AssignmentStatus, Attendance
from evaluations.draw import run_draw
from ngos.models import Membership
from portal import money
from portal.choices import PublicRole
from portal.models import AuditEntry
from prizes import selectors, services
from prizes.choices import CouncilMeetingStatus, GroupSeat, RoundStatus
from prizes.models import Award, Review, Round
from tests.evaluations.factories import expert
from tests.world import make_user

from .factories import round_under_review

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def manager():
    return make_user("manager@example.kz", group="call_manager")


@pytest.fixture
def prize_round(manager):
    return round_under_review(actor=manager)


@pytest.fixture
def experts():
    return [expert() for _ in range(5)]


@pytest.fixture
def council():
    return [make_user(f"council{n}@example.kz", full_name=f"Кеңес мүшесі {n}", group=PublicRole.COUNCIL)
            for n in range(3)]


def draw(prize_round, manager, size=3, reserves=2):
    return services.group_draw(actor=manager, prize_round=prize_round, size=size, reserves=reserves,
                               observers="Наблюдатель", seed="seed-2030")


def score_all(prize_round, values=None):
    """Every expert declares no conflict and submits: `values` maps a candidacy number to each expert's score."""
    criteria = list(prize_round.criteria.all())
    for review in Review.objects.filter(candidacy__round=prize_round).select_related("expert__user", "candidacy"):
        services.review_declare(actor=review.expert.user, review=review, has_conflict=False)
        value = (values or {}).get(review.candidacy.number, 7)
        if callable(value):
            value = value(review)
        services.review_save(actor=review.expert.user, review=review,
                             values={c.pk: (value, "Комментарий") for c in criteria})
        services.review_submit(actor=review.expert.user, review=review)


def test_the_draw_is_the_registers_and_reruns_from_its_record(prize_round, manager, experts):
    group = draw(prize_round, manager)
    rerun = run_draw(seed=group.seed, pool=group.pool, members=3, reserves=2)
    members = [m.expert_id for m in group.members.order_by("draw_position")]
    assert members == [*rerun.members, *rerun.reserves]
    assert group.pool == sorted(e.pk for e in experts)
    # Every live candidacy goes to the three members; criteria are the round's defaults, weights add up to 100.
    assert Review.objects.filter(candidacy__round=prize_round).count() == 4 * 3
    assert sum(c.weight for c in prize_round.criteria.all()) == Decimal("100")
    assert AuditEntry.objects.filter(action="working_group_drawn").count() == 1


def test_a_second_group_and_a_small_register_are_refused(prize_round, manager, experts):
    with pytest.raises(ValidationError, match="needs 7"):
        draw(prize_round, manager, size=4, reserves=3)
    draw(prize_round, manager)
    with pytest.raises(ValidationError, match="already has its working group"):
        services.group_appoint(actor=manager, prize_round=prize_round, members=experts[:2])


def test_an_expert_tied_to_the_ngo_never_reviews_it_and_a_reserve_takes_the_place(prize_round, manager, experts):
    candidacy = prize_round.candidacies.order_by("number").first()
    Membership.objects.create(ngo=candidacy.ngo, user=experts[0].user, role="member")
    services.group_appoint(actor=manager, prize_round=prize_round, members=experts[:3], reserves=experts[3:])
    reviewers = set(candidacy.reviews.values_list("expert_id", flat=True))
    assert reviewers == {experts[1].pk, experts[2].pk, experts[3].pk}


def test_a_declared_conflict_recuses_and_the_next_reserve_steps_in(prize_round, manager, experts):
    services.group_appoint(actor=manager, prize_round=prize_round, members=experts[:3], reserves=experts[3:])
    review = Review.objects.filter(expert=experts[0]).order_by("candidacy__number").first()
    with pytest.raises(ValidationError, match="nature"):
        services.review_declare(actor=experts[0].user, review=review, has_conflict=True)
    services.review_declare(actor=experts[0].user, review=review, has_conflict=True, nature="Мой родственник")
    review.refresh_from_db()
    assert review.status == AssignmentStatus.RECUSED
    assert review.replaced_by.expert == experts[3]


def test_scores_are_checked_and_a_submitted_sheet_is_frozen(prize_round, manager, experts):
    draw(prize_round, manager)
    review = Review.objects.select_related("expert__user").first()
    user = review.expert.user
    criterion = prize_round.criteria.first()
    with pytest.raises(ValidationError):  # not declared yet
        services.review_save(actor=user, review=review, values={criterion.pk: (5, "")})
    services.review_declare(actor=user, review=review, has_conflict=False)
    with pytest.raises(ValidationError) as refused:
        services.review_save(actor=user, review=review, values={criterion.pk: (11, "")})
    assert "from 0 to 10" in str(refused.value)
    services.review_save(actor=user, review=review, values={criterion.pk: (5, "Хорошо")})
    with pytest.raises(ValidationError):  # three criteria not scored
        services.review_submit(actor=user, review=review)
    services.review_save(actor=user, review=review, values={c.pk: (5, "") for c in prize_round.criteria.all()})
    review = services.review_submit(actor=user, review=review)
    assert review.total == Decimal("50.00")
    with pytest.raises(ValidationError, match="closed"):
        services.review_save(actor=user, review=review, values={criterion.pk: (9, "")})


def test_the_ranking_ranks_flags_dispersion_and_recommends_by_the_number_of_awards(prize_round, manager, experts):
    draw(prize_round, manager)
    first, second = prize_round.candidacies.filter(nomination__number=1).order_by("number")
    # The second candidacy's experts disagree: 2, 2 and 10 give totals 20, 20, 100 — a spread of 80 > 30.
    experts_of_second = [r.expert_id for r in second.reviews.order_by("id")]
    score_all(prize_round, {first.number: 8, second.number: lambda r: 10 if r.expert_id == experts_of_second[0]
                            else 2})
    ranking = selectors.rankings(prize_round)[0]
    assert [row.candidacy for row in ranking.rows] == [first, second]
    assert ranking.rows[0].mean == Decimal("80.00") and ranking.rows[0].recommended
    assert ranking.rows[1].dispersed and not ranking.rows[1].recommended
    assert ranking.recommended == [first]


def test_no_expert_sees_another_experts_scores(client, prize_round, manager, experts):
    draw(prize_round, manager)
    candidacy = prize_round.candidacies.order_by("number").first()
    mine, theirs = candidacy.reviews.select_related("expert__user").order_by("id")[:2]
    for review, comment in ((mine, "Мой тайный комментарий"), (theirs, "Чужой тайный комментарий")):
        services.review_declare(actor=review.expert.user, review=review, has_conflict=False)
        services.review_save(actor=review.expert.user, review=review,
                             values={c.pk: (6, comment) for c in prize_round.criteria.all()})
    client.force_login(mine.expert.user)
    own = client.get(f"/en/prizes/expert/reviews/{mine.pk}/")
    assert own.status_code == 200 and "Мой тайный комментарий" in own.content.decode()
    assert "Чужой тайный комментарий" not in own.content.decode()
    assert client.get(f"/en/prizes/expert/reviews/{theirs.pk}/").status_code == 404
    listing = client.get("/en/prizes/expert/").content.decode()
    assert "Чужой" not in listing


def test_the_experts_sheet_states_each_criterions_maximum_weight_and_threshold(client, prize_round, manager, experts):
    draw(prize_round, manager)
    review = prize_round.candidacies.order_by("number").first().reviews.select_related("expert__user").first()
    services.review_declare(actor=review.expert.user, review=review, has_conflict=False)
    criterion = prize_round.criteria.order_by("position", "pk").first()
    criterion.min_score = 3
    criterion.save(update_fields=["min_score"])
    client.force_login(review.expert.user)
    page = client.get(f"/en/prizes/expert/reviews/{review.pk}/").content.decode()
    assert f"Maximum {criterion.max_score}, weight {criterion.weight}." in page
    # A score under the threshold is refused without a comment at submission: the sheet says so beforehand.
    assert "Threshold 3: a lower score needs a comment." in page


def open_meeting(prize_round, council, present=2):
    meeting = services.meeting_open(actor=council[0], prize_round=prize_round, held_at=timezone.now(),
                                    place="Астана, Дом министерств")
    services.attendance_record(actor=council[0], meeting=meeting, attendance={
        member.pk: Attendance.IN_PERSON if index < present else Attendance.ABSENT
        for index, member in enumerate(council)})
    return meeting


def test_without_a_two_thirds_quorum_the_council_cannot_decide(prize_round, manager, experts, council):
    draw(prize_round, manager)
    score_all(prize_round)
    meeting = open_meeting(prize_round, council, present=1)
    nomination = prize_round.nominations.get(number=1)
    with pytest.raises(ValidationError, match="1 of 3 members are present, at least 2"):
        services.nomination_decide(actor=council[0], meeting=meeting, nomination=nomination,
                                   winners=list(nomination.candidacies.all()[:1]), rationale="x")
    services.attendance_record(actor=council[0], meeting=meeting, attendance={council[1].pk: Attendance.REMOTE})
    assert selectors.quorum_of(meeting).reached


def test_only_council_members_hold_the_meeting(prize_round, manager):
    with pytest.raises(ValidationError, match="Coordination Council"):
        services.meeting_open(actor=manager, prize_round=prize_round, held_at=timezone.now(), place="Астана")


def test_a_decision_other_than_the_ranking_needs_a_rationale_and_shares_are_equal(
        prize_round, manager, experts, council):
    draw(prize_round, manager)
    first, second = prize_round.candidacies.filter(nomination__number=1).order_by("number")
    score_all(prize_round, {first.number: 9, second.number: 6})
    meeting = open_meeting(prize_round, council)
    nomination = prize_round.nominations.get(number=1)
    nomination.amount = Decimal("7864000.01")
    nomination.save()
    with pytest.raises(ValidationError, match="rationale"):
        services.nomination_decide(actor=council[0], meeting=meeting, nomination=nomination, winners=[second, first])
    decision = services.nomination_decide(actor=council[0], meeting=meeting, nomination=nomination,
                                          winners=[second, first], rationale="Обе организации равно достойны.")
    shares = list(decision.awards.order_by("position").values_list("candidacy", "amount"))
    # The remainder tiyn goes to the first winner in the ranking's order, whatever order the council named them.
    assert shares == [(first.pk, Decimal("3932000.01")), (second.pk, Decimal("3932000.00"))]
    assert not decision.follows_ranking
    # A second vote replaces the first: the recommendation (the better one alone) needs no rationale.
    decision = services.nomination_decide(actor=council[0], meeting=meeting, nomination=nomination, winners=[first])
    assert decision.follows_ranking and list(Award.objects.filter(decision__nomination=nomination)
                                             .values_list("amount", flat=True)) == [nomination.amount]


@settings(max_examples=200, deadline=None)
@given(tiyn=st.integers(min_value=0, max_value=10**15), parts=st.integers(min_value=1, max_value=60))
def test_equal_shares_add_up_to_the_amount_exactly(tiyn, parts):
    amount = Decimal(tiyn) / 100
    shares = money.split_equally(amount, parts)
    assert sum(shares) == amount.quantize(Decimal("0.01"))
    assert max(shares) - min(shares) <= Decimal("0.01")
    assert shares == sorted(shares, reverse=True)  # the remainder goes to the first in the ranking


def decide_everything(prize_round, council):
    meeting = open_meeting(prize_round, council)
    for ranking in selectors.rankings(prize_round):
        services.nomination_decide(actor=council[0], meeting=meeting, nomination=ranking.nomination,
                                   winners=ranking.recommended)
    return meeting


def test_closing_decides_the_round_renders_both_pdfs_and_publishing_tells_each_applicant(
        prize_round, manager, experts, council, django_capture_on_commit_callbacks, media_root):
    draw(prize_round, manager)
    first = prize_round.candidacies.order_by("number").first()
    score_all(prize_round, {first.number: 9})
    for candidacy in prize_round.candidacies.all():
        Membership.objects.create(ngo=candidacy.ngo, user=make_user(f"head-{candidacy.pk}@example.kz",
                                                                     language="ru"), role="head")
    meeting = open_meeting(prize_round, council)
    with pytest.raises(ValidationError, match="still open: 1, 2"):
        services.meeting_close(actor=council[0], meeting=meeting)
    for ranking in selectors.rankings(prize_round):
        services.nomination_decide(actor=council[0], meeting=meeting, nomination=ranking.nomination,
                                   winners=ranking.recommended)
    with pytest.raises(ValidationError, match="Award round"):  # not decided yet: publishing is refused
        services.round_publish(actor=manager, prize_round=prize_round)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_close(actor=council[0], meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.status == CouncilMeetingStatus.CLOSED and meeting.has_decision_pdfs
    assert meeting.decision_kk.read(4) == b"%PDF"
    assert Round.objects.get(pk=prize_round.pk).status == RoundStatus.DECIDED
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.round_publish(actor=manager, prize_round=prize_round)
    assert Round.objects.get(pk=prize_round.pk).status == RoundStatus.PUBLISHED
    assert len(mail.outbox) == 4  # one head per candidacy
    letter = next(m for m in mail.outbox if m.to == [f"head-{first.pk}@example.kz"])
    assert "Эксперт 1: 9" in letter.body and "Сарапшы" not in letter.body  # scores, experts unnamed
    assert "государственную премию" in letter.body or "премию" in letter.body
    with pytest.raises(ValidationError):
        services.round_publish(actor=manager, prize_round=prize_round)  # published → published is not in the table


def test_the_round_cannot_skip_a_state(prize_round, council):
    with pytest.raises(ValidationError):
        services.round_publish(actor=council[0], prize_round=prize_round)  # under review → published


def test_reserves_are_drawn_after_the_members(prize_round, manager, experts):
    group = draw(prize_round, manager, size=2, reserves=3)
    assert [m.role for m in group.members.order_by("draw_position")] == [GroupSeat.MEMBER] * 2 + [
        GroupSeat.RESERVE] * 3


def test_a_departure_without_rationale_is_refused_on_the_page_with_the_choice_kept(
        client, prize_round, manager, experts, council):
    from portal.middleware import MFA_OK

    draw(prize_round, manager)
    first, second = prize_round.candidacies.filter(nomination__number=1).order_by("number")
    score_all(prize_round, {first.number: 9, second.number: 6})
    open_meeting(prize_round, council)
    client.force_login(council[0])
    session = client.session
    session[MFA_OK] = council[0].pk
    session.save()
    response = client.post(f"/en/prizes/council/{prize_round.year}/nominations/1/decide/",
                           {"n1-winners": [second.pk], "n1-rationale": ""})
    page = response.content.decode()
    assert response.status_code == 400 and "give the council&#x27;s rationale" in page
    import re

    tags = re.findall(r'<input[^>]*name="n1-winners"[^>]*>', page)
    boxes = {re.search(r'value="(\d+)"', tag).group(1): tag for tag in tags}
    assert "checked" in boxes[str(second.pk)] and "checked" not in boxes[str(first.pk)]  # the choice is kept
