"""Staff screening pages (the public results page is reports.views)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from grants.applications import budget
from grants.applications import selectors as application_selectors
from grants.models import Application, Call

from . import exports, forms, selectors, services
from .choices import ScreeningDecision


def _require(request, perm: str):
    if not request.user.has_perm(perm):
        raise PermissionDenied


def _post_by(perm: str):
    """A form target: the permission is asked first (a refused user learns nothing more), then the method."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            _require(request, perm)
            if request.method != "POST":
                return HttpResponseNotAllowed(["POST"])
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _call(code: str) -> Call:
    return get_object_or_404(Call.objects.select_related("customer", "fiscal_year"), code=code)


def _screened_application(call: Call, pk: int) -> Application:
    return get_object_or_404(
        Application.objects.select_related("lot__call", "ngo").exclude(registration_number=""), pk=pk, lot__call=call
    )


@login_required
def index(request):
    _require(request, "grants.view_screening")
    return render(request, "grants/screening/index.html", {"calls": list(selectors.calls_for_screening())})


@login_required
def call_detail(request, call):
    _require(request, "grants.view_screening")
    call = _call(call)
    applications = list(selectors.call_applications(call))
    for application in applications:
        application.screening_record = getattr(application, "screening", None)
    now = timezone.now()
    conclusion = selectors.conclusion_of(call.code)
    return render(
        request,
        "grants/screening/call.html",
        {
            "call": call,
            "applications": applications,
            "conclusion": conclusion,
            "closed": now >= call.closes_at,
            "undecided": sum(1 for a in applications if a.status == "submitted"),
            "can_screen": request.user.has_perm("grants.screen_application"),
        },
    )


def _application_context(request, call, application, *, checks_form=None, decision_form=None):
    content = application_selectors.application_with_content(application.pk)
    screening = selectors.screening_of(content)
    published = selectors.conclusion_of(call.code) is not None
    can_screen = request.user.has_perm("grants.screen_application") and not published
    if screening is not None:
        checks_form = checks_form or forms.ChecksForm(screening=screening)
        decision_form = decision_form or forms.DecisionForm(
            initial={"decision": screening.decision if screening.decision != ScreeningDecision.PENDING else None,
                     "reason_kk": screening.reason_kk, "reason_ru": screening.reason_ru}
        )
    return {
        "call": call,
        "application": content,
        "screening": screening,
        "checks_form": checks_form,
        "decision_form": decision_form,
        "can_screen": can_screen,
        "published": published,
        "closed": timezone.now() >= call.closes_at,
        "submission": application_selectors.current_submission(content),
        "budget_totals": budget.totals_of_lines(content.budget_lines.all()),
    }


@login_required
def application_detail(request, call, pk):
    _require(request, "grants.view_screening")
    call = _call(call)
    application = _screened_application(call, pk)
    return render(request, "grants/screening/application.html", _application_context(request, call, application))


@_post_by("grants.screen_application")
def start(request, call, pk):
    call = _call(call)
    application = _screened_application(call, pk)
    try:
        services.screening_start(application=application, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("screening:application", call=call.code, pk=application.pk)


@_post_by("grants.screen_application")
def record_checks(request, call, pk):
    call = _call(call)
    application = _screened_application(call, pk)
    screening = selectors.screening_of(application)
    if screening is None:
        raise Http404
    form = forms.ChecksForm(request.POST, screening=screening)
    if form.is_valid():
        try:
            services.screening_record_checks(screening=screening, results=form.results(), actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The checks are saved."))
            return redirect("screening:application", call=call.code, pk=application.pk)
    context = _application_context(request, call, application, checks_form=form)
    return render(request, "grants/screening/application.html", context, status=422)


@_post_by("grants.screen_application")
def decide(request, call, pk):
    call = _call(call)
    application = _screened_application(call, pk)
    screening = selectors.screening_of(application)
    if screening is None:
        raise Http404
    form = forms.DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.screening_decide(screening=screening, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The decision on %(number)s is recorded.")
                             % {"number": application.registration_number})
            return redirect("screening:call", call=call.code)
    context = _application_context(request, call, application, decision_form=form)
    return render(request, "grants/screening/application.html", context, status=422)


@_post_by("grants.screen_application")
def reopen(request, call, pk):
    call = _call(call)
    application = _screened_application(call, pk)
    screening = selectors.screening_of(application)
    if screening is None:
        raise Http404
    try:
        services.screening_reopen(screening=screening, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("screening:application", call=call.code, pk=application.pk)


@login_required
def publish(request, call):
    _require(request, "grants.publish_screening_conclusion")
    call = _call(call)
    error = None
    if request.method == "POST":
        try:
            services.conclusion_publish(call=call, actor=request.user)
        except ValidationError as refusal:
            error = refusal.messages
        else:
            messages.success(request, _("The screening conclusion is published; the NGOs are being notified."))
            return redirect("results:screening", call=call.code)
    entries = list(selectors.conclusion_entries(call))
    return render(
        request,
        "grants/screening/publish.html",
        {
            "call": call, "error": error, "undecided": selectors.undecided_count(call),
            "admitted": [a for a in entries if a.screening.decision == ScreeningDecision.ADMITTED],
            "not_admitted": [a for a in entries if a.screening.decision == ScreeningDecision.NOT_ADMITTED],
            "published": selectors.conclusion_of(call.code), "closed": timezone.now() >= call.closes_at,
        },
        status=409 if error else 200,
    )


@login_required
def export_csv(request, call):
    _require(request, "grants.export_applications")
    call = _call(call)
    response = HttpResponse(exports.as_csv(selectors.call_applications(call)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="applications-{call.code}.csv"'
    return response


@login_required
def export_xlsx(request, call):
    _require(request, "grants.export_applications")
    call = _call(call)
    content = exports.as_xlsx(selectors.call_applications(call), title=call.code)
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="applications-{call.code}.xlsx"'
    return response
