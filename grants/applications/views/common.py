"""What the applicant pages share: finding an application the user may see (a 404 otherwise), the autosave
status line, the sections navigation."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone

from .. import budget, selectors
from ..choices import Section
from ..models import Application

ROW_TEMPLATES = {
    Section.ACTIVITIES: "grants/applications/sections/activities.html",
    Section.BUDGET: "grants/applications/sections/budget.html",
    Section.INDICATORS: "grants/applications/sections/indicators.html",
}


def application_for(request, pk: int, *, related=("lot__call", "ngo"), read=None) -> Application:
    """The application if the user may see it; a 404 otherwise, so its existence does not leak. `related`: what
    the view reads with it (the rules need only the NGO); `read(pk)`: another selector that reads it (with the
    NGO), raising Application.DoesNotExist."""
    if read is None:
        application = get_object_or_404(Application.objects.select_related(*related), pk=pk)
    else:
        try:
            application = read(pk)
        except Application.DoesNotExist:
            raise Http404 from None
    if not request.user.has_perm("grants.view_application", application):
        raise Http404
    return application


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def can_edit(request, application, now=None) -> bool:
    open_now = application.lot.call.is_accepting_applications(now or timezone.now())
    return open_now and request.user.has_perm("grants.edit_application", application)


def sections_nav(application, current: str | None = None):
    states = selectors.section_states(application)
    return {"states": states, "progress": selectors.progress(states), "current": current}


def raw_post(post) -> dict:
    """What the user typed, as posted, for a kept version (without the token and the version)."""
    return {
        key: values if len(values) > 1 else values[0]
        for key, values in post.lists()
        if key not in ("csrfmiddlewaretoken", "version")
    }


def status_fragment(request, template_context: dict, *, status: int) -> HttpResponse:
    html = render_to_string("grants/applications/partials/autosave_status.html", template_context, request=request)
    return HttpResponse(html, status=status)


def budget_context(application):
    totals = budget.totals_of_lines(application.budget_lines.all())
    return {"budget_totals": totals, "budget_violations": budget.violations(totals, lot_budget=application.lot.budget)}
