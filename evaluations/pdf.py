"""The commission's official documents as PDFs, each in Kazakh or Russian."""

from django.utils.translation import gettext_lazy as _

from portal.pdf import render_pdf

from .models import Draw, PanelMember
from .selectors.panels import draw_verification


def draw_protocol_pdf(draw: Draw, *, language: str) -> bytes:
    members = list(
        PanelMember.objects.filter(panel=draw.panel).select_related("expert__user").order_by("draw_position")
    )
    context = {
        "draw": draw,
        "panel": draw.panel,
        "call": draw.panel.call,
        "seats": members,
        "verification": draw_verification(draw),
    }
    return render_pdf(
        "evaluations/pdf/draw_protocol.html", context, language=language, number=draw.number,
        title=_("Protocol of the random draw of the expert commission"),
    )


def minutes_pdf(meeting, *, language: str) -> bytes:
    from .selectors.meetings import meeting_of, quorum_of, rankings_of_panel

    meeting = meeting_of(meeting.panel)
    attendance = list(meeting.attendance.all())
    members = list(
        PanelMember.objects.filter(panel=meeting.panel).select_related("expert__user").order_by("draw_position")
    )
    context = {
        "meeting": meeting,
        "panel": meeting.panel,
        "call": meeting.panel.call,
        "attendance": attendance,
        "quorum": quorum_of(meeting, attendance),
        "officers": [m for m in members if m.role in ("chair", "secretary")],
        "present": [row for row in attendance if row.is_present],
        "rankings": rankings_of_panel(meeting.panel),
        "decisions": {d.lot_id: d for d in meeting.decisions.all()},
    }
    return render_pdf(
        "evaluations/pdf/minutes.html", context, language=language, number=meeting.number,
        title=_("Minutes of the expert commission meeting"),
    )
