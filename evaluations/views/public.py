from django.http import Http404
from django.shortcuts import render

from portal.pdf import pdf_response
from portal.public_cache import public_page

from ..models import Draw
from ..selectors import panels as selectors


@public_page("results")
def draw(request, pk: int):
    """The public record of a draw, re-run on the spot from the seed and pool to show it matches."""
    try:
        record = selectors.public_draw(pk)
    except Draw.DoesNotExist:
        raise Http404 from None
    members = {seat.expert_id: seat for seat in record.panel.members.all()}
    verification = selectors.draw_verification(record)
    return render(request, "evaluations/public/draw.html", {
        "draw": record,
        "panel": record.panel,
        "call": record.panel.call,
        "drawn": [members[pk] for pk in record.drawn_members + record.drawn_reserves if pk in members],
        "verification": verification,
        "recomputed": [members.get(pk) for pk in verification["members"] + verification["reserves"]],
    })


@public_page("results")
def draw_protocol(request, pk: int, language: str):
    record = Draw.objects.select_related("panel__call").filter(pk=pk).first()
    if record is None or language not in ("kk", "ru"):
        raise Http404
    file = getattr(record, f"protocol_{language}")
    if not file:
        raise Http404
    with file.open("rb") as handle:
        return pdf_response(handle.read(), filename=f"draw-{record.panel.call.code}-{record.pk}-{language}.pdf")
