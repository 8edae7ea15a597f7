"""The operator's side of the register: the list with the verification queue, one NGO, flags, export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from portal import audit
from portal.actions import button_action

from .. import selectors, services
from ..exports import export_response
from ..filters import StaffNGOFilter
from ..forms import FlagsForm, RejectForm
from ..models import last_reporting_year
from .common import get_ngo, post_only, require

PER_PAGE = 50


def _filtered(request):
    year = last_reporting_year()
    return StaffNGOFilter(request.GET or None, queryset=selectors.staff_ngos(year=year), year=year), year


@login_required
def staff_list(request):
    require(request, "ngos.view_register")
    ngo_filter, year = _filtered(request)
    page = Paginator(ngo_filter.qs, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "ngos/staff/list.html",
        {
            "filter": ngo_filter, "page": page, "year": year,
            "queue_size": selectors.verification_queue_size(),
            "query": request.GET.urlencode(),
        },
    )


@login_required
def staff_export(request, fmt):
    require(request, "ngos.export_register")
    ngo_filter, year = _filtered(request)
    return export_response(ngo_filter.qs, fmt=fmt, year=year)


def _detail_page(request, ngo, *, flags_form=None, reject_form=None, status=200):
    ngo = selectors.staff_ngo(ngo.bin)
    return render(
        request,
        "ngos/staff/detail.html",
        {
            "ngo": ngo,
            "members": selectors.members_of(ngo),
            "join_requests": selectors.pending_join_requests(ngo),
            "invitations": selectors.pending_invitations(ngo),
            "reports": selectors.report_overview(ngo),
            "history": audit.history(ngo)[:50],
            "can_verify": request.user.has_perm("ngos.verify_ngo", ngo),
            "can_edit_flags": request.user.has_perm("ngos.edit_eligibility_flags", ngo),
            "flags_form": flags_form or FlagsForm(ngo=ngo),
            "reject_form": reject_form or RejectForm(),
        },
        status=status,
    )


@login_required
def staff_detail(request, bin):
    ngo = get_ngo(bin)
    require(request, "ngos.view_register", ngo)
    return _detail_page(request, ngo)


@login_required
def staff_verify(request, bin):
    ngo = get_ngo(bin)
    require(request, "ngos.verify_ngo", ngo)
    if refused := post_only(request):
        return refused
    return button_action(
        request, lambda: services.ngo_verify(ngo=ngo, actor=request.user),
        success=_("%(ngo)s is verified.") % {"ngo": ngo.name},
        redirect_to=reverse("ngos:staff_detail", kwargs={"bin": ngo.bin}),
    )


@login_required
def staff_reject(request, bin):
    ngo = get_ngo(bin)
    require(request, "ngos.verify_ngo", ngo)
    if refused := post_only(request):
        return refused
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            services.ngo_reject(ngo=ngo, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            messages.success(request, _("%(ngo)s is rejected; its head sees the reason.") % {"ngo": ngo.name})
            return redirect("ngos:staff_detail", bin=ngo.bin)
    return _detail_page(request, ngo, reject_form=form, status=400)


@login_required
def staff_flags(request, bin):
    ngo = get_ngo(bin)
    require(request, "ngos.edit_eligibility_flags", ngo)
    if refused := post_only(request):
        return refused
    form = FlagsForm(request.POST, ngo=ngo)
    if form.is_valid():
        try:
            changed = services.ngo_set_flags(ngo=ngo, actor=request.user, flags=form.flags())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if changed:
                messages.success(request, _("The eligibility flags are saved."))
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect("ngos:staff_detail", bin=ngo.bin)
    return _detail_page(request, ngo, flags_form=form, status=400)
