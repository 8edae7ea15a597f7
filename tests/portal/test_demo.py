"""The demo that `make run` loads: its dates follow each other as a real call's would, its histories are spread
over days and hours, every role finds work waiting when it signs in, and every PDF made from it, with its
longest names, fits the page.

The demo is seeded once for the module (it takes a while) inside a transaction rolled back at the end."""

import io
from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from evaluations.choices import AssignmentStatus
from evaluations.models import Assignment, ConflictDeclaration, Expert, Meeting, Panel, ResultLetter
from grants.applications.choices import ApplicationStatus
from grants.choices import DocumentKind
from grants.demo import demo_call
from grants.models import Application, Call, Clarification, DirectionComment
from grants.screening.models import Screening, ScreeningConclusion
from ngos.models import NGO, JoinRequest
from portal.audit import history
from portal.demo import clock
from portal.models import AuditEntry, User
from tests.conftest import ensure_reference_data


def _counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models() if model._meta.managed}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.conf import settings

    media, settings.MEDIA_ROOT = settings.MEDIA_ROOT, tmp_path_factory.mktemp("media")
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with fast, django_db_blocker.unblock(), transaction.atomic():
        ensure_reference_data()  # module fixtures run before the per-test autouse one
        call_command("seed_demo", "--quiet-accounts", stdout=io.StringIO())
        first = _counts()
        call_command("seed_demo", "--quiet-accounts", stdout=io.StringIO())
        yield {"first": first, "second": _counts()}
        transaction.set_rollback(True)
    settings.MEDIA_ROOT = media


@pytest.fixture
def signed_in(demo, db, client):
    def sign_in(email):
        user = User.objects.get(email=email)
        if not user.authenticator_set.exists():
            TOTP.activate(user, generate_totp_secret())
        client.force_login(user)
        return client

    return sign_in


def _get(client, name, **kwargs) -> str:
    # The request inside the override too: the locale middleware activates the page's language and would leave
    # it active for the tests that run after this module (their reverse() then gives /en/ addresses).
    with translation.override("en"):
        url = reverse(name, kwargs=kwargs or None)
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_seeding_twice_adds_nothing(demo):
    assert demo["second"] == demo["first"]
    assert demo["first"]["grants.Call"] == 6 + 4  # and the registry history's four earlier calls


def test_the_demo_leaves_nothing_in_the_outbox(demo, db):
    from portal.models import OutboxMessage

    assert not OutboxMessage.objects.exists()  # nobody is sent the notices of months of demo history


def test_the_steps_of_a_call_follow_each_other(demo, db):
    call = demo_call("finished")
    applications = Application.objects.filter(lot__call=call)
    submitted = [a.submitted_at for a in applications if a.submitted_at]
    screenings = Screening.objects.filter(application__lot__call=call)
    panel = Panel.objects.get(call=call)
    assignments = Assignment.objects.filter(panel=panel)
    declared = ConflictDeclaration.objects.filter(assignment__panel=panel).values_list("declared_at", flat=True)
    scored = [a.submitted_at for a in assignments if a.submitted_at]
    meeting = Meeting.objects.get(panel=panel)
    letters = ResultLetter.objects.filter(meeting=meeting).values_list("sent_at", flat=True)
    steps = [
        ("announced", call.announced_at, call.announced_at),
        ("opens", call.opens_at, call.opens_at),
        ("submissions", min(submitted), max(submitted)),
        ("deadline", call.closes_at, call.closes_at),
        ("screening", min(s.started_at for s in screenings), max(s.decided_at for s in screenings)),
        ("conclusion", *[ScreeningConclusion.objects.get(call=call).published_at] * 2),
        ("draw", panel.draw.drawn_at, panel.draw.drawn_at),
        ("declarations", min(declared), max(declared)),
        ("scores", min(scored), max(scored)),
        ("meeting", meeting.held_at, meeting.closed_at),
        ("minutes published", meeting.published_at, meeting.published_at),
        ("letters", min(letters), max(letters)),
        ("today", timezone.now(), timezone.now()),
    ]
    for (name, _, end), (next_name, start, _) in zip(steps, steps[1:], strict=False):
        assert end < start, f"{name} ({end}) should come before {next_name} ({start})"


def test_every_call_in_evaluation_or_later_was_drawn_after_its_conclusion(demo, db):
    for panel in Panel.objects.select_related("call", "draw"):
        conclusion = ScreeningConclusion.objects.get(call=panel.call)
        assert conclusion.published_at < panel.draw.drawn_at < timezone.now()
        for meeting in Meeting.objects.filter(panel=panel):
            assert panel.draw.drawn_at < meeting.held_at


def test_histories_are_spread_over_days_and_office_hours(demo, db):
    winner = Application.objects.get(lot__call=demo_call("finished"), status=ApplicationStatus.WINNER,
                                     ngo__memberships__user__email="ngo-head@demo.demeu.kz")
    moments = [entry.at for entry in history(winner)]
    assert len(moments) >= 5
    assert len({moment.date() for moment in moments}) >= 4
    everything = list(AuditEntry.objects.values_list("at", flat=True))
    assert max(everything) <= timezone.now()
    assert len({moment.date() for moment in everything}) > 40


def test_accounts_and_ngos_joined_over_time_before_they_acted(demo, db):
    from ngos.models import Membership

    assert len({d.date() for d in User.objects.values_list("date_joined", flat=True)}) > 20
    assert len({d.date() for d in NGO.objects.values_list("created_at", flat=True)}) > 100
    for membership in Membership.objects.select_related("user", "ngo"):
        assert membership.user.date_joined <= membership.joined_at, membership.user
        assert membership.ngo.created_at <= membership.joined_at, membership.ngo
    for ngo in NGO.objects.exclude(verified_at=None):
        assert ngo.created_at < ngo.verified_at < timezone.now()


def test_every_announced_call_has_its_rules_attached(demo, db):
    announced = Call.objects.filter(status="announced")
    assert announced.count() == 5 + 4  # the demo year's five calls, and the registry history's four earlier ones
    for call in announced:
        assert call.documents.filter(kind=DocumentKind.RULES).exists(), call.code
        assert call.rubric.criteria.exists(), call.code


def test_the_screening_officer_has_applications_to_screen(signed_in):
    call = demo_call("screening")
    waiting = Application.objects.filter(lot__call=call, status=ApplicationStatus.SUBMITTED)
    assert waiting.filter(screening__isnull=True).count() >= 3
    assert waiting.filter(screening__isnull=False).exists()  # one opened, one checked, not decided yet
    page = _get(signed_in("screening@demo.demeu.kz"), "screening:call", call=call.code)
    assert all(a.registration_number in page for a in waiting)


def test_the_expert_has_conflicts_to_declare_and_a_sheet_to_score(signed_in):
    mine = Assignment.objects.filter(expert__user__email="expert@demo.demeu.kz", panel__call=demo_call("evaluation"))
    assert mine.filter(status=AssignmentStatus.AWAITING_DECLARATION).count() >= 2
    assert mine.filter(status=AssignmentStatus.SCORING).exists()
    assert mine.filter(status=AssignmentStatus.SUBMITTED).exists()
    page = _get(signed_in("expert@demo.demeu.kz"), "evaluations:my_assignments")
    for assignment in mine.exclude(status=AssignmentStatus.SUBMITTED):
        with translation.override("en"):
            assert reverse("evaluations:declare" if assignment.status == AssignmentStatus.AWAITING_DECLARATION
                           else "evaluations:score", kwargs={"pk": assignment.pk}) in page


def test_the_ngo_head_has_a_finished_draft_to_submit_and_a_request_to_join(signed_in):
    head = "ngo-head@demo.demeu.kz"
    ngo = NGO.objects.get(memberships__user__email=head, memberships__role="head")
    drafts = Application.objects.filter(ngo=ngo, status=ApplicationStatus.DRAFT, lot__call=demo_call("open"))
    assert drafts.count() >= 2
    assert JoinRequest.objects.filter(ngo=ngo, status="pending").exists()
    page = _get(signed_in(head), "portal:dashboard")
    assert all(draft.lot.code in page for draft in drafts)


def test_the_call_manager_has_questions_comments_and_a_draft_call(demo, db):
    assert Clarification.objects.filter(answered_at__isnull=True).exists()
    running = DirectionComment.objects.filter(direction__direction_list__status="discussion")
    assert running.filter(resolution="pending").exists()
    assert Call.objects.filter(status="draft", created_by__email="calls@demo.demeu.kz").exists()


def test_the_operator_admin_has_an_expert_and_ngos_to_decide(demo, db):
    assert Expert.objects.filter(status="pending").exists()
    assert NGO.objects.filter(verification="pending").count() >= 5


def test_the_council_and_the_public_can_comment_on_a_discussion_running_now(demo, db):
    today = timezone.localdate()
    comments = DirectionComment.objects.filter(direction__direction_list__discussion_starts_on__lte=today,
                                               direction__direction_list__discussion_ends_on__gte=today)
    assert comments.filter(author__email="council@demo.demeu.kz").exists()


def test_the_past_awards_are_published_with_one_nomination_shared_by_two_ngos(demo, db):
    from prizes.choices import RoundStatus
    from prizes.models import Award, Round

    year = timezone.now().year
    assert dict(Round.objects.values_list("fiscal_year__year", "status")) == {
        year - 2: RoundStatus.PUBLISHED, year - 1: RoundStatus.UNDER_REVIEW, year: RoundStatus.ANNOUNCED}
    shared = Award.objects.filter(decision__nomination__number=1,
                                  decision__nomination__round__fiscal_year__year=year - 2)
    assert shared.count() == 2 and len(set(shared.values_list("amount", flat=True))) == 1


def test_the_expert_and_the_council_have_award_work_waiting(signed_in):
    year = timezone.now().year - 1
    with translation.override("en"):
        expert_page = signed_in("expert@demo.demeu.kz").get(reverse("prizes:my_reviews")).content.decode()
        assert "Conflict of interest not declared yet" in expert_page
        council_page = signed_in("council@demo.demeu.kz").get(reverse("prizes:council", kwargs={"year": year}))
        assert "Open the meeting" in council_page.content.decode()


def test_the_demo_clock_refuses_the_future():
    with pytest.raises(ValueError), clock(timezone.now() + timedelta(minutes=1)):
        pass


def _widest_names(call) -> None:
    """Give the NGOs that applied to the call the longest names of the demo's NGO database."""
    names = list(NGO.objects.values_list("name_kk", "name_ru"))
    longest_kk = max((kk for kk, _ in names), key=len)
    longest_ru = max((ru for _, ru in names), key=len)
    NGO.objects.filter(applications__lot__call=call).update(name_kk=longest_kk, name_ru=longest_ru)


def _render(document: str, language: str) -> bytes:
    from evaluations.pdf import draw_protocol_pdf, minutes_pdf
    from grants.applications.models import Submission
    from grants.applications.pdf import render_receipt
    from grants.pdf import render_announcement
    from grants.screening.pdf import render_conclusion
    from portal.pdf import render_pdf

    finished = demo_call("finished")
    panel = Panel.objects.get(call=finished)
    if document == "announcement":
        return render_announcement(demo_call("open"), language)
    if document == "receipt":
        submissions = Submission.objects.filter(application__lot__call=finished)
        submissions.update(language=language)
        return render_receipt(submissions.order_by("pk").first())
    if document == "conclusion":
        return render_conclusion(ScreeningConclusion.objects.get(call=finished), language)
    if document == "draw protocol":
        return draw_protocol_pdf(panel.draw, language=language)
    if document == "minutes":
        return minutes_pdf(Meeting.objects.get(panel=panel), language=language)
    if document == "award decision":
        from prizes.models import CouncilMeeting
        from prizes.pdf import decision_pdf

        meeting = CouncilMeeting.objects.get(round__status="published")
        longest = NGO.objects.order_by("-name_ru").values_list("name_kk", "name_ru").first()
        NGO.objects.filter(prize_candidacies__round=meeting.round).update(name_kk=longest[0], name_ru=longest[1])
        return decision_pdf(meeting, language=language)
    accountant = User.objects.get(email="ngo-accountant@demo.demeu.kz")
    return render_pdf(
        "portal/pdf/account_summary.html",
        {"account": accountant, "groups": [], "memberships": accountant.memberships.select_related("ngo")},
        language=language, number="A-1", title="—",
    )


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("document", ["announcement", "receipt", "conclusion", "draw protocol", "minutes",
                                      "award decision", "account summary"])
def test_every_pdf_fits_the_width_of_the_page(demo, db, document, language):
    from tests.pdf_layout import beyond_right_margin, text_pieces

    _widest_names(demo_call("finished"))
    pdf = _render(document, language)
    assert len(text_pieces(pdf)) > 20
    assert beyond_right_margin(pdf) == []


def test_the_earlier_grants_reported_so_only_a_few_reports_are_late(demo, db):
    from agreements.choices import GrantStatus, TrancheStatus
    from agreements.models import Grant, Tranche
    from monitoring.choices import ReportStatus
    from monitoring.models import GrantReport, ReportSubmission
    from monitoring.selectors import is_late

    late = [r for r in GrantReport.objects.select_related("grant") if is_late(r)]
    assert 1 <= len(late) <= 3, [r.grant.number for r in late]
    assert 1 <= GrantReport.objects.filter(status=ReportStatus.SUBMITTED).count() <= 3
    assert Grant.objects.filter(status=GrantStatus.COMPLETED).exists()
    assert Tranche.objects.filter(position=2, status=TrancheStatus.PAID).exists()
    for submission in ReportSubmission.objects.select_related("report__grant__agreement", "review"):
        assert submission.report.grant.agreement.signed_at < submission.submitted_at < timezone.now()
        if hasattr(submission, "review"):
            assert submission.submitted_at < submission.review.reviewed_at < timezone.now()


def test_a_completed_grant_has_its_efficiency_published_with_both_sides(demo, db, client):
    from monitoring.choices import EvaluatorSide
    from monitoring.models import EfficiencyEvaluation

    shown = EfficiencyEvaluation.objects.filter(side=EvaluatorSide.OPERATOR, published_at__isnull=False) \
        .exclude(pdf_kk="").select_related("grant").get()
    sides = EfficiencyEvaluation.objects.filter(grant=shown.grant, published_at__isnull=False)
    assert set(sides.values_list("side", flat=True)) == {EvaluatorSide.OPERATOR, EvaluatorSide.CUSTOMER}
    assert shown.grant.final_report_due < timezone.localdate()


def test_the_customer_and_the_monitoring_officer_have_a_completed_grant_to_evaluate(signed_in):
    from monitoring.selectors import grants_to_evaluate

    customer = User.objects.get(email="customer@demo.demeu.kz")
    waiting = list(grants_to_evaluate(customer))
    assert len(waiting) == 1
    officer = User.objects.get(email="monitoring@demo.demeu.kz")
    assert waiting[0] in grants_to_evaluate(officer)
    page = _get(signed_in("customer@demo.demeu.kz"), "monitoring:efficiency", number=waiting[0].number)
    assert waiting[0].number in page
