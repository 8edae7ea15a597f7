"""Every queryset the prize pages show, with what they read joined, so a page runs a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, F, Max, Min, Prefetch, Q, Sum, Window
from django.db.models.functions import Rank

from evaluations.choices import AssignmentStatus
from evaluations.selectors.meetings import Quorum, quorum_needed
from evaluations.selectors.ranking import dispersion_limit
from ngos.selectors import listed_for_year
from portal import money
from portal.choices import PublicRole
from portal.models import User

from .choices import CandidacyStatus, RoundStatus
from .models import (
    Award,
    Candidacy,
    CouncilAttendance,
    CouncilMeeting,
    GroupMember,
    Nomination,
    NominationDecision,
    Proposal,
    Review,
    ReviewScore,
    Round,
    WorkingGroup,
)

OPEN_REVIEWS = [AssignmentStatus.AWAITING_DECLARATION, AssignmentStatus.SCORING]


def _rounds():
    return Round.objects.select_related("fiscal_year")


def _nominations():
    # How many people proposed an NGO in each nomination: shown on the public page while the round is open.
    return Nomination.objects.annotate(
        proposal_count=Count("proposals", distinct=True),
        candidacy_count=Count("candidacies", filter=~Q(candidacies__status=CandidacyStatus.WITHDRAWN), distinct=True),
    ).order_by("number")


def staff_rounds():
    return _rounds().annotate(nomination_count=Count("nominations")).order_by("-fiscal_year__year")


def round_for_page(year: int) -> Round | None:
    """One round by its year, its nominations prefetched (with the round, so no nomination asks for it)."""
    prize_round = (
        _rounds().prefetch_related(Prefetch("nominations", queryset=_nominations())).filter(fiscal_year__year=year)
        .first()
    )
    if prize_round is not None:
        for nomination in prize_round.nominations.all():
            nomination.round = prize_round
    return prize_round


def nomination_for_page(year: int, number: int) -> Nomination | None:
    return (
        Nomination.objects.select_related("round__fiscal_year")
        .filter(round__fiscal_year__year=year, number=number).first()
    )


def public_rounds():
    """Announced rounds, newest year first, with the figures the index shows."""
    return (
        _rounds().exclude(status=RoundStatus.DRAFT).filter(announced_at__isnull=False)
        .annotate(nomination_count=Count("nominations"))
        .order_by("-fiscal_year__year")
    )


def current_round() -> Round | None:
    """The round the index leads with: the newest announced round not yet published."""
    prize_round = (
        public_rounds().filter(status__in=[RoundStatus.ANNOUNCED, RoundStatus.UNDER_REVIEW, RoundStatus.DECIDED])
        .first()
    )
    return round_for_page(prize_round.year) if prize_round else None


def past_rounds():
    """Rounds whose council decision is published, newest first (their winners come with the decision)."""
    return public_rounds().filter(status=RoundStatus.PUBLISHED)


def nominations_total(prize_round: Round):
    """How much the nominations promise in all: Σ awards × amount, to compare with the fund."""
    return money.total(nomination.total for nomination in prize_round.nominations.all())


def round_taken(year_id: int, exclude_pk=None) -> bool:
    return Round.objects.filter(Q(fiscal_year_id=year_id) & ~Q(pk=exclude_pk)).exists()



# --- Candidacies and proposals ------------------------------------------------------------------------


def _candidacies():
    return Candidacy.objects.select_related("round__fiscal_year", "nomination", "ngo", "ngo__region")


def candidacies_of(ngo):
    return _candidacies().filter(ngo=ngo).order_by("-submitted_at")


def candidacy_for_page(pk: int) -> Candidacy | None:
    return _candidacies().select_related("proposal", "submitted_by", "award").filter(pk=pk).first()


def proposals_about(ngo):
    """Proposals made for this NGO, with the candidacy each became (if any); proposers stay unnamed here."""
    return (
        Proposal.objects.filter(ngo=ngo).select_related("round__fiscal_year", "nomination", "candidacy")
        .order_by("-created_at")
    )


def public_proposals(prize_round: Round):
    """The proposals of a round for its public page: which NGO, in which nomination, why (not by whom)."""
    return (
        Proposal.objects.filter(round=prize_round).select_related("ngo", "nomination")
        .order_by("nomination__number", "-created_at")
    )


def staff_candidacies(prize_round: Round):
    """A round's candidacies with the NGO database facts eligibility rests on (listed the year before, flags)."""
    return (
        _candidacies().filter(round=prize_round).annotate(listed=listed_for_year(prize_round.year - 1))
        .order_by("nomination__number", "number")
    )


# --- Review and ranking ---------------------------------------------------------------------------------


@dataclass
class RankedCandidacy:
    candidacy: Candidacy
    rank: int | None
    experts: int
    open_sheets: int
    mean: Decimal | None
    spread: Decimal | None
    dispersed: bool
    below_criterion: bool
    criterion_means: dict = field(default_factory=dict)
    recommended: bool = False

    @property
    def is_scored(self) -> bool:
        return self.experts > 0 and self.open_sheets == 0


@dataclass
class NominationRanking:
    nomination: Nomination
    rows: list
    decision: object = None

    @property
    def complete(self) -> bool:
        return all(row.is_scored for row in self.rows)

    @property
    def recommended(self) -> list:
        return [row.candidacy for row in self.rows if row.recommended]


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def rankings(prize_round: Round) -> list[NominationRanking]:
    """Each nomination's live candidacies ranked by the mean of their experts' totals (equal means share a rank),
    flagged where the totals disperse, with the recommendation: the scored candidacies above every threshold
    whose rank is within the nomination's number of awards. Four queries whatever the numbers."""
    submitted = Q(reviews__status=AssignmentStatus.SUBMITTED)
    candidacies = (
        _candidacies().filter(round=prize_round, status=CandidacyStatus.SUBMITTED)
        .annotate(
            experts=Count("reviews", filter=submitted),
            open_sheets=Count("reviews", filter=Q(reviews__status__in=OPEN_REVIEWS)),
            mean_total=Avg("reviews__total", filter=submitted),
            min_total=Min("reviews__total", filter=submitted),
            max_total=Max("reviews__total", filter=submitted),
        )
        .annotate(rank=Window(Rank(), partition_by=[F("nomination_id")],
                              order_by=F("mean_total").desc(nulls_last=True)))
        .order_by("nomination__number", "rank", "number")
    )
    means = defaultdict(dict)
    for candidacy_id, criterion_id, mean in (
        ReviewScore.objects.filter(review__candidacy__round=prize_round, review__status=AssignmentStatus.SUBMITTED)
        .values("review__candidacy_id", "criterion_id").annotate(mean=Avg("value"))
        .values_list("review__candidacy_id", "criterion_id", "mean")
    ):
        means[candidacy_id][criterion_id] = _dec(mean)
    thresholds = {c.pk: c.min_score for c in prize_round.criteria.all() if c.min_score is not None}
    group = WorkingGroup.objects.filter(round=prize_round).first()
    limit = dispersion_limit(group.dispersion_percent if group else 30)
    decisions = {d.nomination_id: d for d in NominationDecision.objects.filter(nomination__round=prize_round)
                 .prefetch_related(Prefetch("awards", queryset=Award.objects.select_related("candidacy__ngo")))}
    by_nomination = defaultdict(list)
    for candidacy in candidacies:
        mean = _dec(candidacy.mean_total)
        spread = _dec(candidacy.max_total - candidacy.min_total) if candidacy.max_total is not None else None
        by_nomination[candidacy.nomination_id].append(RankedCandidacy(
            candidacy=candidacy, rank=candidacy.rank if mean is not None else None, experts=candidacy.experts,
            open_sheets=candidacy.open_sheets, mean=mean, spread=spread,
            dispersed=spread is not None and spread > limit,
            below_criterion=any(pk in thresholds and value < thresholds[pk]
                                for pk, value in means[candidacy.pk].items()),
            criterion_means=means[candidacy.pk],
        ))
    result = []
    for nomination in prize_round.nominations.all():
        rows = by_nomination.get(nomination.pk, [])
        for row in rows:
            row.recommended = row.is_scored and not row.below_criterion and row.rank <= nomination.awards
        result.append(NominationRanking(nomination=nomination, rows=rows, decision=decisions.get(nomination.pk)))
    return result


def group_for_page(prize_round: Round) -> WorkingGroup | None:
    return (
        WorkingGroup.objects.filter(round=prize_round).select_related("formed_by")
        .prefetch_related(Prefetch("members", queryset=GroupMember.objects.select_related("expert__user")
                                   .order_by("draw_position")))
        .first()
    )


def group_progress(prize_round: Round):
    """Per candidacy, how many sheets are submitted, open, recused: the working group's progress (no scores)."""
    return (
        _candidacies().filter(round=prize_round, status=CandidacyStatus.SUBMITTED)
        .annotate(
            sheets=Count("reviews", filter=~Q(reviews__status=AssignmentStatus.RECUSED)),
            submitted=Count("reviews", filter=Q(reviews__status=AssignmentStatus.SUBMITTED)),
            recused=Count("reviews", filter=Q(reviews__status=AssignmentStatus.RECUSED)),
        )
        .order_by("nomination__number", "number")
    )


def reviews_of_expert(user):
    """An expert's own reviews, newest round first: nobody else's appear, nor any other expert's scores."""
    return (
        Review.objects.filter(expert__user=user)
        .select_related("candidacy__round__fiscal_year", "candidacy__nomination", "candidacy__ngo")
        .order_by("-candidacy__round__fiscal_year__year", "candidacy__number")
    )


def review_for_page(pk: int) -> Review | None:
    return (
        Review.objects.filter(pk=pk)
        .select_related("expert__user", "candidacy__round__fiscal_year", "candidacy__nomination", "candidacy__ngo")
        .prefetch_related("scores")
        .first()
    )


def scores_for_applicant(candidacy: Candidacy) -> dict:
    """What the applicant is told: per criterion, the mean and each expert's score and comment, experts named
    only by their order ("Expert 1", "Expert 2"), submitted sheets only."""
    reviews = list(candidacy.reviews.filter(status=AssignmentStatus.SUBMITTED).order_by("id")
                   .prefetch_related("scores"))
    criteria = list(candidacy.round.criteria.order_by("position", "id"))
    rows = []
    for criterion in criteria:
        given = [(index, s) for index, review in enumerate(reviews, start=1) for s in review.scores.all()
                 if s.criterion_id == criterion.pk and s.value is not None]
        values = [s.value for _index, s in given]
        rows.append({
            "criterion": criterion,
            "mean": _dec(sum(values) / len(values)) if values else None,
            "scores": [{"expert": index, "value": s.value, "comment": s.comment} for index, s in given],
        })
    totals = [r.total for r in reviews if r.total is not None]
    return {"criteria": rows, "experts": len(reviews),
            "mean_total": _dec(sum(totals) / len(totals)) if totals else None}


# --- The council ------------------------------------------------------------------------------------------


def council_members():
    return User.objects.filter(groups__name=PublicRole.COUNCIL, is_active=True).order_by("full_name", "pk").distinct()


def meeting_for_page(prize_round: Round) -> CouncilMeeting | None:
    return (
        CouncilMeeting.objects.filter(round=prize_round)
        .prefetch_related(Prefetch("attendance", queryset=CouncilAttendance.objects.select_related("member")))
        .first()
    )


def quorum_of(meeting: CouncilMeeting) -> Quorum:
    rows = list(meeting.attendance.all())
    present = sum(1 for row in rows if row.is_present)
    return Quorum(members=len(rows), present=present, needed=quorum_needed(len(rows)))


# --- Winners and statistics ---------------------------------------------------------------------------------


def winners(year: int | None = None):
    """Published awards, by year and nomination, with the NGO and its region: three queries whatever the number."""
    awards = (
        Award.objects.filter(decision__nomination__round__status=RoundStatus.PUBLISHED)
        .select_related("candidacy__ngo__region", "decision__nomination__round__fiscal_year")
        .annotate(shared_by=Count("decision__awards"))
        .order_by("-decision__nomination__round__fiscal_year__year", "decision__nomination__number",
                  "position")
    )
    if year is not None:
        awards = awards.filter(decision__nomination__round__fiscal_year__year=year)
    return awards


def award_years() -> list[int]:
    return list(
        Round.objects.filter(status=RoundStatus.PUBLISHED).order_by("-fiscal_year__year")
        .values_list("fiscal_year__year", flat=True)
    )


def awards_of_ngo(ngo):
    return winners().filter(candidacy__ngo=ngo)


def statistics():
    """Applications, winners and money of the published rounds by year, by nomination and by region."""
    published = Candidacy.objects.filter(round__status=RoundStatus.PUBLISHED).exclude(
        status=CandidacyStatus.WITHDRAWN)

    def grouped(*fields):
        return list(
            published.values(*fields)
            .annotate(applications=Count("pk", distinct=True), winners=Count("award", distinct=True),
                      money=Sum("award__amount"))
            .order_by(*fields)
        )

    by_year = grouped("round__fiscal_year__year")
    by_year.reverse()
    return {
        "by_year": by_year,
        "by_nomination": grouped("round__fiscal_year__year", "nomination__number", "nomination__title_kk",
                                 "nomination__title_ru", "nomination__title_en"),
        "by_region": grouped("ngo__region__slug", "ngo__region__name_kk", "ngo__region__name_ru",
                             "ngo__region__name_en"),
    }


def council_rounds():
    """Rounds the council has to decide or publish."""
    return _rounds().filter(status__in=[RoundStatus.UNDER_REVIEW, RoundStatus.DECIDED]).order_by("-fiscal_year__year")


def received_awards(ngo) -> list:
    """The NGO's published awards for its profile (ngos.award_sources)."""
    from ngos.award_sources import ReceivedAward

    return [
        ReceivedAward(
            title=f"{award.decision.nomination.number}. {award.decision.nomination.title}", amount=award.amount,
            year=award.decision.nomination.round.year, shared_by=award.shared_by,
            url=award.decision.nomination.get_absolute_url(),
        )
        for award in awards_of_ngo(ngo)
    ]
