"""The grant's monitoring page, monitoring visits (plan, record, the NGO's answers, the visit report) and the
checklist staff keep; the evaluation of efficiency by the customer and the operator."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.actions import add_errors, button_action, form_action, requires

from .. import selectors, services
from ..choices import EvaluatorSide, VisitStatus
from ..forms import AnswerForm, ChecklistItemForm, EfficiencyForm, VisitPlanForm, VisitRecordForm
from ..models import ChecklistItem
from .common import require, visible_grant


def _visible_visit(request, pk: int):
    visit = get_object_or_404(selectors.visit_page(pk))
    if not request.user.has_perm("monitoring.view_visit", visit):
        raise Http404
    return visit


@login_required
def grant_monitoring(request, number: str):
    grant = visible_grant(request, number)
    user = request.user
    staff = user.has_perm("monitoring.view_visits")
    evaluations = selectors.evaluations_of(grant) if user.has_perm("monitoring.view_evaluation", grant) else {}
    return render(request, "monitoring/grant.html", {
        "grant": grant, "reports": list(selectors.reports_of_grant(grant)),
        "visits": list(selectors.visits_of_grant(grant)) if staff or user.has_perm("monitoring.view_visit", grant)
        else [],
        "gaps": selectors.gaps(grant) if staff else [], "staff": staff,
        "evaluations": [evaluations.get(side) for side in EvaluatorSide.values],
        "published": selectors.published_evaluation(grant),
        "can_plan": user.has_perm("monitoring.plan_visit", grant),
        "can_evaluate": user.has_perm("monitoring.evaluate_as_customer", grant)
        or user.has_perm("monitoring.evaluate_as_operator", grant),
        "can_publish": user.has_perm("monitoring.evaluate_as_operator", grant),
    })


@login_required
def visit_new(request, number: str):
    grant = visible_grant(request, number)
    require(request, "monitoring.plan_visit", grant)
    form = VisitPlanForm(request.POST or None, grant=grant, items=ChecklistItem.objects.filter(active=True))

    def perform(data):
        items, indicators = form.chosen()
        return services.visit_plan(grant=grant, actor=request.user, visit_on=data["visit_on"], place=data["place"],
                                   team=data["team"], items=items, indicators=indicators)

    done = form_action(request, form, perform, success=_("The visit is planned."),
                       redirect_to=lambda visit: reverse("monitoring:visit", kwargs={"pk": visit.pk}))
    return done or render(request, "monitoring/visit_new.html", {"grant": grant, "form": form},
                          status=400 if request.method == "POST" else 200)


@login_required
def visit(request, pk: int):
    item = _visible_visit(request, pk)
    user = request.user
    return render(request, "monitoring/visit.html", {
        "visit": item, "grant": item.grant, "findings": list(item.findings.all()),
        "follow_ups": list(item.follow_ups.all()), "answer_form": AnswerForm(),
        "can_answer": user.has_perm("monitoring.answer_follow_up", item),
        "can_record": item.status == VisitStatus.PLANNED and user.has_perm("monitoring.plan_visit", item),
        "staff": user.has_perm("monitoring.view_visits"),
    })


@login_required
def visit_record(request, pk: int):
    item = _visible_visit(request, pk)
    require(request, "monitoring.plan_visit", item)
    if item.status != VisitStatus.PLANNED:
        messages.info(request, _("The findings of this visit are recorded."))
        return redirect("monitoring:visit", pk=item.pk)
    form = VisitRecordForm(request.POST or None, request.FILES or None, visit=item)
    done = form_action(request, form, lambda data: services.visit_record(visit=item, actor=request.user,
                                                                         **form.for_service()),
                       success=_("The findings are recorded. The visit report is being prepared."),
                       redirect_to=reverse("monitoring:visit", kwargs={"pk": item.pk}))
    return done or render(request, "monitoring/visit_record.html", {"visit": item, "grant": item.grant, "form": form},
                          status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def follow_up_answer(request, pk: int, follow_up: int):
    item = _visible_visit(request, pk)
    require(request, "monitoring.answer_follow_up", item)
    action = get_object_or_404(item.follow_ups.all(), pk=follow_up)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what the NGO did."))
        return redirect("monitoring:visit", pk=item.pk)
    return button_action(request, lambda: services.follow_up_answer(follow_up=action, actor=request.user,
                                                                     answer=form.cleaned_data["answer"]),
                         success=_("The answer is sent."), redirect_to=reverse("monitoring:visit",
                                                                                kwargs={"pk": item.pk}))


@login_required
def visit_pdf(request, pk: int, language: str):
    item = _visible_visit(request, pk)
    if language not in ("kk", "ru"):
        raise Http404
    document = getattr(item, f"report_pdf_{language}")
    if not document:
        raise Http404
    return FileResponse(document.open("rb"), content_type="application/pdf",
                        filename=f"visit-{item.grant.number}-{language}.pdf")


@requires("monitoring.edit_checklist")
def checklist(request):
    form = ChecklistItemForm(request.POST or None)
    done = form_action(request, form, lambda data: services.checklist_add(actor=request.user, **data),
                       success=_("The item is added to the checklist."), redirect_to=reverse("monitoring:checklist"))
    return done or render(request, "monitoring/staff/checklist.html", {
        "form": form, "items": list(ChecklistItem.objects.all())}, status=400 if request.method == "POST" else 200)


@requires("monitoring.edit_checklist")
@require_POST
def checklist_toggle(request, item: int):
    found = get_object_or_404(ChecklistItem, pk=item)
    return button_action(request, lambda: services.checklist_set_active(item=found, actor=request.user,
                                                                         active=not found.active),
                         success=_("The checklist is changed."), redirect_to=reverse("monitoring:checklist"))


def _side(request, grant) -> str | None:
    if request.user.has_perm("monitoring.evaluate_as_operator", grant):
        return EvaluatorSide.OPERATOR
    if request.user.has_perm("monitoring.evaluate_as_customer", grant):
        return EvaluatorSide.CUSTOMER
    return None


@login_required
def efficiency(request, number: str):
    grant = visible_grant(request, number)
    side = _side(request, grant)
    if side is None:
        raise PermissionDenied
    evaluation = selectors.evaluations_of(grant).get(side)
    form = EfficiencyForm(request.POST or None, evaluation=evaluation)
    if request.method == "POST" and form.is_valid():
        try:
            services.efficiency_score(grant=grant, actor=request.user, side=side, **form.for_service())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The scores are saved."))
            return redirect("monitoring:grant", number=grant.number)
    return render(request, "monitoring/efficiency.html", {
        "grant": grant, "form": form, "side": EvaluatorSide(side).label, "evaluation": evaluation,
        "share": selectors.final_share(grant)}, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def efficiency_publish(request, number: str):
    grant = visible_grant(request, number)
    require(request, "monitoring.evaluate_as_operator", grant)
    return button_action(request, lambda: services.efficiency_publish(grant=grant, actor=request.user),
                         success=_("The evaluation of efficiency is published on the grant's page."),
                         redirect_to=reverse("monitoring:grant", kwargs={"number": grant.number}))


@login_required
def efficiency_pdf(request, number: str, language: str):
    grant = visible_grant(request, number)
    evaluation = selectors.evaluations_of(grant).get(EvaluatorSide.OPERATOR)
    document = getattr(evaluation, f"pdf_{language}", None) if language in ("kk", "ru") and evaluation else None
    if not document:
        raise Http404
    return FileResponse(document.open("rb"), content_type="application/pdf",
                        filename=f"efficiency-{grant.number}-{language}.pdf")
