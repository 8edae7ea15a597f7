"""The public results: the list of published documents by call, and each screening conclusion."""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from grants.screening import selectors as screening
from grants.screening.choices import ScreeningDecision
from portal.public_cache import public_page

from .. import selectors


@public_page("results", "calls")
def results_list(request):
    return render(request, "reports/results_list.html", {"groups": selectors.results_by_call()})


@public_page("results", "calls")
def conclusion(request, call):
    conclusion = screening.conclusion_of(call)
    if conclusion is None:
        raise Http404
    entries = list(screening.conclusion_entries(conclusion.call))
    return render(
        request,
        "reports/conclusion.html",
        {
            "conclusion": conclusion,
            "call": conclusion.call,
            "admitted": [a for a in entries if a.screening.decision == ScreeningDecision.ADMITTED],
            "not_admitted": [a for a in entries if a.screening.decision == ScreeningDecision.NOT_ADMITTED],
        },
    )


@public_page("results", "calls")
def conclusion_pdf(request, call, language):
    conclusion = screening.conclusion_of(call)
    if conclusion is None or language not in ("kk", "ru"):
        raise Http404
    document = conclusion.pdf_in(language)
    if not document:
        raise Http404(_("The PDF is being prepared; please try again in a minute."))
    return FileResponse(document.open("rb"), content_type="application/pdf",
                        filename=f"screening-conclusion-{conclusion.call.code}-{language}.pdf")
