from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grants.models import Call
from portal.actions import form_action

from ..choices import LetterStatus
from ..forms.meetings import LetterForm
from ..models import ResultLetter
from ..selectors.meetings import outbox as outbox_of
from ..services.letters import letter_send, letter_update, recipients_of
from .common import require


@login_required
def outbox(request, call: str):
    require(request, "evaluations.view_letters")
    call = get_object_or_404(Call, code=call)
    letters = list(outbox_of(call))
    return render(request, "evaluations/letters/outbox.html", {
        "call": call, "letters": letters,
        "drafts": sum(1 for letter in letters if letter.status == LetterStatus.DRAFT),
    })


@login_required
def letter(request, pk: int):
    require(request, "evaluations.view_letters")
    item = get_object_or_404(
        ResultLetter.objects.select_related("application__ngo", "application__lot__call", "sent_by"), pk=pk
    )
    form = LetterForm(request.POST or None, initial={"subject": item.subject, "body": item.body})
    if request.method == "POST":
        require(request, "evaluations.manage_letters")
        done = form_action(
            request, form, lambda data: letter_update(letter=item, actor=request.user, **data),
            success=_("The letter is saved."), redirect_to=reverse("evaluations:letter", kwargs={"pk": item.pk}),
        )
        if done:
            return done
    return render(request, "evaluations/letters/letter.html", {
        "letter": item, "form": form, "recipients": recipients_of(item),
        "can_edit": request.user.has_perm("evaluations.manage_letters") and item.status == LetterStatus.DRAFT,
    }, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def send(request, pk: int):
    require(request, "evaluations.manage_letters")
    item = get_object_or_404(ResultLetter.objects.select_related("application__lot__call"), pk=pk)
    try:
        letter_send(letter=item, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("evaluations:letter", pk=item.pk)
    messages.success(request, _("The letter is sent."))
    return redirect("evaluations:outbox", call=item.application.lot.call.code)


@login_required
@require_POST
def send_all(request, call: str):
    require(request, "evaluations.manage_letters")
    call = get_object_or_404(Call, code=call)
    sent, failed = 0, []
    for item in outbox_of(call).filter(status=LetterStatus.DRAFT):
        try:
            letter_send(letter=item, actor=request.user)
            sent += 1
        except ValidationError as error:
            failed.append(f"{item.application.registration_number}: {' '.join(error.messages)}")
    if sent:
        messages.success(request, _("Letters sent: %(count)s.") % {"count": sent})
    for failure in failed:
        messages.error(request, failure)
    return redirect("evaluations:outbox", call=call.code)
