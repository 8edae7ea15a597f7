"""Staff pages for clarification questions: every staff role reads, call managers answer and publish."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from portal.actions import form_action

from .. import selectors
from ..choices import ClarificationStatus
from ..forms import ClarificationAnswerForm
from ..models import Clarification
from ..services import clarifications as clarification_services
from .staff import staff_only


@staff_only
def clarification_list(request):
    clarifications = selectors.flag_overdue(selectors.pending_clarifications())
    return render(request, "grants/staff/clarification_list.html", {"clarifications": clarifications})


@staff_only
def clarification_answer(request, pk: int):
    clarification = get_object_or_404(
        Clarification.objects.select_related("call", "ngo", "lot", "asked_by", "answered_by"), pk=pk
    )
    can_answer = request.user.has_perm("grants.answer_clarification")
    initial = {
        "question_kk": clarification.question_kk or (clarification.question if clarification.language == "kk" else ""),
        "question_ru": clarification.question_ru or (clarification.question if clarification.language == "ru" else ""),
        "answer_kk": clarification.answer_kk,
        "answer_ru": clarification.answer_ru,
    }
    form = ClarificationAnswerForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not can_answer:
            raise PermissionDenied
        publish = "publish" in request.POST
        done = form_action(
            request, form,
            lambda data: clarification_services.clarification_answer(
                actor=request.user, clarification=clarification, publish=publish, **data
            ),
            success=_("The answer is published on the call page.") if publish else _("The answer is saved."),
            redirect_to="calls:staff_clarifications",
        )
        if done:
            return done
    [clarification] = selectors.flag_overdue([clarification])
    context = {
        "clarification": clarification,
        "form": form,
        "can_answer": can_answer and clarification.status != ClarificationStatus.PUBLISHED,
    }
    return render(request, "grants/staff/clarification.html", context)


