from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evaluations.choices import AssignmentStatus, Recommendation
from evaluations.models import Assignment, Score
from evaluations.selectors.ranking import lot_ranking
from evaluations.services.assignments import panel_assign

from . import factories as f

pytestmark = pytest.mark.django_db
# Pinned, as pretalx does: a new query on this page is a decision, not an accident.
RANKING_PAGE_QUERIES = 10


def build(*, budgets, lot_budget=Decimal("30000000"), grants=2, experts=3):
    call = f.call()
    lot = f.lot(call, budget=lot_budget, grants_count=grants)
    rubric = f.rubric(call)
    panel, _, manager = f.drawn_panel(call, size=experts, reserves=1, experts=experts + 1)
    applications = [f.admitted_application(lot, budget=b) for b in budgets]
    panel_assign(panel=panel, actor=manager)
    return lot, rubric, applications


def give(application, sheets):
    """Write submitted sheets directly: each sheet is the scores on the three criteria (max 10; weights 50/30/20)."""
    criteria = list(application.lot.call.rubric.criteria.order_by("position"))
    assignments = list(Assignment.objects.filter(application=application).order_by("id"))
    for assignment, values in zip(assignments, sheets, strict=False):
        Score.objects.bulk_create(Score(assignment=assignment, criterion=c, value=v, comment="ok")
                                  for c, v in zip(criteria, values, strict=True))
        total = sum(Decimal(v) / c.max_score * c.weight for c, v in zip(criteria, values, strict=True))
        Assignment.objects.filter(pk=assignment.pk).update(status=AssignmentStatus.SUBMITTED,
                                                            total=total.quantize(Decimal("0.01")))


def by_number(ranking):
    return {row.application.registration_number: row for row in ranking.rows}


def test_winners_are_taken_in_rank_order_within_the_budget_and_the_reserve_follows(media_root):
    lot, rubric, (a, b, c) = build(budgets=[Decimal("12000000"), Decimal("15000000"), Decimal("10000000")])
    give(a, [[9, 9, 9]] * 3)   # 90
    give(b, [[8, 8, 8]] * 3)   # 80
    give(c, [[7, 7, 7]] * 3)   # 70
    rows = by_number(lot_ranking(lot, rubric))
    assert rows[a.registration_number].rank == 1 and rows[a.registration_number].mean == Decimal("90.00")
    assert rows[a.registration_number].recommendation == Recommendation.WINNER
    assert rows[b.registration_number].recommendation == Recommendation.WINNER  # 12 + 15 ≤ 30 million
    assert rows[c.registration_number].recommendation == Recommendation.RESERVE  # two grants only


def test_an_application_that_would_pass_the_budget_draws_the_funding_line(media_root):
    lot, rubric, (a, b, c) = build(budgets=[Decimal("20000000"), Decimal("15000000"), Decimal("5000000")], grants=3)
    give(a, [[9, 9, 9]] * 3)
    give(b, [[8, 8, 8]] * 3)
    give(c, [[7, 7, 7]] * 3)
    rows = by_number(lot_ranking(lot, rubric))
    assert rows[a.registration_number].recommendation == Recommendation.WINNER
    assert rows[b.registration_number].recommendation == Recommendation.RESERVE  # 20 + 15 > 30 million
    assert rows[c.registration_number].recommendation == Recommendation.RESERVE  # below the line


def test_equal_means_share_a_rank_and_a_tie_at_the_line_is_left_to_the_commission(media_root):
    lot, rubric, (a, b, c) = build(budgets=[Decimal("10000000")] * 3, grants=2)
    give(a, [[9, 9, 9]] * 3)
    give(b, [[8, 8, 8]] * 3)
    give(c, [[8, 8, 8]] * 3)
    ranking = lot_ranking(lot, rubric)
    rows = by_number(ranking)
    assert rows[b.registration_number].rank == rows[c.registration_number].rank == 2
    assert rows[b.registration_number].recommendation == Recommendation.TIE
    assert rows[c.registration_number].recommendation == Recommendation.TIE
    assert ranking.has_ties


def test_below_a_criterion_threshold_or_the_overall_threshold_cannot_be_recommended(media_root):
    lot, rubric, (a, b, c) = build(budgets=[Decimal("5000000")] * 3, grants=3)
    give(a, [[3, 10, 10], [3, 10, 10], [4, 10, 10]])  # criterion 1 mean 3.33 < threshold 4; total 66.7
    give(b, [[4, 4, 4]] * 3)                          # total 40 < overall threshold 50
    give(c, [[6, 6, 6]] * 3)                          # 60
    rows = by_number(lot_ranking(lot, rubric))
    assert rows[a.registration_number].below_criterion
    assert rows[a.registration_number].recommendation == Recommendation.BELOW_THRESHOLD
    assert rows[b.registration_number].below_overall
    assert rows[b.registration_number].recommendation == Recommendation.BELOW_THRESHOLD
    assert rows[c.registration_number].recommendation == Recommendation.WINNER


def test_statistics_and_the_dispersion_flag(media_root):
    lot, rubric, (a, b) = build(budgets=[Decimal("5000000")] * 2)
    give(a, [[10, 10, 10], [5, 5, 5], [9, 9, 9]])  # totals 100, 50, 90: spread 50 > 30
    give(b, [[8, 8, 8], [7, 7, 7], [8, 8, 8]])     # 80, 70, 80: spread 10
    rows = by_number(lot_ranking(lot, rubric))
    row = rows[a.registration_number]
    assert row.mean == Decimal("80.00") and row.median == Decimal("90.00")
    assert row.stddev == Decimal("21.60")  # population standard deviation of 100, 50, 90
    assert row.dispersed and not rows[b.registration_number].dispersed
    assert sorted(row.totals) == [Decimal("50.00"), Decimal("90.00"), Decimal("100.00")]


def test_an_unfinished_application_is_not_recommended(media_root):
    lot, rubric, (a, b) = build(budgets=[Decimal("5000000")] * 2)
    give(a, [[9, 9, 9]] * 2)  # the third sheet is still open
    give(b, [[6, 6, 6]] * 3)
    ranking = lot_ranking(lot, rubric)
    rows = by_number(ranking)
    assert rows[a.registration_number].recommendation == Recommendation.NOT_SCORED
    assert not ranking.complete


def queries_for_ranking_page(client, lot):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/ru/staff/evaluation/lots/{lot.code}/ranking/")
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_a_lot_page_runs_the_same_queries_for_3_and_30_applications(media_root, client, world):
    client.force_login(world.users["call_manager"])
    counts = []
    for size in (3, 30):
        lot, rubric, applications = build(budgets=[Decimal("1000000")] * size, grants=5)
        for i, application in enumerate(applications):
            give(application, [[i % 10, 5, 7]] * 3)
        queries_for_ranking_page(client, lot)  # warm the per-process caches (content types, session)
        counts.append(queries_for_ranking_page(client, lot))
    assert counts[0] == counts[1] == RANKING_PAGE_QUERIES
