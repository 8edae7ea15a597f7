"""The yearly NGO-database report from the NGO's side: years, the draft, submission, corrections."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from portal.esign.services import signed

from .. import selectors, services
from ..choices import ReportStatus
from ..forms import YearlyReportForm, line_formsets
from ..models import YearlyReport, YearlyReportVersion, report_deadline
from .common import get_ngo, messages_of, post_only, require


@login_required
def report_list(request, bin):
    ngo = get_ngo(bin)
    require(request, "ngos.view_own_ngo", ngo)
    return render(
        request,
        "ngos/manage/reports.html",
        {"ngo": ngo, "reports": selectors.report_overview(ngo, include_drafts=True), "section": "reports"},
    )


def _expected_year(ngo, year):
    if year not in selectors.reporting_years(ngo) and not YearlyReport.objects.filter(ngo=ngo, year=year).exists():
        raise Http404


@login_required
def report_view(request, bin, year, number=None):
    """A submitted version (the latest unless `number` is given) and the history of versions."""
    ngo = get_ngo(bin)
    require(request, "ngos.view_own_ngo", ngo)
    report = YearlyReport.objects.filter(ngo=ngo, year=year).first()
    if report is None:
        _expected_year(ngo, year)
        return redirect("ngos:report_edit", bin=ngo.bin, year=year)
    versions = list(selectors.report_versions(report))
    submitted = [v for v in versions if v.status == ReportStatus.SUBMITTED]
    draft = next((v for v in versions if v.status == ReportStatus.DRAFT), None)
    if number is None:
        if not submitted:
            return redirect("ngos:report_edit", bin=ngo.bin, year=year)
        version = submitted[0]
    else:
        version = next((v for v in versions if v.number == number), None)
        if version is None:
            raise Http404
        if version.is_draft:
            return redirect("ngos:report_edit", bin=ngo.bin, year=year)
    return render(
        request,
        "ngos/manage/report_view.html",
        {
            "ngo": ngo, "report": report, "version": version, "versions": versions, "draft": draft,
            "latest": submitted[0] if submitted else None, "section": "reports",
            "funds_total": sum((line.amount for line in version.fund_sources.all()), 0),
            "spending_total": sum((line.amount for line in version.spending.all()), 0),
        },
    )


@login_required
def report_edit(request, bin, year):
    """The draft for the year. "Save" keeps what was typed; the head may also submit from here."""
    ngo = get_ngo(bin)
    require(request, "ngos.edit_yearly_report", ngo)
    _expected_year(ngo, year)
    report = YearlyReport.objects.filter(ngo=ngo, year=year).first()
    version = None
    if report is not None:
        version = report.versions.filter(status=ReportStatus.DRAFT).prefetch_related("fund_sources", "spending").first()
        if version is None:
            messages.info(request, _("This report is submitted. To change it, start a correction."))
            return redirect("ngos:report", bin=ngo.bin, year=year)
    can_submit = request.user.has_perm("ngos.submit_yearly_report", ngo)
    data = request.POST if request.method == "POST" else None
    form = YearlyReportForm(data, instance=version or YearlyReportVersion(number=1))
    sources, spending = line_formsets(data, version)
    if request.method == "POST" and all([form.is_valid(), sources.is_valid(), spending.is_valid()]):
        try:
            if version is None:
                version = services.report_start(ngo=ngo, year=year, actor=request.user)
            version = services.report_save_draft(
                version=version, actor=request.user, fields=form.cleaned_data,
                fund_sources=[line for f in sources.forms if (line := f.line())],
                spending=[line for f in spending.forms if (line := f.line())],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if request.POST.get("action") == "submit" and can_submit:
                try:
                    signed(actor=request.user, action="ngos.report_submit", obj=version, data=request.POST,
                           perform=lambda method: services.report_submit(version=version, actor=request.user))
                except ValidationError as error:
                    for message in messages_of(error):
                        messages.error(request, message)
                    messages.info(request, _("The draft is saved."))
                    return redirect("ngos:report_edit", bin=ngo.bin, year=year)
                messages.success(
                    request,
                    _("The report for %(year)s is submitted. The NGO is listed in the NGO database for %(year)s.")
                    % {"year": year},
                )
                return redirect("ngos:report", bin=ngo.bin, year=year)
            messages.success(request, _("The draft is saved."))
            return redirect("ngos:report_edit", bin=ngo.bin, year=year)
    if version is None and request.method == "GET":
        # A new report starts with last year's stable answers, as report_start would fill them.
        previous = (
            YearlyReportVersion.objects.filter(report__ngo=ngo, report__year__lt=year, status=ReportStatus.SUBMITTED)
            .order_by("-report__year", "-number")
            .first()
        )
        if previous is not None:
            form = YearlyReportForm(
                initial={name: getattr(previous, name) for name in services.reports.CARRIED_OVER},
                instance=YearlyReportVersion(number=1),
            )
    return render(
        request,
        "ngos/manage/report_edit.html",
        {
            "ngo": ngo, "year": year, "version": version, "form": form, "sources": sources, "spending": spending,
            "can_submit": can_submit, "deadline": report_deadline(year), "report": report, "section": "reports",
            "missing": services.missing_for_submission(version) if version is not None else [],
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def report_correct(request, bin, year):
    ngo = get_ngo(bin)
    require(request, "ngos.edit_yearly_report", ngo)
    report = get_object_or_404(YearlyReport, ngo=ngo, year=year)
    if refused := post_only(request):
        return refused
    try:
        services.report_start_correction(report=report, actor=request.user)
    except ValidationError as error:
        for message in messages_of(error):
            messages.error(request, message)
        return redirect("ngos:report", bin=ngo.bin, year=year)
    messages.info(request, _("A correction is started as a new version. The submitted report stays as it is."))
    return redirect("ngos:report_edit", bin=ngo.bin, year=year)


@login_required
def report_discard(request, bin, year):
    ngo = get_ngo(bin)
    require(request, "ngos.edit_yearly_report", ngo)
    report = get_object_or_404(YearlyReport, ngo=ngo, year=year)
    if refused := post_only(request):
        return refused
    draft = report.versions.filter(status=ReportStatus.DRAFT).first()
    if draft is None:
        messages.error(request, _("There is no draft to discard."))
        return redirect("ngos:report", bin=ngo.bin, year=year)
    services.report_discard_draft(version=draft, actor=request.user)
    messages.success(request, _("The draft is discarded."))
    return redirect("ngos:reports", bin=ngo.bin)
