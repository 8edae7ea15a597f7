"""Staff: the list of grants by call and status, and its export as CSV or XLSX."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from ..exports import export_response
from ..forms import GrantFilterForm
from ..selectors import staff_grants
from .common import require

PER_PAGE = 50


@login_required
def grant_list(request):
    require(request, "agreements.view_grants")
    form = GrantFilterForm(request.GET or None)
    grants = staff_grants(**form.values())
    page = Paginator(grants, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "agreements/staff/list.html", {"form": form, "page": page, "grants": page.object_list})


@login_required
def grant_export(request, fmt):
    require(request, "agreements.view_grants")
    form = GrantFilterForm(request.GET or None)
    return export_response(staff_grants(**form.values()), fmt=fmt)
