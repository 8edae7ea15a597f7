"""Priority directions: the public discussion (anyone reads, signed-in users comment) and the staff
pages where the lists are drafted, put to discussion, answered and approved."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.actions import button_action, form_action
from portal.public_cache import public_page

from .. import selectors
from ..choices import DirectionListStatus
from ..forms import (
    CommentAnswerForm,
    CommentForm,
    DirectionListForm,
    DiscussionForm,
    direction_rows,
)
from ..models import DirectionComment, PriorityDirection, PriorityDirectionList
from ..services import directions as direction_services
from .staff import managers_only, staff_only


@public_page("directions")
def direction_lists(request):
    return render(request, "grants/direction_lists.html", {"lists": selectors.public_direction_lists()})


@public_page("directions")
def direction_list(request, pk: int, comment_form=None, commented_direction=None):
    direction_list_obj = selectors.direction_list_for_page(pk, public=True)
    if direction_list_obj is None:
        raise Http404
    can_comment = request.user.has_perm("grants.comment_direction", direction_list_obj)
    context = {
        "direction_list": direction_list_obj,
        "directions": direction_list_obj.directions.all(),
        "can_comment": can_comment,
        "comment_form": comment_form,
        "commented_direction": commented_direction,
    }
    return render(request, "grants/direction_list.html", context)


@require_POST
@login_required
def comment(request, pk: int, direction: int):
    direction_obj = get_object_or_404(
        PriorityDirection.objects.select_related("direction_list"), pk=direction, direction_list_id=pk
    )
    if not request.user.has_perm("grants.comment_direction", direction_obj.direction_list):
        raise PermissionDenied
    form = CommentForm(request.POST)
    url = reverse("calls:direction_list", kwargs={"pk": pk})
    done = form_action(
        request, form,
        lambda data: direction_services.comment_add(actor=request.user, direction=direction_obj, text=data["text"]),
        success=_("Your comment is recorded. The operator's answer will be published here."),
        redirect_to=f"{url}#direction-{direction_obj.number}",
    )
    if done:
        return done
    return direction_list(request, pk, comment_form=form, commented_direction=direction_obj.pk)


# --- Staff -------------------------------------------------------------------------------------


@staff_only
def staff_direction_lists(request):
    can_manage = request.user.has_perm("grants.manage_directions")
    form = DirectionListForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        done = form_action(
            request, form, lambda data: direction_services.direction_list_create(actor=request.user, **data),
            success=None, redirect_to=lambda created: reverse("calls:staff_direction_list", kwargs={"pk": created.pk}),
        )
        if done:
            return done
    context = {"lists": selectors.staff_direction_lists(), "form": form, "can_manage": can_manage}
    return render(request, "grants/staff/direction_lists.html", context)


@staff_only
def staff_direction_list(request, pk: int, rows=None, discussion_form=None, answer_forms=None):
    direction_list_obj = selectors.direction_list_for_page(pk, public=False)
    if direction_list_obj is None:
        raise Http404
    draft = direction_list_obj.status == DirectionListStatus.DRAFT
    context = {
        "direction_list": direction_list_obj,
        "directions": direction_list_obj.directions.all(),
        "can_manage": request.user.has_perm("grants.manage_directions"),
        "rows": rows or (direction_rows(direction_list=direction_list_obj) if draft else None),
        "discussion_form": discussion_form or (DiscussionForm() if draft else None),
        "answer_forms": answer_forms or {},
        "answer_form": CommentAnswerForm(),
    }
    return render(request, "grants/staff/direction_list.html", context)


@require_POST
@managers_only
def staff_directions_save(request, pk: int):
    direction_list_obj = get_object_or_404(PriorityDirectionList, pk=pk)
    rows = direction_rows(data=request.POST)
    if rows.is_valid():
        try:
            direction_services.directions_save(
                actor=request.user, direction_list=direction_list_obj, directions=rows.rows
            )
        except ValidationError as error:
            for message in error.messages:  # the rows typed stay on the page below these messages
                messages.error(request, message)
        else:
            messages.success(request, _("The directions are saved."))
            return redirect("calls:staff_direction_list", pk=pk)
    return staff_direction_list(request, pk, rows=rows)


@require_POST
@managers_only
def staff_discussion_start(request, pk: int):
    direction_list_obj = get_object_or_404(PriorityDirectionList, pk=pk)
    form = DiscussionForm(request.POST)
    done = form_action(
        request, form,
        lambda data: direction_services.discussion_start(actor=request.user, direction_list=direction_list_obj, **data),
        success=_("The list is published for public discussion."),
        redirect_to=reverse("calls:staff_direction_list", kwargs={"pk": pk}),
    )
    if done:
        return done
    return staff_direction_list(request, pk, discussion_form=form)


@require_POST
@managers_only
def staff_direction_list_approve(request, pk: int):
    direction_list_obj = get_object_or_404(PriorityDirectionList, pk=pk)
    return button_action(
        request,
        lambda: direction_services.direction_list_approve(actor=request.user, direction_list=direction_list_obj),
        success=_("The list is approved; it stays public with the answers to every comment."),
        refused=_("The list cannot be approved yet:"),
        redirect_to=reverse("calls:staff_direction_list", kwargs={"pk": pk}),
    )


@require_POST
@managers_only
def staff_comment_answer(request, pk: int):
    comment_obj = get_object_or_404(DirectionComment.objects.select_related("direction"), pk=pk)
    form = CommentAnswerForm(request.POST, prefix=f"comment-{pk}")
    list_pk = comment_obj.direction.direction_list_id
    done = form_action(
        request, form, lambda data: direction_services.comment_answer(actor=request.user, comment=comment_obj, **data),
        success=_("The answer is recorded and public."),
        redirect_to=reverse("calls:staff_direction_list", kwargs={"pk": list_pk}),
    )
    if done:
        return done
    return staff_direction_list(request, list_pk, answer_forms={pk: form})
