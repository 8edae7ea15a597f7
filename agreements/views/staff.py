"""Staff: the list of grants by call and status, and its CSV export."""

import csv
import io

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

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
def grant_export(request):
    require(request, "agreements.view_grants")
    form = GrantFilterForm(request.GET or None)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_("Grant number"), _("Call"), _("Lot"), _("NGO"), _("BIN"), _("Project title"),
                     _("Amount awarded, tenge"), _("Paid, tenge"), _("Award date"), _("Planned start"),
                     _("Planned end"), _("Status")])
    for grant in staff_grants(**form.values()):
        writer.writerow([grant.number, grant.call.code, grant.lot.code, grant.ngo.name, grant.ngo.bin, grant.title,
                         grant.amount, grant.paid, grant.awarded_on.isoformat(), grant.starts_on.isoformat(),
                         grant.ends_on.isoformat(), grant.get_status_display()])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="grants.csv"'
    return response
