"""Public pages of calls and lots, the Atom feed, the .ics deadline, the announcement PDF, and the
form where NGO members ask clarification questions."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal import money
from portal.actions import form_action
from portal.pdf import pdf_response
from portal.public_cache import CachedCountPaginator, public_page

from .. import ics, selectors
from ..filters import CallFilter
from ..forms import ClarificationForm
from ..pdf import announcement_pdf
from ..services import clarifications as clarification_services

CALLS_PER_PAGE = 20


class NotSignedIn(Exception):
    pass


def sign_in_for_drafts(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NotSignedIn:
            return redirect_to_login(request.get_full_path())

    return wrapper


@public_page("calls")
def call_list(request):
    calls_filter = CallFilter(request.GET or None, queryset=selectors.public_calls())
    # Counted on the calls alone, without the figures and the ranks the rows are annotated with.
    rows = calls_filter.qs  # validates the form, which filter_queryset reads
    plain = calls_filter.filter_queryset(selectors.announced_calls()) if calls_filter.is_bound else (
        selectors.announced_calls()
    )
    paginator = CachedCountPaginator(rows, CALLS_PER_PAGE, count_queryset=plain, kinds=("calls",))
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "grants/call_list.html", {"filter": calls_filter, "page": page})


def _visible_call(request, code: str):
    call = selectors.call_for_page(code)
    if call is None:
        raise Http404
    return _visible_call_object(request, call)


def _visible_call_object(request, call):
    if not request.user.has_perm("grants.view_call", call):
        if not request.user.is_authenticated:
            raise NotSignedIn  # staff following a link to a draft sign in first
        raise Http404
    return call


@public_page("calls", server=False)
@sign_in_for_drafts
def call_document(request, call: str, pk: int):
    """A document of a call, to whoever may see the call: a draft call's documents are not public yet."""
    call_obj = _visible_call(request, call)
    document = call_obj.documents.filter(pk=pk).first()
    if document is None:
        raise Http404
    try:
        handle = document.file.open("rb")
    except OSError as error:
        raise Http404 from error
    name = document.file.name.rsplit("/", 1)[-1]
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=document.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@public_page("calls")
@sign_in_for_drafts
def call_detail(request, call: str, form=None):
    call = _visible_call(request, call)
    can_ask = request.user.has_perm("grants.ask_clarification", call)
    if can_ask and form is None:
        form = ClarificationForm(user=request.user, call=call, initial={"language": translation.get_language()})
    context = {
        "call": call,
        "lots": call.lots.all(),
        "clarifications": selectors.published_clarifications(call),
        "my_clarifications": selectors.clarifications_of_user(call, request.user),
        "can_ask": can_ask,
        "form": form,
    }
    return render(request, "grants/call_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def ask(request, call: str):
    call_obj = _visible_call(request, call)
    if not request.user.has_perm("grants.ask_clarification", call_obj):
        raise PermissionDenied
    if request.method == "GET":
        return redirect(f"{call_obj.get_absolute_url()}#ask")
    form = ClarificationForm(request.POST, user=request.user, call=call_obj)
    done = form_action(
        request, form, lambda data: clarification_services.clarification_ask(actor=request.user, call=call_obj, **data),
        success=_("Your question is sent. The answer will come by e-mail and appear below."),
        redirect_to=f"{call_obj.get_absolute_url()}#my-questions",
    )
    if done:
        return done
    return call_detail(request, call, form=form)


@public_page("calls")
@sign_in_for_drafts
def lot_detail(request, call: str, lot: str):
    lot_obj = selectors.lot_for_page(call, lot)
    if lot_obj is None:
        raise Http404
    _visible_call_object(request, lot_obj.call)
    lines = list(lot_obj.justification_lines.all())
    context = {
        "lot": lot_obj,
        "call": lot_obj.call,
        "indicators": lot_obj.indicators.all(),
        "lines": lines,
        "justification_total": money.total(line.amount for line in lines),
    }
    return render(request, "grants/lot_detail.html", context)


@public_page("calls")
@sign_in_for_drafts
def deadline_ics(request, call: str):
    call_obj = _visible_call(request, call)
    response = HttpResponse(ics.call_deadline(call_obj, request=request), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="demeu-{call_obj.code}-deadline.ics"'
    return response


@public_page("calls")
@sign_in_for_drafts
def announcement(request, call: str, language: str):
    call_obj = _visible_call(request, call)
    if language not in ("kk", "ru"):
        raise Http404
    pdf = announcement_pdf(call_obj, language)
    return pdf_response(pdf, filename=f"demeu-{call_obj.code}-{language}.pdf")
