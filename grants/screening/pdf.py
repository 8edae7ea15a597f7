"""The screening conclusion as a PDF, one per official language."""

from django.utils import translation
from django.utils.translation import gettext as _

from portal.pdf import render_pdf

from . import selectors
from .models import ScreeningConclusion


def render_conclusion(conclusion: ScreeningConclusion, language: str) -> bytes:
    call = conclusion.call
    entries = list(selectors.conclusion_entries(call))
    with translation.override(language):
        title = _("Screening conclusion")
    return render_pdf(
        "grants/screening/pdf/conclusion.html",
        {
            "conclusion": conclusion,
            "call": call,
            "admitted": [a for a in entries if a.screening.decision == "admitted"],
            "not_admitted": [a for a in entries if a.screening.decision == "not_admitted"],
            "language": language,
        },
        language=language,
        number=conclusion.number,
        title=title,
    )
