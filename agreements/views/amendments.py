"""Amendments: the head's request, staff's decision, the supplementary agreement's PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from portal.actions import add_errors
from portal.esign.services import signed
from portal.pdf import pdf_response

from ..choices import AmendmentStatus
from ..forms import AmendmentForm, DecisionForm
from ..selectors import amendment_budget_rows
from ..services import amendment_decide, amendment_request
from .common import require, visible_grant


@login_required
def amendment_new(request, number: str):
    item = visible_grant(request, number)
    require(request, "agreements.request_amendment", item)
    form = AmendmentForm(request.POST or None, grant=item)
    if request.method == "POST" and form.is_valid():
        try:
            amendment = signed(
                actor=request.user, action="agreements.amendment_request", obj=item, data=request.POST,
                perform=lambda method: amendment_request(grant=item, actor=request.user, **form.service_arguments()),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The request is sent to the operator."))
            return redirect("agreements:amendment", number=item.number, amendment=amendment.number)
    return render(request, "agreements/amendment_new.html", {"grant": item, "form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
def amendment(request, number: str, amendment: int):
    item = visible_grant(request, number)
    current = get_object_or_404(item.amendments.select_related("requested_by", "decided_by"), number=amendment)
    can_decide = request.user.has_perm("agreements.decide_amendment", item) and \
        current.status == AmendmentStatus.REQUESTED
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        require(request, "agreements.decide_amendment", item)
        if form.is_valid():
            try:
                signed(actor=request.user, action="agreements.amendment_decide", obj=current, data=request.POST,
                       perform=lambda method: amendment_decide(amendment=current, actor=request.user,
                                                               **form.cleaned_data))
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The decision is recorded."))
                return redirect("agreements:amendment", number=item.number, amendment=current.number)
    return render(request, "agreements/amendment.html", {
        "grant": item, "amendment": current, "form": form if can_decide else None,
        "budget_rows": amendment_budget_rows(current),
    }, status=400 if request.method == "POST" else 200)


@login_required
def amendment_pdf(request, number: str, amendment: int):
    item = visible_grant(request, number)
    current = get_object_or_404(item.amendments.all(), number=amendment)
    if not current.pdf:
        raise Http404
    with current.pdf.open("rb") as handle:
        return pdf_response(handle.read(), filename=f"amendment-{current.full_number}.pdf")
