"""The receipt of a submission: a small PDF in the application's language, rendered in the request or a task."""

from django.utils import translation
from django.utils.translation import gettext as _

from portal.esign.selectors import records_for
from portal.formatting import astana
from portal.pdf import render_pdf

from .models import Submission


def render_receipt(submission: Submission) -> bytes:
    submission = Submission.objects.select_related(
        "application__lot__call", "application__ngo", "submitted_by"
    ).get(pk=submission.pk)
    language = submission.language or "ru"
    with translation.override(language):
        title = _("Receipt of application")
    return render_pdf(
        "grants/applications/pdf/receipt.html",
        {
            "submission": submission,
            "application": submission.application,
            "snapshot": submission.snapshot,
            "submitted_local": astana(submission.submitted_at),
            "signatures": records_for(submission, actions=("grants.application_submit",)),
        },
        language=language,
        number=submission.number,
        title=title,
    )
