"""The grantee's reports (ours, one report, a section with autosave, evidence, submission, receipts) and the
monitoring officer's queue and review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from grants.workdays import local_date
from portal.actions import add_errors, button_action, requires
from portal.esign.services import signed

from .. import finance, selectors, services
from ..choices import EvidenceKind, ReportStatus, Section
from ..forms import EvidenceForm, ReviewForm, SectionForm
from .common import is_htmx, require, visible_report

SECTION_TEMPLATES = {code: f"monitoring/sections/{code}.html" for code in Section.values}


def _can_edit(request, report) -> bool:
    return report.status in selectors.EDITABLE and request.user.has_perm("monitoring.edit_report", report)


def _sections(report, current=None) -> list[dict]:
    review = selectors.latest_review(report)
    comments = review.comments if review and report.status == ReportStatus.CHANGES_REQUESTED else {}
    return [{"code": code, "label": label, "filled": code in report.content, "comment": comments.get(code, ""),
             "current": code == current} for code, label in Section.choices]


@login_required
def my_reports(request):
    require(request, "monitoring.view_own_reports")
    reports = list(selectors.reports_of_user(request.user))
    today = local_date(timezone.now())
    for report in reports:
        report.late = selectors.is_late(report, today)
    return render(request, "monitoring/my_reports.html", {"reports": reports})


@login_required
def report(request, pk: int):
    item = visible_report(request, pk)
    user = request.user
    rounds = list(item.submissions.all())
    return render(request, "monitoring/report.html", {
        "report": item, "grant": item.grant, "sections": _sections(item), "rounds": rounds,
        "late": selectors.is_late(item), "can_edit": _can_edit(request, item),
        "can_submit": item.status in (ReportStatus.DRAFT, ReportStatus.CHANGES_REQUESTED)
        and user.has_perm("monitoring.submit_report", item),
        "missing": services.reports.missing(item) if item.status in selectors.EDITABLE else [],
        "can_review": item.status == ReportStatus.SUBMITTED and user.has_perm("monitoring.review_report", item),
        "indicators": selectors.indicator_rows(item), "activities": selectors.activity_rows(item),
        "finance": selectors.finance_lines(item), "share": selectors.achievement_share(item),
        "files": selectors.files_by_place(item),
        "beneficiaries": (item.content.get(Section.BENEFICIARIES) or {}).get("rows", []),
        "narrative": item.content.get(Section.NARRATIVE) or {},
    })


def _status(request, context: dict, *, status: int) -> HttpResponse:
    html = render_to_string("monitoring/partials/autosave_status.html", context, request=request)
    return HttpResponse(html, status=status)


@never_cache
def section(request, pk: int, section: str):
    if section not in Section.values:
        raise Http404
    if not request.user.is_authenticated:
        if request.method == "POST" and is_htmx(request):
            return _status(request, {"outcome": "signed_out", "login_url": reverse("account_login")}, status=401)
        return redirect_to_login(request.get_full_path())
    item = visible_report(request, pk)
    if not _can_edit(request, item):
        if request.method == "POST":
            if is_htmx(request):
                return _status(request, {"outcome": "refused", "message": _("This report cannot be changed now.")},
                               status=403)
            messages.error(request, _("This report cannot be changed now."))
        return redirect("monitoring:report", pk=item.pk)
    form = SectionForm(request.POST or None, report=item, section=section)
    status = 200
    if request.method == "POST":
        version = request.POST.get("version")
        version = int(version) if (version or "").isdigit() else None
        if form.is_valid():
            try:
                item = services.report_save_section(report=item, section=section, data=form.data_for_service(),
                                                    version=version, actor=request.user)
            except services.StaleSection as error:
                if is_htmx(request):
                    return _status(request, {"outcome": "conflict", "message": error.messages[0]}, status=409)
                form.add_error(None, error)
                status = 409
            except ValidationError as error:
                if is_htmx(request):
                    return _status(request, {"outcome": "invalid", "errors": error.messages}, status=422)
                add_errors(form, error)
                status = 400
            else:
                if is_htmx(request):
                    return _status(request, {"outcome": "saved", "report": item, "section": section,
                                             "version": item.versions.get(section, 0)}, status=200)
                messages.success(request, _("The section is saved."))
                following = _next(section) if request.POST.get("then") == "next" else None
                if following:
                    return redirect("monitoring:section", pk=item.pk, section=following)
                return redirect("monitoring:report", pk=item.pk)
        else:
            if is_htmx(request):
                errors = [message for errors in form.errors.values() for message in errors]
                return _status(request, {"outcome": "invalid", "errors": errors}, status=422)
            status = 400
    review = selectors.latest_review(item)
    comment = review.comments.get(section, "") if review and item.status == ReportStatus.CHANGES_REQUESTED else ""
    return render(request, "monitoring/section.html", {
        "report": item, "grant": item.grant, "form": form, "section": section,
        "section_label": Section(section).label, "template": SECTION_TEMPLATES[section],
        "version": item.versions.get(section, 0), "sections": _sections(item, section), "comment": comment,
        "next_section": _next(section), "evidence_rows": _evidence_rows(item, section),
        "allowed": finance.allowed_deviation(), "errors": [e for errors in form.errors.values() for e in errors],
    }, status=status)


def _evidence_rows(report, section: str) -> list[dict]:
    files = selectors.files_by_place(report)
    if section == Section.INDICATORS:
        kinds = [(k, label) for k, label in EvidenceKind.choices if k != EvidenceKind.SUPPORTING]
        return [{"name": indicator.get("name", ""), "position": n, "line": "", "key": f"i{n}", "kinds": kinds,
                 "files": files.get((Section.INDICATORS, n), [])}
                for n, indicator in enumerate(report.grant.indicators)]
    if section == Section.FINANCE:
        kinds = [(EvidenceKind.SUPPORTING, EvidenceKind.SUPPORTING.label)]
        return [{"name": line.label, "position": None, "line": line.category, "key": f"f{line.category}",
                 "kinds": kinds, "files": files.get((Section.FINANCE, line.category), [])}
                for line in selectors.finance_lines(report)]
    return []


def _next(section: str) -> str | None:
    codes = list(Section.values)
    position = codes.index(section)
    return codes[position + 1] if position + 1 < len(codes) else None


@login_required
@require_POST
def file_add(request, pk: int):
    item = visible_report(request, pk)
    require(request, "monitoring.edit_report", item)
    form = EvidenceForm(request.POST, request.FILES)
    section = request.POST.get("section") if request.POST.get("section") in Section.values else Section.INDICATORS
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("monitoring:section", pk=item.pk, section=section)
    data = form.cleaned_data
    try:
        services.report_add_file(report=item, section=data["section"], kind=data["kind"], upload=data["upload"],
                                 position=data.get("position"), line=data.get("line") or "", actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The file is added."))
    return redirect("monitoring:section", pk=item.pk, section=data["section"])


@login_required
@require_POST
def file_remove(request, pk: int, file: int):
    item = visible_report(request, pk)
    require(request, "monitoring.edit_report", item)
    evidence = get_object_or_404(item.files.all(), pk=file)
    section = evidence.section
    return button_action(request, lambda: services.report_remove_file(item=evidence, actor=request.user),
                         success=_("The file is removed."),
                         redirect_to=reverse("monitoring:section", kwargs={"pk": item.pk, "section": section}))


@login_required
def file_download(request, pk: int, file: int):
    item = visible_report(request, pk)
    evidence = get_object_or_404(item.files.all(), pk=file)
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.name,
                        content_type=evidence.content_type)


@login_required
@require_POST
def submit(request, pk: int):
    item = visible_report(request, pk)
    require(request, "monitoring.submit_report", item)
    # The head's electronic signature (or confirmation) around the submission service (portal.esign).
    return button_action(request, lambda: signed(actor=request.user, action="monitoring.report_submit", obj=item,
                                                 data=request.POST, perform=lambda method: services.report_submit(
                                                     report=item, actor=request.user)),
                         success=_("The report is submitted. The receipt is being prepared; the monitoring officer "
                                   "is told."),
                         refused=_("The report is not submitted:"),
                         redirect_to=reverse("monitoring:report", kwargs={"pk": item.pk}))


@login_required
def receipt(request, pk: int, round: int):
    item = visible_report(request, pk)
    submission = next((s for s in item.submissions.all() if s.round == round), None)
    if submission is None or not submission.receipt:
        raise Http404
    return FileResponse(submission.receipt.open("rb"), content_type="application/pdf",
                        filename=f"receipt-{submission.number}.pdf")


@login_required
def review_pdf(request, pk: int, round: int):
    item = visible_report(request, pk)
    submission = next((s for s in item.submissions.all() if s.round == round), None)
    review = getattr(submission, "review", None) if submission else None
    if review is None or not review.pdf:
        raise Http404
    return FileResponse(review.pdf.open("rb"), content_type="application/pdf",
                        filename=f"conclusion-{submission.number}.pdf")


@login_required
def review(request, pk: int):
    item = visible_report(request, pk)
    require(request, "monitoring.review_report", item)
    if item.status != ReportStatus.SUBMITTED:
        messages.info(request, _("The report is not waiting for a review."))
        return redirect("monitoring:report", pk=item.pk)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        try:
            services.report_review(report=item, actor=request.user, accept=accept, comments=form.comments(),
                                   conclusion=form.cleaned_data["conclusion"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The report is accepted.") if accept else
                             _("Changes are requested: the NGO sees your comments beside its fields."))
            return redirect("monitoring:report", pk=item.pk)
    return render(request, "monitoring/review.html", {
        "report": item, "grant": item.grant, "form": form, "sections": _sections(item),
        "indicators": selectors.indicator_rows(item),
        "activities": selectors.activity_rows(item), "finance": selectors.finance_lines(item),
        "files": selectors.files_by_place(item), "share": selectors.achievement_share(item),
        "narrative": item.content.get(Section.NARRATIVE) or {},
        "beneficiaries": (item.content.get(Section.BENEFICIARIES) or {}).get("rows", []),
        "comment_fields": [(label, form[f"comment_{code}"]) for code, label in Section.choices],
    }, status=400 if request.method == "POST" else 200)


@requires("monitoring.view_reports")
def queue(request):
    status = request.GET.get("status", "")
    status = status if status in ReportStatus.values else ""
    late = request.GET.get("late") == "1"
    reports = list(selectors.staff_queue(status=status, late=late, query=(request.GET.get("q") or "")[:100]))
    today = local_date(timezone.now())
    for item in reports:
        item.late = selectors.is_late(item, today)
    return render(request, "monitoring/staff/queue.html", {
        "reports": reports, "status": status, "late": late, "statuses": ReportStatus.choices,
        "query": request.GET.get("q", "")})
