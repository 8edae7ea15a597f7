"""The commission's official documents as PDFs, each in Kazakh or Russian."""

from django.utils.translation import gettext_lazy as _

from reports.pdf import render_pdf

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
