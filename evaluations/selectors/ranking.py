"""The ranking of a lot, computed by the database: a fixed number of queries whatever the number of
applications, experts and criteria.

1. the lot's applications with their experts' totals aggregated (mean, min, max, standard deviation, on
   PostgreSQL the median) and the rank (a window function: equal means share a rank);
2. each submitted sheet's total (shown anonymously, and the median where the database has no percentile);
3. the budget each application requests (the sum of its lines);
4. the mean score per application and criterion, which the criteria's thresholds are checked against
   (plus the rubric's criteria, when the caller has not prefetched them).

Deciding the funding line walks the ranked applications (not the scores): winners in rank order while
the lot's budget and number of grants allow, a tie across the line left to the commission, the other
eligible applications on the reserve list.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from django.db import connection
from django.db.models import (
    Aggregate,
    Avg,
    Count,
    DecimalField,
    F,
    FloatField,
    Max,
    Min,
    Q,
    StdDev,
    Sum,
    Window,
)
from django.db.models.functions import Rank, Round

from grants.applications.choices import ApplicationStatus
from grants.models import Application, BudgetLine
from portal.translation import pick

from ..choices import AssignmentStatus, Recommendation
from ..models import MAX_TOTAL, Assignment, Score

EVALUATED = [
    ApplicationStatus.UNDER_EVALUATION, ApplicationStatus.WINNER, ApplicationStatus.RESERVE,
    ApplicationStatus.NOT_FUNDED,
]
OPEN = [AssignmentStatus.AWAITING_DECLARATION, AssignmentStatus.SCORING]
CENT = Decimal("0.01")
MONEY = DecimalField(max_digits=16, decimal_places=2)
# The columns a ranking shows: not the application's long texts.
SHOWN = ("lot_id", "ngo_id", "status", "language", "title", "registration_number", "sequence")


class Median(Aggregate):
    """PostgreSQL's percentile_cont(0.5): the median of a group."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def _dec(value) -> Decimal | None:
    if value is None:
        return None
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class RankedApplication:
    application: Application
    rank: int | None
    experts: int
    open_sheets: int
    mean: Decimal | None
    median: Decimal | None
    stddev: Decimal | None
    spread: Decimal | None
    budget: Decimal
    below_criterion: bool
    below_overall: bool
    dispersed: bool
    totals: list = field(default_factory=list)
    criterion_means: dict = field(default_factory=dict)
    recommendation: str = Recommendation.NOT_SCORED
    tied: bool = False

    @property
    def ngo_name(self) -> str:
        return pick(self.application, "ngo_name")

    @property
    def is_scored(self) -> bool:
        return self.experts > 0 and self.open_sheets == 0

    @property
    def eligible(self) -> bool:
        return self.is_scored and not (self.below_criterion or self.below_overall)

    def get_recommendation_display(self) -> str:
        return Recommendation(self.recommendation).label


@dataclass
class LotRanking:
    lot: object
    rubric: object
    rows: list
    complete: bool
    winners_budget: Decimal
    has_ties: bool


def dispersion_limit(percent: int) -> Decimal:
    """The spread of the experts' totals (max − min, out of 100) above which a sheet set is flagged."""
    return MAX_TOTAL * percent / 100


def ranked_applications(lot, rubric):
    """Query 1: the lot's applications annotated in the database."""
    submitted = Q(assignments__status=AssignmentStatus.SUBMITTED)
    applications = (
        Application.objects.filter(lot=lot, status__in=EVALUATED)
        .only(*SHOWN)
        .annotate(
            ngo_name_kk=F("ngo__name_kk"), ngo_name_ru=F("ngo__name_ru"), ngo_name_en=F("ngo__name_en"),
            experts=Count("assignments", filter=submitted),
            open_sheets=Count("assignments", filter=Q(assignments__status__in=OPEN)),
            mean_total=Avg("assignments__total", filter=submitted),
            min_total=Min("assignments__total", filter=submitted),
            max_total=Max("assignments__total", filter=submitted),
            stddev_total=StdDev("assignments__total", filter=submitted),
        )
        .annotate(rank=Window(Rank(), order_by=F("mean_total").desc(nulls_last=True)))
        .order_by("rank", "sequence", "id")
    )
    if connection.vendor == "postgresql":
        applications = applications.annotate(median_total=Median("assignments__total", filter=submitted))
    return applications


def lot_ranking(lot, rubric) -> LotRanking:
    applications = list(ranked_applications(lot, rubric))
    totals = defaultdict(list)  # query 2
    for application_id, total in (
        Assignment.objects.filter(application__lot=lot, application__status__in=EVALUATED,
                                  status=AssignmentStatus.SUBMITTED)
        .order_by("application_id", "-total", "id")
        .values_list("application_id", "total")
    ):
        totals[application_id].append(total)
    requested = dict(  # query 3: budgets summed apart, not once per sheet inside the aggregate
        BudgetLine.objects.filter(application__lot=lot, application__status__in=EVALUATED)
        .values("application_id")
        .annotate(total=Sum(Round(F("quantity") * F("unit_cost"), 2), output_field=MONEY))
        .values_list("application_id", "total")
    )
    means = defaultdict(dict)  # query 4
    for application_id, criterion_id, mean in (
        Score.objects.filter(assignment__application__lot=lot, assignment__application__status__in=EVALUATED,
                             assignment__status=AssignmentStatus.SUBMITTED)
        .values("assignment__application_id", "criterion_id")
        .annotate(mean=Avg("value"))
        .values_list("assignment__application_id", "criterion_id", "mean")
    ):
        means[application_id][criterion_id] = mean if isinstance(mean, Decimal) else Decimal(str(mean))

    thresholds = {c.pk: c.min_score for c in rubric.criteria.all() if c.min_score is not None} if rubric else {}
    threshold = rubric.overall_threshold if rubric else Decimal("0")
    dispersion = dispersion_limit(rubric.dispersion_percent) if rubric else MAX_TOTAL
    rows = []
    for app in applications:
        mean = _dec(app.mean_total)
        spread = _dec(app.max_total - app.min_total) if app.max_total is not None else None
        med = getattr(app, "median_total", None)
        if med is None and totals[app.pk]:
            med = median(totals[app.pk])
        rows.append(RankedApplication(
            application=app, rank=app.rank if app.mean_total is not None else None, experts=app.experts,
            open_sheets=app.open_sheets, mean=mean, median=_dec(med),
            stddev=_dec(app.stddev_total) if app.experts > 1 else None, spread=spread,
            budget=requested.get(app.pk) or Decimal("0"),
            below_criterion=any(
                mean is not None and pk in thresholds and mean < thresholds[pk] for pk, mean in means[app.pk].items()
            ),
            below_overall=mean is not None and mean < threshold,
            dispersed=spread is not None and spread > dispersion,
            totals=totals[app.pk], criterion_means={pk: _dec(mean) for pk, mean in means[app.pk].items()},
        ))
    winners_budget = recommend(rows, budget=lot.budget, grants=lot.grants_count)
    return LotRanking(
        lot=lot, rubric=rubric, rows=rows, complete=bool(rows) and all(r.is_scored for r in rows),
        winners_budget=winners_budget, has_ties=any(r.recommendation == Recommendation.TIE for r in rows),
    )


def recommend(rows: list[RankedApplication], *, budget: Decimal, grants: int) -> Decimal:
    """Mark each row's recommendation; return the budget of the recommended winners.

    Going down the ranking, a group of equal means is recommended whole when it fits in what is left of
    the budget and of the number of grants. The first group that does not fit draws the funding line: if
    at least one of its applications could still be funded, the group is a tie for the commission to
    decide; everything eligible below the line is on the reserve list.
    """
    left_budget, left_grants, line_drawn = budget, grants, False
    groups: dict = defaultdict(list)
    for row in rows:
        if not row.is_scored:
            row.recommendation = Recommendation.NOT_SCORED
        elif not row.eligible:
            row.recommendation = Recommendation.BELOW_THRESHOLD
        else:
            groups[row.rank].append(row)
    spent = Decimal("0")
    for rank in sorted(groups):
        group = groups[rank]
        cost = sum((r.budget for r in group), Decimal("0"))
        if line_drawn:
            for row in group:
                row.recommendation = Recommendation.RESERVE
            continue
        if len(group) <= left_grants and cost <= left_budget:
            for row in group:
                row.recommendation = Recommendation.WINNER
            left_grants -= len(group)
            left_budget -= cost
            spent += cost
            continue
        line_drawn = True
        could_fund = left_grants > 0 and any(r.budget <= left_budget for r in group)
        for row in group:
            row.tied = len(group) > 1
            row.recommendation = Recommendation.TIE if (could_fund and len(group) > 1) else Recommendation.RESERVE
    return spent
