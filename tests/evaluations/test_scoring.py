from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from evaluations.choices import AssignmentStatus, MemberRole
from evaluations.models import Assignment
from evaluations.services.assignments import assignment_declare, panel_assign
from evaluations.services.scoring import assignment_submit, scores_save
from grants.applications.choices import ApplicationStatus
from ngos.models import Membership
from portal.audit import history

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def evaluation(db, media_root):
    call = f.call()
    lot = f.lot(call)
    rubric = f.rubric(call)
    panel, pool, manager = f.drawn_panel(call)
    applications = [f.admitted_application(lot) for _ in range(2)]
    return {"call": call, "lot": lot, "rubric": rubric, "panel": panel, "manager": manager,
            "applications": applications}


def seats(panel, role=None):
    members = panel.members.select_related("expert__user").order_by("draw_position")
    return [s for s in members if role is None or (s.role == MemberRole.RESERVE) == (role == "reserve")]


def test_every_admitted_application_goes_to_every_member(evaluation):
    panel_assign(panel=evaluation["panel"], actor=evaluation["manager"])
    members = {s.expert_id for s in seats(evaluation["panel"], "member")}
    for application in evaluation["applications"]:
        application.refresh_from_db()
        assert application.status == ApplicationStatus.UNDER_EVALUATION
        assert set(application.assignments.values_list("expert_id", flat=True)) == members


def test_with_two_experts_per_application_the_work_is_balanced(db, media_root):
    call = f.call()
    lot = f.lot(call)
    f.rubric(call)
    panel, _, manager = f.drawn_panel(call, experts_per_application=2)
    for _ in range(3):
        f.admitted_application(lot)
    panel_assign(panel=panel, actor=manager)
    loads = sorted(Assignment.objects.filter(panel=panel).values_list("expert_id", flat=True))
    counts = sorted(loads.count(e) for e in set(loads))
    assert counts == [2, 2, 2]


def test_a_member_of_the_applying_ngo_is_never_assigned_it(evaluation, client):
    member = seats(evaluation["panel"], "member")[0]
    application = evaluation["applications"][0]
    Membership.objects.create(ngo=application.ngo, user=member.expert.user, role="member")
    panel_assign(panel=evaluation["panel"], actor=evaluation["manager"])
    experts = set(application.assignments.values_list("expert_id", flat=True))
    assert member.expert_id not in experts
    assert seats(evaluation["panel"], "reserve")[0].expert_id in experts  # the first reserve took the place
    client.force_login(member.expert.user)
    page = client.get("/ru/expert/").content.decode()
    assert application.registration_number not in page
    assert evaluation["applications"][1].registration_number in page


def test_declaring_a_conflict_recuses_and_the_next_reserve_steps_in(evaluation):
    panel_assign(panel=evaluation["panel"], actor=evaluation["manager"])
    application = evaluation["applications"][0]
    member = seats(evaluation["panel"], "member")[1]
    assignment = Assignment.objects.get(application=application, expert=member.expert)
    assignment_declare(assignment=assignment, actor=member.expert.user, has_conflict=True,
                       nature="Жобаның жетекшісі — менің туысым")
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.RECUSED
    first_reserve = seats(evaluation["panel"], "reserve")[0]
    replacement = assignment.replaced_by
    assert replacement.expert_id == first_reserve.expert_id
    assert replacement.status == AssignmentStatus.AWAITING_DECLARATION
    assert history(replacement).get().action == "assignment_reserve_stepped_in"
    assert history(assignment).get().note == "Жобаның жетекшісі — менің туысым"


def test_a_conflict_without_its_nature_is_refused(evaluation):
    panel_assign(panel=evaluation["panel"], actor=evaluation["manager"])
    assignment = Assignment.objects.filter(panel=evaluation["panel"]).first()
    with pytest.raises(ValidationError):
        assignment_declare(assignment=assignment, actor=assignment.expert.user, has_conflict=True, nature=" ")
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.AWAITING_DECLARATION


def test_the_application_stays_closed_until_the_expert_declares(evaluation, client):
    panel_assign(panel=evaluation["panel"], actor=evaluation["manager"])
    assignment = Assignment.objects.filter(panel=evaluation["panel"]).select_related("expert__user").first()
    client.force_login(assignment.expert.user)
    response = client.get(f"/ru/expert/assignments/{assignment.pk}/")
    assert response.status_code == 302 and response["Location"].endswith("/declare/")
    assert "Жастарға арналған қысқа жоба" not in client.get(response["Location"]).content.decode()


def scored(assignment, values, comments=None):
    criteria = list(assignment.panel.call.rubric.criteria.order_by("position"))
    comments = comments or {}
    scores_save(assignment=assignment, actor=assignment.expert.user,
                values={c.pk: (v, comments.get(i, "")) for i, (c, v) in enumerate(zip(criteria, values, strict=True))})


def test_a_score_below_the_threshold_needs_a_comment(evaluation):
    panel_assign(panel=evaluation["panel"], actor=evaluation["manager"])
    assignment = Assignment.objects.filter(panel=evaluation["panel"]).first()
    assignment_declare(assignment=assignment, actor=assignment.expert.user, has_conflict=False)
    scored(assignment, [3, 8, 8])  # the first criterion's threshold is 4
    with pytest.raises(ValidationError) as refused:
        assignment_submit(assignment=assignment, actor=assignment.expert.user)
    first = assignment.panel.call.rubric.criteria.order_by("position").first()
    assert f"comment_{first.pk}" in refused.value.error_dict
    scored(assignment, [3, 8, 8], {0: "Мақсаттар лоттың мәселесіне сәйкес келмейді."})
    assignment_submit(assignment=assignment, actor=assignment.expert.user)
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.SUBMITTED


def test_the_weighted_total_is_out_of_100(evaluation):
    panel_assign(panel=evaluation["panel"], actor=evaluation["manager"])
    assignment = Assignment.objects.filter(panel=evaluation["panel"]).first()
    assignment_declare(assignment=assignment, actor=assignment.expert.user, has_conflict=False)
    scored(assignment, [10, 5, 7])  # 10/10×50 + 5/10×30 + 7/10×20
    assignment_submit(assignment=assignment, actor=assignment.expert.user)
    assignment.refresh_from_db()
    assert assignment.total == Decimal("79.00")


def test_submitting_freezes_the_sheet_and_locks_the_rubric(evaluation):
    panel_assign(panel=evaluation["panel"], actor=evaluation["manager"])
    assignment = Assignment.objects.filter(panel=evaluation["panel"]).first()
    assignment_declare(assignment=assignment, actor=assignment.expert.user, has_conflict=False)
    scored(assignment, [6, 6, 6])
    assignment_submit(assignment=assignment, actor=assignment.expert.user)
    with pytest.raises(ValidationError):
        scored(assignment, [9, 9, 9])
    evaluation["rubric"].refresh_from_db()
    assert evaluation["rubric"].is_locked
    from evaluations.services.rubrics import rubric_update

    with pytest.raises(ValidationError):
        rubric_update(rubric=evaluation["rubric"], actor=evaluation["manager"], settings={}, criteria=[
            {"title_kk": "a", "title_ru": "a", "max_score": 10, "weight": Decimal("100")}])


def test_expert_b_cannot_reach_expert_a_s_sheet_by_any_url(evaluation, client):
    panel_assign(panel=evaluation["panel"], actor=evaluation["manager"])
    a, b = seats(evaluation["panel"], "member")[:2]
    mine = Assignment.objects.get(application=evaluation["applications"][0], expert=a.expert)
    assignment_declare(assignment=mine, actor=a.expert.user, has_conflict=False)
    scored(mine, [9, 2, 7], {1: "Секретный комментарий эксперта А"})
    assignment_submit(assignment=mine, actor=a.expert.user)
    document = evaluation["applications"][0].documents.first()
    client.force_login(b.expert.user)
    urls = [
        f"/ru/expert/assignments/{mine.pk}/", f"/ru/expert/assignments/{mine.pk}/declare/",
        f"/ru/expert/assignments/{mine.pk}/translation-kk/",
        f"/ru/expert/assignments/{mine.pk}/documents/{document.pk if document else 1}/",
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert client.post(f"/ru/expert/assignments/{mine.pk}/autosave/", {}).status_code == 404
    assert client.post(f"/ru/expert/assignments/{mine.pk}/", {"action": "save"}).status_code == 404
    own = client.get("/ru/expert/").content.decode()
    assert "Секретный комментарий" not in own
    ranking = client.get(f"/ru/staff/evaluation/lots/{evaluation['lot'].code}/ranking/")
    assert ranking.status_code == 403
    meeting = client.get(f"/ru/evaluation/commissions/{evaluation['panel'].pk}/meeting/")
    assert meeting.status_code in (403, 404) or "Секретный" not in meeting.content.decode()
