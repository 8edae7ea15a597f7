"""The expert working group of a round: formed by the register's draw (evaluations.draw, seed and pool kept) or
appointed; every candidacy goes to every member free of ties to the NGO; each expert declares conflicts before
reading a candidacy (a conflicted expert is recused and the next reserve steps in) and scores it blind on the
round's criteria. The declaration, reserve and score-sheet rules are those of evaluations, called from here."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from evaluations.choices import AssignmentStatus, ExpertStatus
from evaluations.draw import ALGORITHM, new_seed, run_draw
from evaluations.selectors.panels import expert_pool
from evaluations.services.assignments import declaration_errors, first_free_reserve, ngo_ties
from evaluations.services.scoring import checked_values, sheet_problems, weighted_total_of
from portal import audit, money
from portal.workflow import transition

from ..choices import DEFAULT_CRITERIA, CandidacyStatus, GroupFormation, GroupSeat, RoundStatus
from ..models import Candidacy, Criterion, GroupMember, Review, ReviewScore, Round, WorkingGroup

A = AssignmentStatus
REVIEW_TRANSITIONS = {
    (A.AWAITING_DECLARATION, A.SCORING): "review_no_conflict_declared",
    (A.AWAITING_DECLARATION, A.RECUSED): "review_conflict_declared",
    (A.SCORING, A.SUBMITTED): "review_submitted",
}
SEED_MAX_LENGTH = 64


@transaction.atomic
def criteria_add_defaults(*, prize_round: Round) -> list[Criterion]:
    """The default criteria, equal weights adding up to 100, when the round has none yet."""
    if prize_round.criteria.exists():
        return list(prize_round.criteria.all())
    weights = money.split_equally(Decimal("100"), len(DEFAULT_CRITERIA))
    return Criterion.objects.bulk_create(
        Criterion(round=prize_round, position=index, title_kk=kk, title_ru=ru, max_score=maximum, weight=weight)
        for index, ((kk, ru, maximum), weight) in enumerate(zip(DEFAULT_CRITERIA, weights, strict=True), start=1)
    )


def _lock_round(prize_round: Round) -> Round:
    prize_round = Round.objects.select_for_update().select_related("fiscal_year").get(pk=prize_round.pk)
    if prize_round.status != RoundStatus.UNDER_REVIEW:
        raise ValidationError(_("The working group is formed once the review of the candidacies has started."),
                              code="not_under_review")
    if WorkingGroup.objects.filter(round=prize_round).exists():
        raise ValidationError(_("This round already has its working group."), code="formed")
    return prize_round


def live_candidacies(prize_round: Round):
    return Candidacy.objects.filter(round=prize_round, status=CandidacyStatus.SUBMITTED).order_by("number")


@transaction.atomic
def group_draw(*, actor, prize_round: Round, size: int, reserves: int, observers: str, seed: str = "",
               now=None) -> WorkingGroup:
    """Draw the members and reserves from the active experts of the register; the seed and pool are kept."""
    prize_round = _lock_round(prize_round)
    names = [line.strip() for line in (observers or "").splitlines() if line.strip()]
    if not names:
        raise ValidationError({"observers": _("Name at least one observer of the draw.")})
    seed = (seed or "").strip()
    if len(seed) > SEED_MAX_LENGTH:
        raise ValidationError({"seed": _("The seed is too long: at most %(n)s characters.") % {"n": SEED_MAX_LENGTH}})
    seed = seed or new_seed()
    pool = expert_pool()
    if len(pool) < size + reserves:
        raise ValidationError(ngettext(
            "Only %(count)s active expert is in the register; the draw needs %(wanted)s.",
            "Only %(count)s active experts are in the register; the draw needs %(wanted)s.", len(pool),
        ) % {"count": len(pool), "wanted": size + reserves})
    result = run_draw(seed=seed, pool=pool, members=size, reserves=reserves)
    group = WorkingGroup.objects.create(
        round=prize_round, formation=GroupFormation.DRAWN, algorithm=ALGORITHM, seed=seed, pool=list(result.pool),
        observers="\n".join(names), formed_by=actor, formed_at=now or timezone.now(),
    )
    seats = [(pk, GroupSeat.MEMBER) for pk in result.members] + [(pk, GroupSeat.RESERVE) for pk in result.reserves]
    GroupMember.objects.bulk_create(
        GroupMember(group=group, expert_id=pk, role=role, draw_position=place)
        for place, (pk, role) in enumerate(seats, start=1)
    )
    audit.record(actor=actor, obj=prize_round, action="working_group_drawn",
                 data={"seed": seed, "pool": list(result.pool), "members": list(result.members),
                       "reserves": list(result.reserves), "observers": names},
                 message=("working_group_drawn", {"members": size, "reserves": reserves, "seed": seed}))
    _assign(group, actor=actor)
    return group


@transaction.atomic
def group_appoint(*, actor, prize_round: Round, members, reserves=(), now=None) -> WorkingGroup:
    """The operator names the experts (active ones of the register); the reserves step in, in the order given."""
    prize_round = _lock_round(prize_round)
    members, reserves = list(members), [e for e in reserves if e not in list(members)]
    if not members:
        raise ValidationError({"members": _("Choose at least one expert.")})
    inactive = [str(e) for e in [*members, *reserves] if e.status != ExpertStatus.ACTIVE]
    if inactive:
        raise ValidationError(_("Only active experts of the register may review: %(names)s.") % {
            "names": ", ".join(inactive)})
    group = WorkingGroup.objects.create(round=prize_round, formation=GroupFormation.APPOINTED, formed_by=actor,
                                        formed_at=now or timezone.now())
    seats = [(e, GroupSeat.MEMBER) for e in members] + [(e, GroupSeat.RESERVE) for e in reserves]
    GroupMember.objects.bulk_create(
        GroupMember(group=group, expert=expert, role=role, draw_position=place)
        for place, (expert, role) in enumerate(seats, start=1)
    )
    audit.record(actor=actor, obj=prize_round, action="working_group_appointed",
                 data={"members": [e.pk for e in members], "reserves": [e.pk for e in reserves]},
                 message=("working_group_appointed", {"members": len(members), "reserves": len(reserves)}))
    _assign(group, actor=actor)
    return group


def _assign(group: WorkingGroup, *, actor) -> int:
    """Every live candidacy to every member free of ties to its NGO; a tied member's place goes to a reserve."""
    criteria_add_defaults(prize_round=group.round)
    candidacies = list(live_candidacies(group.round).select_related("ngo"))
    if not candidacies:
        raise ValidationError(_("The round has no candidacy to review."))
    seats = list(group.members.select_related("expert").order_by("draw_position"))
    members = [s for s in seats if s.role == GroupSeat.MEMBER]
    reserves = [s for s in seats if s.role == GroupSeat.RESERVE]
    related = ngo_ties([s.expert.user_id for s in seats], {c.ngo_id for c in candidacies})
    rows = []
    for candidacy in candidacies:
        chosen = [s for s in members if (s.expert.user_id, candidacy.ngo_id) not in related]
        taken = {s.expert_id for s in members}
        for _tied in range(len(members) - len(chosen)):
            seat = first_free_reserve(reserves, taken=taken, ngo_id=candidacy.ngo_id)
            if seat is None:
                break
            chosen.append(seat)
            taken.add(seat.expert_id)
        if not chosen:
            raise ValidationError(_("Candidacy %(number)s: no expert of the working group is free of ties to "
                                    "%(ngo)s.") % {"number": candidacy.number, "ngo": candidacy.ngo})
        rows += [Review(candidacy=candidacy, expert=seat.expert) for seat in chosen]
    Review.objects.bulk_create(rows)
    return len(rows)


def _lock(review: Review) -> Review:
    return (Review.objects.select_for_update(of=("self",))
            .select_related("expert__user", "candidacy__round", "candidacy__ngo").get(pk=review.pk))


def _ensure(review: Review, target: str) -> None:
    if review.candidacy.round.status != RoundStatus.UNDER_REVIEW:
        raise ValidationError(_("The review of this round is over: the sheets can no longer change."))
    if (review.status, target) not in REVIEW_TRANSITIONS:
        raise ValidationError(_("This review is “%(status)s”: that step is not possible now.")
                              % {"status": review.get_status_display()})


@transaction.atomic
def review_declare(*, actor, review: Review, has_conflict: bool, nature: str = "") -> Review:
    """No conflict opens the candidacy for scoring; a conflict recuses the expert and the next reserve steps in."""
    review = _lock(review)
    nature = (nature or "").strip()
    errors = declaration_errors(has_conflict=has_conflict, nature=nature)
    if errors:
        raise ValidationError(errors)
    target = A.RECUSED if has_conflict else A.SCORING
    _ensure(review, target)
    review.has_conflict, review.conflict_nature, review.declared_at = has_conflict, nature, timezone.now()
    transition(review, to=target, table=REVIEW_TRANSITIONS, actor=actor, note=nature,
               update_fields=["has_conflict", "conflict_nature", "declared_at"])
    if has_conflict:
        _step_in(review, actor=actor)
    return review


def _step_in(recused: Review, *, actor) -> Review | None:
    group = recused.candidacy.round.working_group
    taken = set(Review.objects.filter(candidacy=recused.candidacy).values_list("expert_id", flat=True))
    reserves = group.members.filter(role=GroupSeat.RESERVE).select_related("expert").order_by("draw_position")
    seat = first_free_reserve(reserves, taken=taken, ngo_id=recused.candidacy.ngo_id)
    if seat is None:
        audit.record(actor=actor, obj=recused, action="review_left_without_reserve", to_state=recused.status,
                     message=("no_reserve_left", {}))
        return None
    replacement = Review.objects.create(candidacy=recused.candidacy, expert=seat.expert, replaces=recused)
    audit.record(actor=actor, obj=replacement, action="review_reserve_stepped_in", to_state=replacement.status,
                 message=("reserve_replaces", {"reserve": str(seat.expert), "expert": str(recused.expert)}))
    return replacement


def criteria_of(review: Review) -> list[Criterion]:
    return list(Criterion.objects.filter(round_id=review.candidacy.round_id).order_by("position", "id"))


@transaction.atomic
def review_save(*, actor, review: Review, values: dict) -> list[ReviewScore]:
    """Keep what the expert has typed so far: {criterion_id: (score or None, comment)}. Not a state change."""
    review = _lock(review)
    if review.status != A.SCORING or review.candidacy.round.status != RoundStatus.UNDER_REVIEW:
        raise ValidationError(_("This score sheet is closed: it can no longer change."))
    cleaned = checked_values(criteria_of(review), values)
    existing = {s.criterion_id: s for s in review.scores.all()}
    saved = []
    for criterion_id, (value, comment) in cleaned.items():
        score = existing.get(criterion_id) or ReviewScore(review=review, criterion_id=criterion_id)
        score.value, score.comment = value, comment
        score.save()
        saved.append(score)
    return saved


@transaction.atomic
def review_submit(*, actor, review: Review) -> Review:
    """Submit the sheet: every criterion scored, a comment under each threshold; then it never changes."""
    review = _lock(review)
    _ensure(review, A.SUBMITTED)
    problems = sheet_problems(review, criteria_of(review), {s.criterion_id: s for s in review.scores.all()})
    if problems:
        raise ValidationError(problems)
    review.total = weighted_total_of(ReviewScore.objects.filter(review=review))
    review.submitted_at = timezone.now()
    transition(review, to=A.SUBMITTED, table=REVIEW_TRANSITIONS, actor=actor,
               update_fields=["total", "submitted_at"], data={"total": str(review.total)})
    return review
