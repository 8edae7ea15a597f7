"""The grantee's pages ("Our grants", a grant with its agreement and tranches) and the actions on a grant."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.actions import add_errors
from portal.esign.selectors import records_for
from portal.esign.services import signed
from portal.pdf import pdf_response

from .. import grant_links
from ..choices import AgreementStatus, GrantStatus, Party, SignatureMethod, TrancheStatus
from ..forms import BankDetailsForm, PaymentForm, ReasonForm, SignForm
from ..selectors import grant_history, grants_of_user, labelled_budget, tranche_paid, valid_signatures
from ..services import (
    agreement_set_bank_details,
    agreement_sign,
    grant_decline,
    grant_terminate,
    payment_record,
    tranche_release,
)
from .common import require, visible_grant


@login_required
def my_grants(request):
    require(request, "agreements.view_own_grants")
    grants = list(grants_of_user(request.user))
    return render(request, "agreements/my_grants.html", {"grants": grants})


SIGN_ACTIONS = {Party.NGO: "agreements.sign_ngo", Party.OPERATOR: "agreements.sign_operator"}


def _signing_party(user, grant) -> str | None:
    if user.has_perm("agreements.sign_for_ngo", grant):
        return Party.NGO
    if user.has_perm("agreements.sign_for_operator", grant):
        return Party.OPERATOR
    return None


@login_required
def grant(request, number: str):
    item = visible_grant(request, number)
    agreement = item.agreement
    party = _signing_party(request.user, item)
    waiting_for = {AgreementStatus.READY: Party.NGO, AgreementStatus.NGO_SIGNED: Party.OPERATOR}.get(agreement.status)
    can_sign = bool(party and party == waiting_for and item.status == GrantStatus.AWARDED and agreement.pdf_ready)
    tranches = [{"tranche": t, "paid": tranche_paid(t)} for t in item.tranches.all()]
    user = request.user
    return render(request, "agreements/grant.html", {
        "grant": item, "agreement": agreement, "tranches": tranches, "signatures": valid_signatures(agreement),
        "all_signatures": list(agreement.signatures.all()),
        "history": grant_history(item) if user.has_perm("agreements.view_grants") else [],
        "sign_form": SignForm(initial={"sha256": agreement.pdf_sha256}) if can_sign else None,
        "sign_action": SIGN_ACTIONS.get(party, ""),
        "esign_records": records_for(agreement, actions=tuple(SIGN_ACTIONS.values())),
        "is_head": user.has_perm("agreements.sign_for_ngo", item),
        "can_edit_bank": user.has_perm("agreements.sign_for_ngo", item) and item.status == GrantStatus.AWARDED
        and agreement.status != AgreementStatus.SIGNED,
        "can_decline": user.has_perm("agreements.decline_grant", item) and item.status == GrantStatus.AWARDED,
        "can_pay": user.has_perm("agreements.record_payment", item),
        "can_release": user.has_perm("agreements.release_tranche", item),
        "can_terminate": user.has_perm("agreements.terminate_grant", item)
        and item.status in (GrantStatus.AGREEMENT_SIGNED, GrantStatus.IN_PROGRESS),
        "terminate_form": ReasonForm(), "due": TrancheStatus.DUE,
        "amendments": list(item.amendments.all()),
        "budget_versions": [(v, labelled_budget(v.by_category)) for v in item.budget_versions.all()],
        "can_amend": user.has_perm("agreements.request_amendment", item)
        and item.status in (GrantStatus.AGREEMENT_SIGNED, GrantStatus.IN_PROGRESS),
        "linked": grant_links.links(request, item),
    })


@login_required
def bank_details(request, number: str):
    item = visible_grant(request, number)
    require(request, "agreements.sign_for_ngo", item)
    agreement = item.agreement
    form = BankDetailsForm(request.POST or None, initial={
        "iban": agreement.iban, "bik": agreement.bik, "bank_name": agreement.bank_name})
    if request.method == "POST" and form.is_valid():
        try:
            agreement_set_bank_details(agreement=agreement, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The bank details are saved. The agreement is being prepared with them."))
            return redirect("agreements:grant", number=item.number)
    return render(request, "agreements/bank_details.html", {
        "grant": item, "agreement": agreement, "form": form,
        "voids": agreement.status == AgreementStatus.NGO_SIGNED,
    }, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def sign(request, number: str):
    item = visible_grant(request, number)
    party = _signing_party(request.user, item)
    if party is None:
        raise PermissionDenied
    form = SignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tick the confirmation to sign."))
        return redirect("agreements:grant", number=item.number)
    try:
        # The party's electronic signature (or confirmation) around the agreements' own signing service.
        signed(actor=request.user, action=SIGN_ACTIONS[party], obj=item, data=request.POST,
               perform=lambda method: agreement_sign(
                   agreement=item.agreement, actor=request.user, party=party, sha256=form.cleaned_data["sha256"],
                   method=SignatureMethod.NCALAYER if method == "ncalayer" else SignatureMethod.PORTAL,
               ).agreement)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The agreement is signed."))
    return redirect("agreements:grant", number=item.number)


@login_required
def decline(request, number: str):
    item = visible_grant(request, number)
    require(request, "agreements.decline_grant", item)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            grant_decline(grant=item, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The NGO declined the grant."))
            return redirect("agreements:grant", number=item.number)
    return render(request, "agreements/decline.html", {"grant": item, "form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
def agreement_pdf(request, number: str):
    item = visible_grant(request, number)
    agreement = item.agreement
    if not agreement.pdf:
        raise Http404
    with agreement.pdf.open("rb") as handle:
        return pdf_response(handle.read(), filename=f"agreement-{agreement.number}.pdf")


def _tranche(item, position: int):
    return get_object_or_404(item.tranches.all(), position=position)


@login_required
def pay(request, number: str, position: int):
    item = visible_grant(request, number)
    require(request, "agreements.record_payment", item)
    tranche = _tranche(item, position)
    left = tranche.amount - tranche_paid(tranche)
    form = PaymentForm(request.POST or None, initial={"amount": left})
    if request.method == "POST" and form.is_valid():
        try:
            payment_record(tranche=tranche, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The payment is recorded."))
            return redirect("agreements:grant", number=item.number)
    return render(request, "agreements/pay.html", {"grant": item, "tranche": tranche, "left": left, "form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def release(request, number: str, position: int):
    item = visible_grant(request, number)
    require(request, "agreements.release_tranche", item)
    try:
        tranche_release(tranche=_tranche(item, position), actor=request.user, note=request.POST.get("note", ""))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The tranche is due."))
    return redirect("agreements:grant", number=item.number)


@login_required
@require_POST
def terminate(request, number: str):
    item = visible_grant(request, number)
    require(request, "agreements.terminate_grant", item)
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Say why the agreement is terminated: the reason is published."))
        grant_terminate(grant=item, actor=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The agreement is terminated."))
    return redirect("agreements:grant", number=item.number)
