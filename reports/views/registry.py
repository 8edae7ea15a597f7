"""/<lang>/grants/: the public registry of awarded grants — the list with its filters, the CSV/XLSX of what is
filtered, one grant's page, and the Atom feed of new awards."""

from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe

from agreements.choices import GrantStatus
from grants.choices import GrantType
from portal.formatting import tenge
from portal.links import address_maker
from portal.public_cache import SEARCH_COUNT_LIMIT, CachedCountPaginator, fragment, public_page

from ..forms import RegistryFilterForm
from ..opendata import files
from ..selectors import registry, statistics

PER_PAGE = 20


def _rows(rows: list[dict]) -> list[dict]:
    """Each row's links to the grant, its NGO and its lot (portal.links: reversed once a page, not sixty times), its
    status and grant type in the page's language, looked up once a page (get_FOO_display() rebuilds the choices'
    dict), and its amounts and dates as the page writes them (a hundred filters a page less for the template)."""
    statuses, types = dict(GrantStatus.choices), dict(GrantType.choices)
    grant_page = address_maker("grants:grant", number="NUMBER")
    ngo_page = address_maker("ngos:detail", bin="999999999999")
    lot_page = address_maker("calls:lot", call="CALL", lot="LOT")
    for row in rows:
        row["page_url"] = grant_page(number=row["number"])
        row["ngo_url"] = ngo_page(bin=row["ngo_bin"])
        row["lot_url"] = lot_page(call=row["call_code"], lot=row["lot_code"])
        row["status_label"] = statuses.get(row["status"], row["status"])
        row["type_label"] = types.get(row["grant_type"], row["grant_type"])
        row["amount_shown"], row["paid_shown"] = tenge(row["amount"]), tenge(row["paid"])
        row["awarded_shown"] = date_format(row["awarded_on"], "SHORT_DATE_FORMAT")
        row["starts_shown"] = date_format(row["starts_on"], "SHORT_DATE_FORMAT")
        row["ends_shown"] = date_format(row["ends_on"], "SHORT_DATE_FORMAT")
    return rows


def _filter(request) -> RegistryFilterForm:
    return RegistryFilterForm(request.GET or None)


@public_page("grants", "ngos")
def registry_list(request):
    form = _filter(request)
    criteria = form.criteria()
    grants = registry.ordered(registry.filtered(**criteria), form.ordering())
    ids = grants.values_list("pk", flat=True)
    count_queryset = registry.filtered(**criteria)
    # Filters the statistics' tallies keep (region, year, type, customer, direction) are counted from them.
    known = fragment("count-tallied", kinds=("grants",), parts=(sorted(criteria.items(), key=str),),
                     compute=lambda: statistics.grants_counted(criteria))
    page = CachedCountPaginator(ids, PER_PAGE, count_queryset=count_queryset, kinds=("grants",), known=known,
                                limit=SEARCH_COUNT_LIMIT if criteria.get("q") else None)
    page = page.get_page(request.GET.get("page"))
    page.object_list = _rows(registry.page_rows(list(page.object_list)))
    query = request.GET.copy()
    query.pop("page", None)
    filtered = bool(criteria)
    # The form with its ~80 choices, drawn once per choice of filters (and change of the grants), not per page.
    filters = fragment("registry-filters", kinds=("grants",),
                       parts=([(name, request.GET.getlist(name)) for name in form.fields],),
                       compute=lambda: render_to_string("reports/registry_filters.html",
                                                        {"form": form, "filtered": filtered}, request=request))
    return render(request, "reports/registry_list.html", {
        "filters": mark_safe(filters), "page": page, "filtered": filtered, "query": query.urlencode(),
    })


@public_page("grants", "ngos", server=False)
def registry_export(request, fmt: str):
    """The filtered list as the open data's 360Giving columns, streamed."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    form = _filter(request)
    queryset = registry.filtered(**form.criteria())
    stamp = timezone.localdate().strftime("%Y%m%d")
    if fmt == "csv":
        response = StreamingHttpResponse(files.csv_chunks(queryset), content_type=files.FORMATS["csv"])
    else:
        from django.http import FileResponse

        response = FileResponse(files.xlsx_file(queryset), content_type=files.FORMATS["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="demeu-grants-{stamp}.{fmt}"'
    return response


@public_page("grants", "ngos", "results")
def grant_detail(request, number: str):
    grant = registry.grant_page(number).first()
    if grant is None:
        raise Http404
    decision = getattr(grant.application, "decision", None)
    meeting = decision.lot_decision.meeting if decision else None
    achieved = registry.achieved_indicators(grant)
    indicators = [{**row, "achieved": achieved.get(row.get("name"))} for row in grant.indicators]
    return render(request, "reports/grant_detail.html", {
        "grant": grant,
        "texts": registry.project_texts(grant),
        "decision": decision,
        "meeting": meeting if meeting is not None and meeting.is_published else None,
        "tranches": registry.paid_tranches(grant),
        "indicators": indicators,
        "evaluation": registry.published_evaluation(grant),
        "signed_on": grant.agreement.signed_at if hasattr(grant, "agreement") else None,
    })
