from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grants.models import Lot
from portal.pdf import pdf_response
from portal.public_cache import public_page

from ..choices import MeetingStatus, MemberRole
from ..forms.meetings import LotDecisionForm, MeetingForm
from ..models import Meeting, Panel
from ..selectors.meetings import meeting_of, quorum_of, rankings_of_panel
from ..services.meetings import (
    lot_decide,
    meeting_close,
    meeting_open,
    meeting_publish,
    meeting_set_attendance,
    scoring_open,
    undecided_lots,
)


def _panel(request, pk, perm="evaluations.view_meeting"):
    panel = get_object_or_404(Panel.objects.select_related("call", "direction"), pk=pk)
    if not request.user.has_perm(perm, panel):
        raise PermissionDenied
    return panel


def _render(request, panel, *, meeting_form=None, decision_forms=None, status=200):
    meeting = meeting_of(panel)
    members = list(panel.members.exclude(role=MemberRole.RESERVE).select_related("expert__user"))
    can_run = request.user.has_perm("evaluations.run_meeting", panel)
    context = {"panel": panel, "call": panel.call, "meeting": meeting, "can_run": can_run}
    left = scoring_open(panel)
    context["scoring_left"] = left
    if meeting is None:
        if not left and can_run:
            context["meeting_form"] = meeting_form or MeetingForm(members=members)
        return render(request, "evaluations/meeting.html", context, status=status)
    attendance = list(meeting.attendance.all())
    context["quorum"] = quorum_of(meeting, attendance)
    context["attendance"] = attendance
    rankings = rankings_of_panel(panel)
    decisions = {d.lot_id: d for d in meeting.decisions.all()}
    decision_forms = decision_forms or {}
    context["lots"] = [
        {"ranking": r, "decision": decisions.get(r.lot.pk),
         "form": decision_forms.get(r.lot.pk) or LotDecisionForm(ranking=r, prefix=f"lot{r.lot.pk}")}
        for r in rankings
    ]
    if meeting.status == MeetingStatus.OPEN and can_run:
        context["meeting_form"] = meeting_form or MeetingForm(
            members=members, attendance={row.member_id: row.attendance for row in attendance},
            initial={"held_at": meeting.held_at, "place": meeting.place},
        )
        context["undecided"] = undecided_lots(meeting)
    return render(request, "evaluations/meeting.html", context, status=status)


@login_required
def meeting(request, pk: int):
    panel = _panel(request, pk)
    if request.method == "POST":
        if not request.user.has_perm("evaluations.run_meeting", panel):
            raise PermissionDenied
        members = list(panel.members.exclude(role=MemberRole.RESERVE).select_related("expert__user"))
        existing = Meeting.objects.filter(panel=panel).first()
        form = MeetingForm(request.POST, members=members)
        if form.is_valid():
            try:
                if existing is None:
                    meeting_open(panel=panel, actor=request.user, held_at=form.cleaned_data["held_at"],
                                 place=form.cleaned_data["place"], attendance=form.attendance())
                else:
                    meeting_set_attendance(meeting=existing, actor=request.user, attendance=form.attendance(),
                                           held_at=form.cleaned_data["held_at"], place=form.cleaned_data["place"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The attendance is recorded."))
                return redirect("evaluations:meeting", pk=panel.pk)
        return _render(request, panel, meeting_form=form, status=400)
    return _render(request, panel)


@login_required
@require_POST
def decide(request, pk: int, lot: str):
    panel = _panel(request, pk, "evaluations.run_meeting")
    meeting = get_object_or_404(Meeting, panel=panel)
    lot = get_object_or_404(Lot, code=lot, call=panel.call)
    confirm = request.POST.get("action") == "confirm"
    ranking = next((r for r in rankings_of_panel(panel) if r.lot.pk == lot.pk), None)
    if ranking is None:
        raise Http404
    form = LotDecisionForm(request.POST, ranking=ranking, prefix=f"lot{lot.pk}")
    if confirm or form.is_valid():
        try:
            lot_decide(meeting=meeting, lot=lot, actor=request.user, confirm=confirm,
                       outcomes=None if confirm else form.outcomes(),
                       rationale="" if confirm else form.cleaned_data["rationale"])
        except ValidationError as error:
            form.is_valid()
            form.add_error(None, error)
        else:
            messages.success(request, _("The decision on lot %(lot)s is recorded.") % {"lot": lot.code})
            return redirect(reverse("evaluations:meeting", kwargs={"pk": panel.pk}) + f"#lot-{lot.code}")
    return _render(request, panel, decision_forms={lot.pk: form}, status=400)


@login_required
@require_POST
def close(request, pk: int):
    panel = _panel(request, pk, "evaluations.run_meeting")
    meeting = get_object_or_404(Meeting, panel=panel)
    try:
        meeting_close(meeting=meeting, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The meeting is closed: the statuses are recorded, the minutes are being "
                                    "written and the letters wait in the outbox."))
    return redirect("evaluations:meeting", pk=panel.pk)


@login_required
@require_POST
def publish(request, pk: int):
    panel = _panel(request, pk, "evaluations.run_meeting")
    meeting = get_object_or_404(Meeting, panel=panel)
    try:
        meeting_publish(meeting=meeting, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The minutes are published on the results page."))
    return redirect("evaluations:meeting", pk=panel.pk)


@public_page("results")
def minutes_pdf(request, pk: int, language: str):
    """Public once published; before that, the commission's officers and staff read the draft."""
    meeting = Meeting.objects.select_related("panel__call").filter(pk=pk).first()
    if meeting is None or language not in ("kk", "ru"):
        raise Http404
    if not meeting.is_published and not request.user.has_perm("evaluations.view_meeting", meeting.panel):
        raise Http404
    file = getattr(meeting, f"minutes_{language}")
    if not file:
        raise Http404
    with file.open("rb") as handle:
        return pdf_response(handle.read(), filename=f"minutes-{meeting.panel.call.code}-{language}.pdf")
