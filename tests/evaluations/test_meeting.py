import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

from evaluations.choices import Attendance, LetterStatus, MeetingStatus, MemberRole, Outcome
from evaluations.models import ResultLetter
from evaluations.selectors.meetings import quorum_needed
from evaluations.selectors.published import published_documents
from evaluations.services.assignments import panel_assign
from evaluations.services.letters import letter_send
from evaluations.services.meetings import (
    lot_decide,
    meeting_close,
    meeting_open,
    meeting_publish,
    meeting_render_minutes,
)
from grants.applications.choices import ApplicationStatus
from ngos.models import Membership
from tests.world import make_user

from . import factories as f
from .test_ranking import give

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("members, needed", [(3, 2), (4, 3), (5, 4), (6, 4), (7, 5), (9, 6)])
def test_the_quorum_is_two_thirds_rounded_up(members, needed):
    assert quorum_needed(members) == needed


@pytest.fixture
def scored(db, media_root):
    call = f.call()
    lot = f.lot(call, budget=Decimal("20000000"), grants_count=1)
    f.rubric(call)
    panel, _, manager = f.drawn_panel(call)
    winner = f.admitted_application(lot, budget=Decimal("15000000"), language="kk")
    reserve = f.admitted_application(lot, budget=Decimal("15000000"), language="ru")
    weak = f.admitted_application(lot, budget=Decimal("5000000"), language="ru")
    panel_assign(panel=panel, actor=manager)
    give(winner, [[9, 9, 9]] * 3)
    give(reserve, [[8, 8, 8]] * 3)
    give(weak, [[2, 4, 4]] * 3)
    members = [m for m in panel.members.order_by("draw_position") if m.role != MemberRole.RESERVE]
    return {"call": call, "lot": lot, "panel": panel, "manager": manager, "members": members,
            "winner": winner, "reserve": reserve, "weak": weak}


def open_with(scored, present: int):
    attendance = {m.pk: (Attendance.IN_PERSON if i < present else Attendance.ABSENT)
                  for i, m in enumerate(scored["members"])}
    chair = scored["members"][0].expert.user
    return meeting_open(panel=scored["panel"], actor=chair, held_at=timezone.now(), place="Астана, Мәңгілік Ел 8",
                        attendance=attendance)


def test_without_a_quorum_no_decision_is_taken(scored):
    meeting = open_with(scored, present=1)  # 1 of 3: two are needed
    with pytest.raises(ValidationError):
        lot_decide(meeting=meeting, lot=scored["lot"], actor=scored["manager"], confirm=True)
    assert not meeting.decisions.exists()


def test_confirmed_decisions_become_application_statuses(scored):
    meeting = open_with(scored, present=2)
    lot_decide(meeting=meeting, lot=scored["lot"], actor=scored["manager"], confirm=True)
    meeting_close(meeting=meeting, actor=scored["manager"])
    for key, status in [("winner", ApplicationStatus.WINNER), ("reserve", ApplicationStatus.RESERVE),
                        ("weak", ApplicationStatus.NOT_FUNDED)]:
        scored[key].refresh_from_db()
        assert scored[key].status == status, key
    assert ResultLetter.objects.filter(meeting=meeting).count() == 3


def test_changing_the_recommendation_needs_a_rationale_and_respects_the_budget(scored):
    meeting = open_with(scored, present=3)
    outcomes = {scored["winner"].pk: Outcome.RESERVE, scored["reserve"].pk: Outcome.WINNER,
                scored["weak"].pk: Outcome.NOT_FUNDED}
    with pytest.raises(ValidationError):
        lot_decide(meeting=meeting, lot=scored["lot"], actor=scored["manager"], confirm=False, outcomes=outcomes)
    both = {**outcomes, scored["winner"].pk: Outcome.WINNER}
    with pytest.raises(ValidationError):  # 15 + 15 million > 20 million, and one grant only
        lot_decide(meeting=meeting, lot=scored["lot"], actor=scored["manager"], confirm=False, outcomes=both,
                   rationale="Екеуі де лайық")
    below = {**outcomes, scored["weak"].pk: Outcome.RESERVE}
    with pytest.raises(ValidationError):  # below the thresholds: never a reserve
        lot_decide(meeting=meeting, lot=scored["lot"], actor=scored["manager"], confirm=False, outcomes=below,
                   rationale="Себебі")
    decision = lot_decide(meeting=meeting, lot=scored["lot"], actor=scored["manager"], confirm=False,
                          outcomes=outcomes, rationale="Жеңімпаз жобаның серіктесі таратылды.")
    assert not decision.confirmed
    assert dict(decision.applications.values_list("application_id", "outcome"))[scored["reserve"].pk] == "winner"


def test_the_minutes_are_written_in_kazakh_and_russian_and_published(scored, client):
    meeting = open_with(scored, present=2)
    lot_decide(meeting=meeting, lot=scored["lot"], actor=scored["manager"], confirm=True)
    meeting_close(meeting=meeting, actor=scored["manager"])
    meeting_render_minutes(meeting=meeting)
    assert client.get(f"/kk/minutes/{meeting.pk}/minutes-kk.pdf").status_code == 404  # not public before publishing
    meeting_publish(meeting=meeting, actor=scored["members"][0].expert.user)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PUBLISHED
    texts = {}
    for language in ("kk", "ru"):
        response = client.get(f"/{language}/minutes/{meeting.pk}/minutes-{language}.pdf")
        texts[language] = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
        assert scored["winner"].registration_number in texts[language]
    assert "хаттамасы" in texts["kk"] and "Кворум бар" in texts["kk"]
    assert "Протокол заседания" in texts["ru"] and "Кворум есть" in texts["ru"]
    kinds = [doc["kind"] for doc in published_documents(scored["call"])]
    assert kinds.count("minutes") == 1 and kinds.count("draw_protocol") == 0  # the protocol is rendered by its task


def test_a_letter_gives_the_scores_per_criterion_and_how_to_appeal(scored):
    meeting = open_with(scored, present=2)
    lot_decide(meeting=meeting, lot=scored["lot"], actor=scored["manager"], confirm=True)
    meeting_close(meeting=meeting, actor=scored["manager"])
    weak = ResultLetter.objects.get(application=scored["weak"])
    assert weak.language == "ru"
    assert "Критерий 1: 2,0 / 10" in weak.body and "Взвешенный итог: 30,00 / 100" in weak.body
    assert "Как обжаловать" in weak.body
    for expert in scored["members"]:
        assert expert.expert.name not in weak.body  # the experts are anonymous
    won = ResultLetter.objects.get(application=scored["winner"])
    assert won.language == "kk" and "жеңімпаз" in won.body and "шағымдану" not in won.body


def test_sending_a_letter_mails_every_member_of_the_ngo(scored, django_capture_on_commit_callbacks):
    meeting = open_with(scored, present=2)
    lot_decide(meeting=meeting, lot=scored["lot"], actor=scored["manager"], confirm=True)
    meeting_close(meeting=meeting, actor=scored["manager"])
    ngo = scored["weak"].ngo
    for email, language in (("head@ngo.kz", "kk"), ("member@ngo.kz", "ru")):
        Membership.objects.create(ngo=ngo, user=make_user(email, language=language), role="member")
    letter = ResultLetter.objects.get(application=scored["weak"])
    with django_capture_on_commit_callbacks(execute=True):
        letter_send(letter=letter, actor=scored["manager"])
    letter.refresh_from_db()
    assert letter.status == LetterStatus.SENT and letter.recipients == ["head@ngo.kz", "member@ngo.kz"]
    assert sorted(m.to[0] for m in mail.outbox) == ["head@ngo.kz", "member@ngo.kz"]
    assert all("Как обжаловать" in m.body for m in mail.outbox)
    with pytest.raises(ValidationError):
        letter_send(letter=letter, actor=scored["manager"])
