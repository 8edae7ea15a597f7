from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grants.choices import CallStatus
from grants.models import Call
from portal.actions import form_action
from portal.audit import history
from portal.formatting import astana, deadline

from ..choices import PanelStatus
from ..forms.panels import DeadlineForm, DrawForm, OfficersForm, PanelForm
from ..forms.rubrics import RubricSourceForm
from ..models import Panel, Rubric
from ..selectors import panels as selectors
from ..services.panels import panel_create, panel_draw, panel_set_deadline, panel_set_officers
from ..services.rubrics import rubric_problems
from .common import require


@login_required
def calls(request):
    """Calls whose applications the operator evaluates: announced ones, newest first."""
    require(request, "evaluations.view_evaluation")
    items = (
        Call.objects.filter(status=CallStatus.ANNOUNCED)
        .select_related("customer", "rubric")
        .annotate(panels_count=Count("panels", distinct=True), lots_count=Count("lots", distinct=True))
        .order_by("-closes_at")
    )
    return render(request, "evaluations/calls.html", {"calls": items})


@login_required
def call_overview(request, call: str):
    require(request, "evaluations.view_evaluation")
    call = get_object_or_404(Call.objects.select_related("customer"), code=call)
    rubric = Rubric.objects.filter(call=call).prefetch_related("criteria").first()
    return render(request, "evaluations/call_overview.html", {
        "call": call,
        "rubric": rubric,
        "rubric_problems": rubric_problems(rubric) if rubric else [],
        "source_form": RubricSourceForm(),
        "panels": selectors.panels_of_call(call),
        "lots": call.lots.select_related("direction", "region").order_by("position", "code"),
    })


@login_required
def panel_new(request, call: str):
    require(request, "evaluations.manage_panel")
    call = get_object_or_404(Call, code=call)
    form = PanelForm(request.POST or None, call=call)
    done = form_action(
        request, form, lambda data: panel_create(call=call, actor=request.user, **data),
        success=_("The commission is set up. Now hold the draw."),
        redirect_to=lambda panel: reverse("evaluations:panel_detail", kwargs={"pk": panel.pk}),
    )
    if done:
        return done
    return render(request, "evaluations/panels/new.html", {"call": call, "form": form},
                  status=400 if request.method == "POST" else 200)


def _panel_context(request, panel, *, draw_form=None, officers_form=None, deadline_form=None):
    context = {
        "panel": panel,
        "call": panel.call,
        "can_manage": request.user.has_perm("evaluations.manage_panel"),
        "history": history(panel)[:30],
    }
    if panel.status == PanelStatus.DRAFT:
        context["draw_form"] = draw_form or DrawForm()
        context["pool_size"] = len(selectors.draw_pool(panel))
    else:
        context["officers_form"] = officers_form or OfficersForm(panel=panel)
        if panel.status != PanelStatus.DECIDED:
            context["deadline_form"] = deadline_form or DeadlineForm(
                initial={"day": astana(panel.deadline).date() if panel.deadline else None})
        context["verification"] = selectors.draw_verification(panel.draw)
    return context


def _get_panel(pk):
    try:
        return selectors.panel_detail(pk)
    except Panel.DoesNotExist:
        raise Http404 from None


@login_required
def panel_detail(request, pk: int):
    require(request, "evaluations.view_evaluation")
    panel = _get_panel(pk)
    return render(request, "evaluations/panels/detail.html", _panel_context(request, panel))


@login_required
@require_POST
def panel_draw_view(request, pk: int):
    require(request, "evaluations.manage_panel")
    panel = _get_panel(pk)
    form = DrawForm(request.POST)
    done = form_action(
        request, form,
        lambda data: panel_draw(panel=panel, actor=request.user, observers=data["observers"], seed=data["seed"]),
        success=_("The commission is drawn. The protocol is published in Kazakh and Russian."),
        redirect_to=reverse("evaluations:panel_detail", kwargs={"pk": panel.pk}),
    )
    if done:
        return done
    return render(request, "evaluations/panels/detail.html", _panel_context(request, panel, draw_form=form),
                  status=400)


@login_required
@require_POST
def panel_officers(request, pk: int):
    require(request, "evaluations.manage_panel")
    panel = _get_panel(pk)
    if panel.status == PanelStatus.DRAFT:
        raise Http404
    form = OfficersForm(request.POST, panel=panel)
    done = form_action(
        request, form,
        lambda data: panel_set_officers(panel=panel, actor=request.user, chair=data["chair"],
                                        secretary=data["secretary"]),
        success=_("The chair and the secretary are named."),
        redirect_to=reverse("evaluations:panel_detail", kwargs={"pk": panel.pk}),
    )
    if done:
        return done
    return render(request, "evaluations/panels/detail.html", _panel_context(request, panel, officers_form=form),
                  status=400)


@login_required
@require_POST
def panel_deadline(request, pk: int):
    require(request, "evaluations.manage_panel")
    panel = _get_panel(pk)
    if panel.status == PanelStatus.DRAFT:
        raise Http404
    form = DeadlineForm(request.POST)
    done = form_action(
        request, form, lambda data: panel_set_deadline(panel=panel, actor=request.user, day=data["day"]),
        success=lambda p: _("The experts declare and score %(deadline)s.") % {"deadline": deadline(p.deadline)},
        redirect_to=reverse("evaluations:panel_detail", kwargs={"pk": panel.pk}),
    )
    if done:
        return done
    return render(request, "evaluations/panels/detail.html", _panel_context(request, panel, deadline_form=form),
                  status=400)
