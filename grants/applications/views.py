"""Applicant pages: my applications, a draft section by section with autosave, documents, the check page,
submission with its receipt, withdrawal. Another NGO's application is a 404, whatever the URL."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from grants.models import Lot
from ngos import selectors as ngo_selectors
from ngos.models import NGO, MemberRole
from reports.pdf import pdf_response

from . import budget, checks, forms, selectors, services
from .choices import REQUIRED_DOCUMENTS, DocumentKind, Section
from .models import Application, ApplicationDocument, DraftConflict, Submission

ROW_TEMPLATES = {
    Section.ACTIVITIES: "grants/applications/sections/activities.html",
    Section.BUDGET: "grants/applications/sections/budget.html",
    Section.INDICATORS: "grants/applications/sections/indicators.html",
}


def _application(request, pk: int) -> Application:
    """The application if the user may see it; a 404 otherwise, so its existence does not leak."""
    application = get_object_or_404(Application.objects.select_related("lot__call", "ngo"), pk=pk)
    if not request.user.has_perm("grants.view_application", application):
        raise Http404
    return application


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _can_edit(request, application, now=None) -> bool:
    open_now = application.lot.call.is_accepting_applications(now or timezone.now())
    return open_now and request.user.has_perm("grants.edit_application", application)


def _sections_nav(application, current: str | None = None):
    states = selectors.section_states(application)
    return {"states": states, "progress": selectors.progress(states), "current": current}


@login_required
def my_applications(request):
    applications = list(selectors.applications_of_user(request.user))
    timelines = selectors.timelines(applications)
    for application in applications:
        application.steps = selectors.status_steps(application)
        application.timeline = timelines.get(application.pk, [])
        application.receipt = selectors.current_submission(application)
    return render(
        request,
        "grants/applications/list.html",
        {"applications": applications, "now": timezone.now(), "calls_url": reverse("calls:list")},
    )


@login_required
def start(request, lot):
    lot = get_object_or_404(Lot.objects.select_related("call", "region"), code=lot)
    ngos = NGO.objects.filter(memberships__user=request.user).order_by("name_ru")
    verified = [ngo for ngo in ngos if request.user.has_perm("grants.start_application", ngo)]
    if not verified:
        raise PermissionDenied(_("Only members of a verified NGO may apply."))
    existing = {a.ngo_id: a for a in Application.objects.filter(lot=lot, ngo__in=verified)}
    current = ngo_selectors.current_membership(request)
    form = forms.StartForm(
        request.POST or None, ngos=NGO.objects.filter(pk__in=[n.pk for n in verified]),
        initial={"ngo": current.ngo_id if current else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_start(lot=lot, ngo=form.cleaned_data["ngo"], user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("applications:section", pk=application.pk, section=Section.OVERVIEW)
    return render(
        request,
        "grants/applications/start.html",
        {"lot": lot, "form": form, "existing": existing, "verified": verified,
         "is_open": lot.call.is_accepting_applications(timezone.now())},
    )


@login_required
def detail(request, pk):
    application = _application(request, pk)
    application = selectors.application_with_content(application.pk)
    submissions = list(application.submissions.select_related("submitted_by", "withdrawn_by"))
    return render(
        request,
        "grants/applications/detail.html",
        {
            "application": application,
            "steps": selectors.status_steps(application),
            "timeline": selectors.timelines([application]).get(application.pk, []),
            "submissions": submissions,
            "conflicts": list(selectors.open_conflicts(application)),
            "can_edit": _can_edit(request, application),
            "can_withdraw": request.user.has_perm("grants.withdraw_application", application)
            and application.lot.call.is_open(),
            "budget_totals": budget.totals_of_lines(application.budget_lines.all()),
            **_sections_nav(application),
        },
    )


def _raw(post) -> dict:
    """What the user typed, as posted, for a kept version (without the token and the version)."""
    return {
        key: values if len(values) > 1 else values[0]
        for key, values in post.lists()
        if key not in ("csrfmiddlewaretoken", "version")
    }


def _status(request, template_context: dict, *, status: int) -> HttpResponse:
    html = render_to_string("grants/applications/partials/autosave_status.html", template_context, request=request)
    return HttpResponse(html, status=status)


def _budget_context(application):
    totals = budget.totals_of_lines(application.budget_lines.all())
    return {"budget_totals": totals, "budget_violations": budget.violations(totals, lot_budget=application.lot.budget)}


@never_cache
def section(request, pk, section):
    if section == Section.DOCUMENTS:
        return redirect("applications:documents", pk=pk)
    if section not in forms.SECTION_FORMS:
        raise Http404
    if not request.user.is_authenticated:
        if _is_htmx(request) and request.method == "POST":
            login = reverse("account_login") + "?next=" + request.path
            return _status(request, {"outcome": "signed_out", "login_url": login}, status=401)
        return redirect_to_login(request.get_full_path())
    application = _application(request, pk)
    now = timezone.now()
    editable = _can_edit(request, application, now)
    if not editable and request.method == "GET":
        return redirect("applications:detail", pk=application.pk)
    application = selectors.application_with_content(application.pk)
    saved = selectors.section_versions(application).get(section)
    version = saved.version if saved else 0
    form = forms.section_form(section, application, request.POST if request.method == "POST" else None)
    context = {"application": application, "section": section, "form": form, "version": version, "saved": saved}

    if request.method == "POST":
        htmx = _is_htmx(request)
        if not editable:
            message = _("This application can no longer be changed here.")
            if htmx:
                return _status(request, {"outcome": "refused", "message": message}, status=403)
            raise PermissionDenied(message)
        version_form = forms.VersionForm(request.POST)
        if not version_form.is_valid():
            return HttpResponse(status=400)
        posted_version = version_form.cleaned_data["version"]
        context["version"] = posted_version
        if not form.is_valid():
            if htmx:
                return _status(request, {"outcome": "invalid", "errors": forms.form_errors(form)}, status=422)
            context["errors"] = forms.form_errors(form)
            return _render_section(request, context, status=422)
        try:
            saved = services.application_save_section(
                application=application, section=section, data=form.payload(), raw=_raw(request.POST),
                version=posted_version, user=request.user, now=now,
            )
        except services.StaleSection as stale:
            context.update(outcome="conflict", conflict=stale.conflict, current=stale.saved)
            if htmx:
                return _status(request, context, status=409)
            return _render_section(request, context, status=409)
        except ValidationError as error:
            if htmx:
                return _status(request, {"outcome": "refused", "message": " ".join(error.messages)}, status=403)
            messages.error(request, " ".join(error.messages))
            return redirect("applications:detail", pk=application.pk)
        if htmx:
            fresh = selectors.application_with_content(application.pk)
            status_context = {"outcome": "saved", "saved": saved, "section": section, "application": fresh}
            if section == Section.BUDGET:
                status_context.update(_budget_context(fresh))
            return _status(request, status_context, status=200)
        messages.success(request, _("The section “%(section)s” is saved.") % {"section": Section(section).label})
        following = _next_section(section)
        if request.POST.get("then") == "next" and following:
            return redirect("applications:section", pk=application.pk, section=following)
        return redirect("applications:section", pk=application.pk, section=section)
    return _render_section(request, context)


def _next_section(section: str) -> str | None:
    order = list(Section)
    index = order.index(section)
    return order[index + 1].value if index + 1 < len(order) else None


def _render_section(request, context, status=200):
    application = context["application"]
    section = context["section"]
    context.update(_sections_nav(application, section))
    context["next_section"] = _next_section(section)
    context["section_label"] = Section(section).label
    context["conflicts"] = list(selectors.open_conflicts(application, section))
    context["template"] = ROW_TEMPLATES.get(section, "grants/applications/sections/fields.html")
    context["autosave_url"] = reverse("applications:section", kwargs={"pk": application.pk, "section": section})
    if section == Section.BUDGET:
        context.update(_budget_context(application))
    return render(request, "grants/applications/section.html", context, status=status)


@login_required
def documents(request, pk):
    application = _application(request, pk)
    now = timezone.now()
    editable = _can_edit(request, application, now)
    if not editable and request.method == "GET":
        return redirect("applications:detail", pk=application.pk)
    form = forms.DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if form.is_valid():
            try:
                document = services.document_upload(
                    application=application, kind=form.cleaned_data["kind"], upload=form.cleaned_data["file"],
                    user=request.user, now=now,
                )
            except ValidationError as error:
                form.add_error("file", error)
            else:
                messages.success(request, _("“%(name)s” is attached.") % {"name": document.name})
                return redirect("applications:documents", pk=application.pk)
    application = selectors.application_with_content(application.pk)
    return render(
        request,
        "grants/applications/documents.html",
        {
            "application": application, "form": form, "section": Section.DOCUMENTS,
            "section_label": Section.DOCUMENTS.label,
            "upload_limit": settings.UPLOAD_MAX_BYTES,
            "required": [DocumentKind(k) for k in REQUIRED_DOCUMENTS],
            **_sections_nav(application, Section.DOCUMENTS),
        },
    )


def _document(request, pk, document) -> tuple[Application, ApplicationDocument]:
    application = _application(request, pk)
    return application, get_object_or_404(ApplicationDocument, pk=document, application=application)


@login_required
def document_download(request, pk, document):
    _application_, document = _document(request, pk, document)
    response = FileResponse(document.file.open("rb"), as_attachment=True, filename=document.name,
                            content_type=document.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def document_replace(request, pk, document):
    application, document = _document(request, pk, document)
    if not _can_edit(request, application):
        raise PermissionDenied
    form = forms.DocumentReplaceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.document_replace(document=document, upload=form.cleaned_data["file"], user=request.user)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("The document is replaced with “%(name)s”.") % {"name": document.name})
            return redirect("applications:documents", pk=application.pk)
    return render(request, "grants/applications/document_replace.html",
                  {"application": application, "document": document, "form": form})


@login_required
def document_delete(request, pk, document):
    application, document = _document(request, pk, document)
    if not _can_edit(request, application):
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.document_delete(document=document, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("“%(name)s” is removed.") % {"name": document.name})
        return redirect("applications:documents", pk=application.pk)
    return render(request, "grants/applications/document_delete.html",
                  {"application": application, "document": document})


def _check_context(request, application, now):
    states = selectors.section_states(application)
    general = checks.general_problems(application, now=now)
    problems = [p for s in states for p in s.problems]
    heads = list(application.ngo.memberships.filter(role=MemberRole.HEAD).select_related("user"))
    return {
        "application": application,
        "general": general,
        "states": states,
        "problem_count": len(general) + len(problems),
        "progress": selectors.progress(states),
        "can_submit": request.user.has_perm("grants.submit_application", application),
        "heads": heads,
        "heads_list": ", ".join(str(m.user) for m in heads),
        "now": now,
    }


@login_required
def check(request, pk):
    application = _application(request, pk)
    if not request.user.has_perm("grants.edit_application", application):
        return redirect("applications:detail", pk=application.pk)
    application = selectors.application_with_content(application.pk)
    return render(request, "grants/applications/check.html", _check_context(request, application, timezone.now()))


@login_required
def submit(request, pk):
    application = _application(request, pk)
    if request.method == "POST" and request.user.has_perm("grants.withdraw_application", application):
        # A second click, or a second tab, once the first went through: the same receipt, no second number.
        submission = services.application_submit(application=application, user=request.user)
        messages.info(request, _("Application %(number)s is already submitted.") % {"number": submission.number})
        return redirect("applications:detail", pk=application.pk)
    if not request.user.has_perm("grants.submit_application", application):
        raise PermissionDenied(_("Only the head of the NGO may submit its application."))
    now = timezone.now()
    if request.method == "POST":
        try:
            submission = services.application_submit(application=application, user=request.user, now=now)
        except ValidationError as error:
            application = selectors.application_with_content(application.pk)
            context = _check_context(request, application, now)
            context["refusal"] = error.messages
            return render(request, "grants/applications/submit.html", context, status=409)
        messages.success(
            request,
            _("Application %(number)s is submitted. The receipt is below and has been sent to the NGO's members.")
            % {"number": submission.number},
        )
        return redirect("applications:detail", pk=application.pk)
    application = selectors.application_with_content(application.pk)
    return render(request, "grants/applications/submit.html", _check_context(request, application, now))


@login_required
def withdraw(request, pk):
    application = _application(request, pk)
    if not request.user.has_perm("grants.withdraw_application", application):
        raise PermissionDenied(_("Only the head of the NGO may withdraw a submitted application."))
    form = forms.WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_withdraw(
                application=application, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The application is withdrawn. You may change it and submit it again "
                                        "until the deadline."))
            return redirect("applications:detail", pk=application.pk)
    return render(request, "grants/applications/withdraw.html", {"application": application, "form": form})


@login_required
def receipt(request, pk, submission):
    application = _application(request, pk)
    submission = get_object_or_404(Submission, pk=submission, application=application)
    pdf = services.submission_receipt(submission=submission)
    return pdf_response(pdf, filename=f"receipt-{submission.number}.pdf")


@login_required
def conflict(request, pk, conflict):
    application = _application(request, pk)
    if not request.user.has_perm("grants.edit_application", application):
        raise Http404
    conflict = get_object_or_404(DraftConflict.objects.select_related("author"), pk=conflict, application=application)
    if request.method == "POST":
        services.conflict_resolve(conflict=conflict, user=request.user)
        messages.success(request, _("The kept version is set aside."))
        return redirect("applications:section", pk=application.pk, section=conflict.section)
    application = selectors.application_with_content(application.pk)
    posted = QueryDict(mutable=True)
    for key, value in conflict.data.items():
        posted.setlist(key, value if isinstance(value, list) else [value])
    kept = forms.section_form(conflict.section, application, posted)
    kept.is_valid()
    current = forms.section_form(conflict.section, application)
    return render(
        request,
        "grants/applications/conflict.html",
        {"application": application, "conflict": conflict, "kept": kept, "current": current,
         "section_label": Section(conflict.section).label},
    )
