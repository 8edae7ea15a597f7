"""My applications, starting one, a draft section by section with autosave, and the versions kept after a conflict."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from grants.models import Lot
from ngos import selectors as ngo_selectors
from ngos.models import NGO
from portal.esign.selectors import attach_records

from .. import budget, forms, selectors, services
from ..choices import Section
from ..models import Application, DraftConflict
from .common import (
    ROW_TEMPLATES,
    application_for,
    budget_context,
    can_edit,
    is_htmx,
    raw_post,
    sections_nav,
    status_fragment,
)


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
    if not lot.call.is_public:
        raise Http404  # a lot of a call not yet announced is nobody's business
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
            application = services.application_start(lot=lot, ngo=form.cleaned_data["ngo"], actor=request.user)
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
    application = application_for(request, pk)
    application = selectors.application_with_content(application.pk)
    submissions = attach_records(list(application.submissions.select_related("submitted_by", "withdrawn_by")),
                                 actions=("grants.application_submit",))
    return render(
        request,
        "grants/applications/detail.html",
        {
            "application": application,
            "steps": selectors.status_steps(application),
            "timeline": selectors.timelines([application]).get(application.pk, []),
            "submissions": submissions,
            "conflicts": list(selectors.open_conflicts(application)),
            "can_edit": can_edit(request, application),
            "can_withdraw": request.user.has_perm("grants.withdraw_application", application)
            and application.lot.call.is_open(),
            "budget_totals": budget.totals_of_lines(application.budget_lines.all()),
            **sections_nav(application),
        },
    )


@never_cache
def section(request, pk, section):
    if section == Section.DOCUMENTS:
        return redirect("applications:documents", pk=pk)
    if section not in forms.SECTION_FORMS:
        raise Http404
    if not request.user.is_authenticated:
        if is_htmx(request) and request.method == "POST":
            login = reverse("account_login") + "?next=" + request.path
            return status_fragment(request, {"outcome": "signed_out", "login_url": login}, status=401)
        return redirect_to_login(request.get_full_path())
    application = application_for(request, pk)
    now = timezone.now()
    editable = can_edit(request, application, now)
    if not editable and request.method == "GET":
        return redirect("applications:detail", pk=application.pk)
    application = selectors.application_with_content(application.pk)
    saved = selectors.section_versions(application).get(section)
    version = saved.version if saved else 0
    form = forms.section_form(section, application, request.POST if request.method == "POST" else None)
    context = {"application": application, "section": section, "form": form, "version": version, "saved": saved}

    if request.method == "POST":
        htmx = is_htmx(request)
        if not editable:
            message = _("This application can no longer be changed here.")
            if htmx:
                return status_fragment(request, {"outcome": "refused", "message": message}, status=403)
            raise PermissionDenied(message)
        version_form = forms.VersionForm(request.POST)
        if not version_form.is_valid():
            # Not a version this page sent (tampered, or a page from before an upgrade): say so, save nothing.
            message = str(forms.VersionForm.REFUSAL)
            if htmx:
                return status_fragment(request, {"outcome": "refused", "message": message}, status=400)
            context["errors"] = [message]
            return _render_section(request, context, status=400)
        posted_version = version_form.cleaned_data["version"]
        context["version"] = posted_version
        if not form.is_valid():
            if htmx:
                return status_fragment(request, {"outcome": "invalid", "errors": forms.form_errors(form)}, status=422)
            context["errors"] = forms.form_errors(form)
            return _render_section(request, context, status=422)
        try:
            saved = services.application_save_section(
                application=application, section=section, data=form.payload(), raw=raw_post(request.POST),
                version=posted_version, actor=request.user, now=now,
            )
        except services.StaleSection as stale:
            context.update(outcome="conflict", conflict=stale.conflict, current=stale.saved)
            if htmx:
                return status_fragment(request, context, status=409)
            return _render_section(request, context, status=409)
        except ValidationError as error:
            if htmx:
                return status_fragment(request, {"outcome": "refused", "message": " ".join(error.messages)}, status=403)
            messages.error(request, " ".join(error.messages))
            return redirect("applications:detail", pk=application.pk)
        if htmx:
            fresh = selectors.application_with_content(application.pk)
            status_context = {"outcome": "saved", "saved": saved, "section": section, "application": fresh}
            if section == Section.BUDGET:
                status_context.update(budget_context(fresh))
            return status_fragment(request, status_context, status=200)
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
    context.update(sections_nav(application, section))
    context["next_section"] = _next_section(section)
    context["section_label"] = Section(section).label
    context["conflicts"] = list(selectors.open_conflicts(application, section))
    context["template"] = ROW_TEMPLATES.get(section, "partials/form_fields.html")
    context["autosave_url"] = reverse("applications:section", kwargs={"pk": application.pk, "section": section})
    if section == Section.BUDGET:
        context.update(budget_context(application))
    return render(request, "grants/applications/section.html", context, status=status)


@login_required
def conflict(request, pk, conflict):
    application = application_for(request, pk)
    if not request.user.has_perm("grants.edit_application", application):
        raise Http404
    conflict = get_object_or_404(DraftConflict.objects.select_related("author"), pk=conflict, application=application)
    if request.method == "POST":
        services.conflict_resolve(conflict=conflict, actor=request.user)
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
