"""The appeal's outcome letter, one PDF per language (Kazakh, Russian); reads selectors, never services."""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.pdf import render_pdf

from .selectors import appeal_for_page


def letter_pdf(appeal, *, language: str) -> bytes:
    appeal = appeal_for_page(appeal.pk)
    application = appeal.application
    with translation.override(language):
        title = _("Decision on appeal %(number)s") % {"number": appeal.number}
        return render_pdf("appeals/pdf/letter.html", {
            "appeal": appeal, "application": application, "ngo": application.ngo, "call": application.lot.call,
            "lot": application.lot, "issued_at": appeal.decided_at or appeal.reviewed_at or timezone.now(),
            "ngo_name": getattr(application.ngo, f"name_{language}", "") or str(application.ngo),
            "operator_email": settings.OPERATOR_EMAIL,
        }, language=language, number=appeal.number.replace("-", "/"), title=title)
