"""The open NGO database: the list anyone can filter and search, and each NGO's public profile."""

from django.http import Http404
from django.shortcuts import render

from portal.public_cache import SEARCH_COUNT_LIMIT, CachedCountPaginator, public_page

from .. import selectors
from ..filters import PublicNGOFilter
from ..models import NGO, last_reporting_year

PER_PAGE = 20


@public_page("ngos")
def ngo_list(request):
    year = last_reporting_year()
    ngo_filter = PublicNGOFilter(request.GET or None, queryset=selectors.public_ngos(year=year), year=year)
    ids = ngo_filter.qs.values_list("pk", flat=True)
    searching = ngo_filter.form.is_valid() and bool(ngo_filter.form.cleaned_data.get("q"))
    page = CachedCountPaginator(ids, PER_PAGE, kinds=("ngos",), limit=SEARCH_COUNT_LIMIT if searching else None,
                                known=_kept_count(ngo_filter, year))
    page = page.get_page(request.GET.get("page"))
    page.object_list = selectors.public_rows(list(page.object_list), year=year)
    return render(
        request,
        "ngos/list.html",
        {"filter": ngo_filter, "page": page, "year": year, "filtered": ngo_filter.is_bound},
    )


def _kept_count(ngo_filter, year: int) -> int | None:
    """The whole list, or the NGOs listed for the year alone, are the home page's figures (one row read, kept
    counted, cached with them): no count of 100,000 NGOs for them. Any other filter is counted."""
    chosen = set()
    if ngo_filter.is_bound:
        if not ngo_filter.form.is_valid():
            return None
        chosen = {name for name, value in ngo_filter.form.cleaned_data.items() if value and name != "sort"}
    if not chosen <= {"listed"}:
        return None
    verified, listed = selectors.kept_figures(year)
    return listed if chosen else verified


@public_page("ngos", "results")
def ngo_detail(request, bin):
    try:
        ngo = selectors.public_profile(bin)
    except NGO.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "ngos/detail.html",
        {
            "ngo": ngo,
            "reports": selectors.report_overview(ngo, years=5),
            "grants": selectors.grants_received(ngo),
            "awards": selectors.awards_received(ngo),
        },
    )
