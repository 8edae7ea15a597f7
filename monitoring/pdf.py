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


def review_pdf(review) -> bytes:
    from .models import ReportReview

    review = ReportReview.objects.select_related("submission__report__grant__ngo", "reviewer").get(pk=review.pk)
    report = review.submission.report
    language = report.language if report.language in ("kk", "ru") else "kk"
    from .choices import Section

    comments = [(label, review.comments[code]) for code, label in Section.choices if review.comments.get(code)]
    return render_pdf("monitoring/pdf/review.html", {"review": review, "report": report, "grant": report.grant,
                                                     "submission": review.submission, "comments": comments},
                      language=language, number=f"{review.submission.number}-R",
                      title=_("Conclusion on a grantee report"))


def efficiency_pdf(grant, language: str) -> bytes:
    from .selectors import published_evaluation

    return render_pdf("monitoring/pdf/efficiency.html", {"grant": grant, "published": published_evaluation(grant)},
                      language=language, number=f"{grant.number}-E", title=_("Evaluation of efficiency"))
