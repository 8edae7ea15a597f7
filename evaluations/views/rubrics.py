from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grants.models import Call

from ..forms.rubrics import CriterionFormSet, RubricSettingsForm, RubricSourceForm, TemplateCreateForm
from ..models import Rubric
from ..services.rubrics import (
    rubric_problems,
    rubric_replace_from,
    rubric_start,
    rubric_template_create,
    rubric_update,
)
from .common import require


@login_required
def templates(request):
    require(request, "evaluations.view_evaluation")
    form = TemplateCreateForm(request.POST or None)
    source_form = RubricSourceForm(request.POST or None)
    if request.method == "POST":
        require(request, "evaluations.manage_rubric")
        if form.is_valid() and source_form.is_valid():
            try:
                rubric = rubric_template_create(actor=request.user, source=source_form.cleaned_data["source"],
                                                **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Template created. Now set its criteria."))
                return redirect("evaluations:rubric_edit", pk=rubric.pk)
    items = Rubric.objects.filter(call__isnull=True).annotate(criteria_count=Count("criteria")).order_by("name_ru")
    return render(request, "evaluations/rubrics/templates.html", {
        "templates": items, "form": form, "source_form": source_form,
    })


@login_required
def edit(request, pk: int):
    require(request, "evaluations.view_evaluation")
    rubric = get_object_or_404(Rubric.objects.select_related("call", "copied_from__call"), pk=pk)
    can_edit = request.user.has_perm("evaluations.manage_rubric") and not rubric.is_locked
    criteria = rubric.criteria.order_by("position", "id")
    settings_form = RubricSettingsForm(request.POST or None, instance=rubric, prefix="rubric")
    formset = CriterionFormSet(request.POST or None, queryset=criteria, prefix="criteria")
    if request.method == "POST":
        require(request, "evaluations.manage_rubric")
        if settings_form.is_valid() and formset.is_valid():
            try:
                rubric_update(rubric=rubric, actor=request.user, settings=settings_form.cleaned_data,
                              criteria=formset.rows())
            except ValidationError as error:
                settings_form.add_error(None, error)
            else:
                messages.success(request, _("The rubric is saved."))
                return redirect("evaluations:rubric_edit", pk=rubric.pk)
    source_form = RubricSourceForm(exclude=rubric)
    return render(request, "evaluations/rubrics/edit.html", {
        "rubric": rubric, "criteria": criteria, "settings_form": settings_form, "formset": formset,
        "can_edit": can_edit, "problems": rubric_problems(rubric), "source_form": source_form,
    }, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def start(request, call: str):
    require(request, "evaluations.manage_rubric")
    call = get_object_or_404(Call, code=call)
    form = RubricSourceForm(request.POST)
    if form.is_valid():
        try:
            rubric = rubric_start(call=call, actor=request.user, source=form.cleaned_data["source"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("evaluations:call_overview", call=call.code)
        messages.success(request, _("The rubric is created. Check the criteria and save."))
        return redirect("evaluations:rubric_edit", pk=rubric.pk)
    messages.error(request, _("Choose a template or rubric to start from."))
    return redirect("evaluations:call_overview", call=call.code)


@login_required
@require_POST
def copy_from(request, pk: int):
    require(request, "evaluations.manage_rubric")
    rubric = get_object_or_404(Rubric, pk=pk)
    form = RubricSourceForm(request.POST, exclude=rubric)
    if form.is_valid() and form.cleaned_data["source"] is not None:
        try:
            rubric_replace_from(rubric=rubric, source=form.cleaned_data["source"], actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The criteria are replaced by a copy."))
    else:
        messages.error(request, _("Choose a template or rubric to copy."))
    return redirect("evaluations:rubric_edit", pk=rubric.pk)
