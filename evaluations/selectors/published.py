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


class PublishedDocument:
    """What the results page lists: a call, when it was published, a title and where to read it."""

    def __init__(self, *, call, published_at, title: str, url: str):
        self.call, self.call_id, self.published_at = call, call.pk, published_at
        self.title, self.url = title, url

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return self.url


def published_for_results(call=None) -> list[PublishedDocument]:
    """Draw protocols (their public record, with both PDFs) and minutes (the PDF in the page's language)."""
    from django.utils.translation import get_language

    language = "kk" if (get_language() or "kk").startswith("kk") else "ru"
    documents = []
    for row in published_documents(call):
        subtitle = f" — {row['subtitle']}" if row["subtitle"] else ""
        url = row["page"] or dict(row["files"])[language]
        title = f"{row['title']}{subtitle}" + ("" if row["page"] else " (PDF)")
        documents.append(PublishedDocument(call=row["call"], published_at=row["date"], title=title, url=url))
    return documents
