"""What expert evaluation publishes on the results page: draw protocols and commission minutes, per call."""

from django.urls import reverse

from .meetings import published_minutes
from .panels import published_draws


def published_documents(call=None) -> list[dict]:
    """Uniform rows (call, kind, title, date, links per language), newest first: two queries."""
    from django.utils.translation import gettext as _

    rows = []
    for draw in published_draws(call):
        rows.append({
            "call": draw.panel.call,
            "kind": "draw_protocol",
            "title": _("Protocol of the draw of the expert commission"),
            "subtitle": str(draw.panel.direction) if draw.panel.direction_id else "",
            "date": draw.drawn_at,
            "page": reverse("evaluations:draw", kwargs={"pk": draw.pk}),
            "files": [(code, reverse("evaluations:draw_protocol", kwargs={"pk": draw.pk, "language": code}))
                      for code in ("kk", "ru")],
        })
    for meeting in published_minutes(call):
        rows.append({
            "call": meeting.panel.call,
            "kind": "minutes",
            "title": _("Minutes of the expert commission meeting"),
            "subtitle": str(meeting.panel.direction) if meeting.panel.direction_id else "",
            "date": meeting.published_at,
            "page": "",
            "files": [(code, reverse("evaluations:minutes_pdf", kwargs={"pk": meeting.pk, "language": code}))
                      for code in ("kk", "ru")],
        })
    rows.sort(key=lambda row: row["date"], reverse=True)
    return rows
