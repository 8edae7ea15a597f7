"""E-mails to the members of the applicant NGO, each in the member's own language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from ngos.models import Membership
from portal.formatting import astana

from .models import Submission


def _members(ngo):
    return [m.user for m in Membership.objects.filter(ngo=ngo, user__is_active=True).select_related("user")]


def _site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def submission_receipt(submission: Submission, pdf: bytes) -> int:
    """Every member learns the number and time, with the receipt attached."""
    application = submission.application
    sent = 0
    for user in _members(application.ngo):
        with translation.override(user.language):
            subject = _("Application %(number)s is submitted") % {"number": submission.number}
            body = render_to_string(
                "grants/applications/email/submitted.txt",
                {
                    "user": user, "submission": submission, "application": application,
                    "submitted_local": astana(submission.submitted_at),
                    "url": _site_url(application.get_absolute_url()),
                },
            )
        message = EmailMessage(subject, body, to=[user.email])
        message.attach(f"receipt-{submission.number}.pdf", pdf, "application/pdf")
        sent += message.send()
    return sent


def withdrawal_notice(submission: Submission) -> int:
    application = submission.application
    sent = 0
    for user in _members(application.ngo):
        with translation.override(user.language):
            subject = _("Application %(number)s is withdrawn") % {"number": submission.number}
            body = render_to_string(
                "grants/applications/email/withdrawn.txt",
                {
                    "user": user, "submission": submission, "application": application,
                    "withdrawn_local": astana(submission.withdrawn_at),
                    "url": _site_url(application.get_absolute_url()),
                },
            )
        sent += EmailMessage(subject, body, to=[user.email]).send()
    return sent
