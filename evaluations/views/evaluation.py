"""Staff pages of an evaluation in progress: assignment, translations, progress, the ranking of a lot."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grants.models import Application, Lot

from ..forms.scoring import TranslationForm
from ..models import Panel, Rubric
from ..selectors import assignments as selectors
from ..selectors.ranking import lot_ranking
from ..services.assignments import panel_assign, translation_upload
from .common import require


@login_required
@require_POST
def assign(request, pk: int):
    require(request, "evaluations.manage_panel")
    panel = get_object_or_404(Panel, pk=pk)
    try:
        count = panel_assign(panel=panel, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Assignments made: %(count)s. The experts see them on their dashboard.")
                         % {"count": count})
    return redirect("evaluations:panel_detail", pk=panel.pk)


@login_required
def progress(request, pk: int):
    require(request, "evaluations.view_evaluation")
    panel = get_object_or_404(Panel.objects.select_related("call", "direction"), pk=pk)
    return render(request, "evaluations/panels/progress.html", {
        "panel": panel, "call": panel.call, "progress": selectors.panel_progress(panel),
        "recusals": selectors.recusals(panel),
    })


@login_required
def translations(request, call: str):
    require(request, "evaluations.view_evaluation")
    from grants.models import Call

    call = get_object_or_404(Call, code=call)
    applications = (
        Application.objects.filter(lot__call=call, assignments__isnull=False).distinct()
        .select_related("ngo", "lot").prefetch_related("translations").order_by("sequence", "id")
    )
    form = None
    if request.method == "POST":
        require(request, "evaluations.manage_panel")
        try:
            chosen = int(request.POST.get("application", ""))
        except ValueError:
            raise Http404 from None  # not an application's number: no such application here
        application = get_object_or_404(applications, pk=chosen)
        form = TranslationForm(request.POST, request.FILES, prefix=f"t{application.pk}")
        if form.is_valid():
            try:
                translation_upload(application=application, language=form.cleaned_data["language"],
                                   upload=form.cleaned_data["file"], actor=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The translation of %(number)s is uploaded.")
                                 % {"number": application.registration_number})
                return redirect("evaluations:translations", call=call.code)
        form.application_pk = application.pk
    rows = []
    for application in applications:
        bound = form if form is not None and form.application_pk == application.pk else None
        rows.append((application, bound or TranslationForm(prefix=f"t{application.pk}",
                                                           initial={"language": "ru" if application.language == "kk"
                                                                    else "kk"})))
    return render(request, "evaluations/translations.html", {"call": call, "rows": rows},
                  status=400 if form is not None else 200)


@login_required
def ranking(request, lot: str):
    require(request, "evaluations.view_evaluation")
    lot = get_object_or_404(Lot.objects.select_related("call"), code=lot)
    rubric = Rubric.objects.filter(call=lot.call_id).prefetch_related("criteria").first()
    return render(request, "evaluations/ranking.html", {
        "lot": lot, "call": lot.call, "rubric": rubric, "ranking": lot_ranking(lot, rubric),
        "criteria": list(rubric.criteria.all()) if rubric else [],
    })
