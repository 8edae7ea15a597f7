"""The Coordination Council's meeting on a round: open it, record attendance (2/3 quorum), decide each
nomination on the experts' ranking, close it; the council or the call managers then publish the decision.
Staff read the page; only council members act."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from portal.actions import button_action, form_action, requires

from .. import selectors, services
from ..choices import CouncilMeetingStatus, RoundStatus
from ..forms import AttendanceForm, MeetingOpenForm, NominationDecisionForm
from .staff import _round

readers = requires("prizes.view_council")
council_only = requires("prizes.view_council", "prizes.hold_council")


def _here(year: int) -> str:
    return reverse("prizes:council", kwargs={"year": year})


def _page(request, prize_round, *, open_form=None, attendance_form=None, bound=None, status=200):
    meeting = selectors.meeting_for_page(prize_round)
    rankings = selectors.rankings(prize_round)
    can_hold = request.user.has_perm("prizes.hold_council")
    is_open = meeting is not None and meeting.status == CouncilMeetingStatus.OPEN
    for ranking in rankings:
        if bound is not None and bound.ranking.nomination.pk == ranking.nomination.pk:
            ranking.form = bound
        else:
            ranking.form = NominationDecisionForm(ranking=ranking, prefix=f"n{ranking.nomination.number}")
    context = {
        "round": prize_round, "meeting": meeting, "rankings": rankings, "is_open": is_open,
        "can_hold": can_hold and is_open,
        "can_open": can_hold and meeting is None and prize_round.status == RoundStatus.UNDER_REVIEW,
        "can_publish": request.user.has_perm("prizes.publish_decision") and prize_round.status == RoundStatus.DECIDED,
        "quorum": selectors.quorum_of(meeting) if meeting else None,
        "open_form": open_form or MeetingOpenForm(),
        "attendance_form": attendance_form or (AttendanceForm(rows=list(meeting.attendance.all()))
                                               if meeting else None),
    }
    return render(request, "prizes/council/meeting.html", context, status=status)


@readers
@require_GET
def meeting(request, year: int):
    return _page(request, _round(year))


@council_only
@require_POST
def meeting_open(request, year: int):
    prize_round = _round(year)
    form = MeetingOpenForm(request.POST)
    done = form_action(
        request, form,
        lambda data: services.meeting_open(actor=request.user, prize_round=prize_round, held_at=data["held_at"],
                                           place=data["place"]),
        success=_("The meeting is open. Record who is present."), redirect_to=_here(year),
    )
    return done or _page(request, prize_round, open_form=form, status=400)


@council_only
@require_POST
def attendance(request, year: int):
    prize_round = _round(year)
    meeting = selectors.meeting_for_page(prize_round)
    if meeting is None:
        messages.error(request, _("Open the meeting first."))
        return redirect(_here(year))
    form = AttendanceForm(request.POST, rows=list(meeting.attendance.all()))
    done = form_action(
        request, form,
        lambda data: services.attendance_record(actor=request.user, meeting=meeting, attendance=form.attendance()),
        success=_("Attendance is recorded."), redirect_to=_here(year),
    )
    return done or _page(request, prize_round, attendance_form=form, status=400)


@council_only
@require_POST
def decide(request, year: int, number: int):
    prize_round = _round(year)
    meeting = selectors.meeting_for_page(prize_round)
    nomination = get_object_or_404(prize_round.nominations, number=number)
    if meeting is None:
        messages.error(request, _("Open the meeting first."))
        return redirect(_here(year))
    ranking = next(r for r in selectors.rankings(prize_round) if r.nomination.pk == nomination.pk)
    form = NominationDecisionForm(request.POST, ranking=ranking, prefix=f"n{number}")
    done = form_action(
        request, form,
        lambda data: services.nomination_decide(actor=request.user, meeting=meeting, nomination=nomination,
                                                winners=list(data["winners"]), rationale=data["rationale"]),
        success=_("The decision on nomination %(number)s is recorded.") % {"number": number},
        redirect_to=_here(year) + f"#nomination-{number}",
    )
    return done or _page(request, prize_round, bound=form, status=400)


@council_only
@require_POST
def meeting_close(request, year: int):
    prize_round = _round(year)
    meeting = selectors.meeting_for_page(prize_round)
    return button_action(
        request, lambda: services.meeting_close(actor=request.user, meeting=meeting) if meeting else None,
        success=_("The meeting is closed. The decision is being prepared in Kazakh and Russian."),
        refused=_("The meeting cannot be closed yet:"), redirect_to=_here(year),
    )


@requires("prizes.view_council", "prizes.publish_decision")
@require_POST
def publish(request, year: int):
    prize_round = _round(year)
    return button_action(
        request, lambda: services.round_publish(actor=request.user, prize_round=prize_round),
        success=_("The decision is published: the winners are public and every applicant is told its scores."),
        refused=_("The decision cannot be published yet:"), redirect_to=_here(year),
    )
