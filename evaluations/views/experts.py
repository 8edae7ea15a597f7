from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.audit import history
from portal.public_cache import public_page

from ..choices import ExpertStatus
from ..forms.experts import ExpertApplicationForm, ExpertDecisionForm, RegisterFilterForm
from ..models import Expert
from ..selectors import experts as selectors
from ..services.experts import allowed_decisions, expert_apply, expert_decide
from .common import error_messages, require


@public_page()
def apply(request):
    """The public page of the register: what it is, and for a signed-in visitor the form or their status."""
    profile = selectors.profile_of(request.user)
    if profile is not None and profile.status != ExpertStatus.DECLINED:
        return render(request, "evaluations/experts/apply_status.html", {"expert": profile})
    form = None
    if request.user.is_authenticated:
        form = ExpertApplicationForm(request.POST or None, request.FILES or None, user=request.user, previous=profile)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                expert_apply(
                    actor=request.user, spheres=list(data["spheres"]), speaks_kk="kk" in data["languages"],
                    speaks_ru="ru" in data["languages"], region=data["region"], nominated_by=data["nominated_by"],
                    nominating_ngo=data["nominating_ngo"], position=data["position"],
                    experience=data["experience"], cv=data["cv"], full_name=data["full_name"], phone=data["phone"],
                )
            except ValidationError as error:
                for message in error_messages(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("Your application to the expert register is sent. Staff will decide "
                                            "and write to you."))
                return redirect("evaluations:expert_apply")
    return render(request, "evaluations/experts/apply.html", {"form": form, "previous": profile})


@login_required
def register(request):
    require(request, "evaluations.view_register")
    filters = RegisterFilterForm(request.GET or None)
    experts = filters.filter(selectors.register())
    page = Paginator(experts, 50).get_page(request.GET.get("page"))
    return render(request, "evaluations/experts/register.html", {
        "filters": filters, "page": page, "shares": selectors.nomination_shares(),
    })


@login_required
def expert_detail(request, pk: int):
    require(request, "evaluations.view_register")
    try:
        expert = selectors.expert_detail(pk)
    except Expert.DoesNotExist:
        raise Http404 from None
    form = None
    if request.user.has_perm("evaluations.manage_register"):
        allowed = allowed_decisions(expert)
        if allowed:
            form = ExpertDecisionForm(allowed=allowed, reinstating=expert.status == ExpertStatus.SUSPENDED)
    return render(request, "evaluations/experts/detail.html", {
        "expert": expert, "form": form, "history": history(expert)[:50],
    })


@login_required
@require_POST
def expert_decide_view(request, pk: int):
    require(request, "evaluations.manage_register")
    expert = get_object_or_404(Expert, pk=pk)
    form = ExpertDecisionForm(
        request.POST, allowed=allowed_decisions(expert), reinstating=expert.status == ExpertStatus.SUSPENDED
    )
    if form.is_valid():
        try:
            expert_decide(expert=expert, status=form.cleaned_data["status"], actor=request.user,
                          note=form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            expert.refresh_from_db()
            messages.success(request, _("Decision recorded: %(status)s.") % {"status": expert.get_status_display()})
            return redirect("evaluations:expert_detail", pk=expert.pk)
    expert = selectors.expert_detail(pk)
    return render(request, "evaluations/experts/detail.html", {
        "expert": expert, "form": form, "history": history(expert)[:50],
    }, status=400)


@login_required
def expert_cv(request, pk: int):
    expert = get_object_or_404(Expert, pk=pk)
    if not request.user.has_perm("evaluations.view_expert_cv", expert):
        raise Http404
    if not expert.cv:
        raise Http404
    return FileResponse(expert.cv.open("rb"), as_attachment=True, filename=expert.cv.name.rsplit("/", 1)[-1])
