"""The Coordination Council's decision on a round's awards, as a PDF in Kazakh or Russian."""

from django.utils.translation import gettext_lazy as _

from portal.pdf import render_pdf

from .selectors import meeting_for_page, quorum_of, rankings


def decision_pdf(meeting, *, language: str) -> bytes:
    meeting = meeting_for_page(meeting.round)
    attendance = list(meeting.attendance.all())
    context = {
        "meeting": meeting,
        "round": meeting.round,
        "quorum": quorum_of(meeting),
        "present": [row for row in attendance if row.is_present],
        "rankings": rankings(meeting.round),
    }
    return render_pdf("prizes/pdf/decision.html", context, language=language, number=meeting.number,
                      title=_("Decision of the Coordination Council on the state awards for NGOs"))
