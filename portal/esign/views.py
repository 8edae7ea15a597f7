"""The challenge the browser asks for before NCALayer signs, and the staff page that verifies a stored signature."""

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..actions import requires
from ..formatting import astana_time
from . import actions, selectors, services


@require_POST
@login_required
def challenge(request):
    action = actions.get(request.POST.get("action", ""))
    if action is None:
        raise Http404
    try:
        obj = action.model.objects.get(pk=int(request.POST.get("object", "")))
    except (ValueError, action.model.DoesNotExist):
        raise Http404 from None
    if not action.may(request.user, obj):
        raise PermissionDenied
    if not request.user.iin:
        return JsonResponse({"error": str(services.IDENTITY_PROBLEMS["no_iin"])}, status=409)
    try:
        issued = services.challenge_issue(actor=request.user, action=action.code, obj=obj)
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=409)
    return JsonResponse({
        "nonce": issued.nonce, "data": base64.b64encode(issued.payload_bytes).decode("ascii"),
        "text": issued.payload, "expires_at": astana_time(issued.expires_at), "iin": request.user.iin,
    })


@requires("portal.view_signatures")
def signatures(request):
    page = Paginator(selectors.signature_records(), 50).get_page(request.GET.get("page"))
    return render(request, "portal/esign/signatures.html", {"page": page, "records": page.object_list})


@requires("portal.view_signatures")
def signature(request, pk: int):
    record = get_object_or_404(selectors.signature_records(), pk=pk)
    if request.method == "POST":
        if not request.user.has_perm("portal.reverify_signature"):
            raise PermissionDenied
        try:
            record = services.signature_reverify(record=record, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            if record.last_verification.get("problems"):
                messages.error(request, _("The signature did not pass the verification again."))
            else:
                messages.success(request, _("The signature is verified again: it is valid."))
        return redirect("portal:signature", pk=record.pk)
    return render(request, "portal/esign/signature.html", {
        "record": record, "first": selectors.verification_view(record.verification),
        "last": selectors.verification_view(record.last_verification),
    })
