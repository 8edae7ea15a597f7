"""The documents of monitoring: the receipt of a report's submission (in the report's language) and the visit
report (kk and ru). Rendered by the worker (tasks.py) through portal.pdf."""

from django.utils.translation import gettext_lazy as _

from portal.pdf import render_pdf

from .selectors import indicator_rows


def receipt_pdf(submission) -> bytes:
    from .models import ReportSubmission

    submission = (ReportSubmission.objects.select_related("report__grant__ngo", "report__grant__call",
                                                          "submitted_by").get(pk=submission.pk))
    report = submission.report
    context = {"submission": submission, "report": report, "grant": report.grant,
               "files": submission.snapshot.get("files", []),
               "indicators": indicator_rows(report, submission.snapshot)}
    language = report.language if report.language in ("kk", "ru") else "kk"
    return render_pdf("monitoring/pdf/receipt.html", context, language=language, number=submission.number,
                      title=_("Receipt of a grantee report"))


def visit_pdf(visit, language: str) -> bytes:
    from .selectors import visit_page

    visit = visit_page(visit.pk).get()
    return render_pdf("monitoring/pdf/visit.html", {"visit": visit, "grant": visit.grant,
                                                    "findings": list(visit.findings.all()),
                                                    "follow_ups": list(visit.follow_ups.all())},
                      language=language, number=f"{visit.grant.number}-V{visit.pk}", title=_("Monitoring visit report"))
