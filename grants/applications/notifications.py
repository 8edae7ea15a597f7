"""E-mails to the members of the applicant NGO, each in the member's own language, written to the outbox in the
transaction of the submission or withdrawal (portal.mail)."""

from django.utils.translation import gettext_noop

from ngos.models import Membership
from portal import mail
from portal.formatting import astana

from .models import Submission


def members(ngo) -> list:
    """The users who are told about the NGO's applications: its active members."""
    return [m.user for m in Membership.objects.filter(ngo=ngo, user__is_active=True).select_related("user")]


_members = members


def receipt_attachment(submission_id: int) -> tuple[str, bytes, str]:
    """Called by the outbox worker: the receipt PDF, rendered once and kept, attached to every member's e-mail."""
    from .services import submission_receipt

    submission = Submission.objects.select_related("application__lot__call", "application__ngo").get(pk=submission_id)
    return f"receipt-{submission.number}.pdf", submission_receipt(submission=submission), "application/pdf"


def submission_receipt(submission: Submission, *, to: list | None = None) -> list:
    """Every member learns the number and time, with the receipt attached. `to`: the members, when the caller
    read them already (the submission reads them before it takes its number)."""
    application = submission.application
    return mail.send(
        to=members(application.ngo) if to is None else to,
        subject=gettext_noop("Application %(number)s is submitted"), subject_params={"number": submission.number},
        template="grants/applications/email/submitted.txt",
        context={
            "submission": submission, "application": application,
            "submitted_local": astana(submission.submitted_at),
        },
        links={"url": ("applications:detail", {"pk": application.pk})},
        attachment=(receipt_attachment, {"submission_id": submission.pk}),
    )


def withdrawal_notice(submission: Submission) -> list:
    application = submission.application
    return mail.send(
        to=_members(application.ngo),
        subject=gettext_noop("Application %(number)s is withdrawn"), subject_params={"number": submission.number},
        template="grants/applications/email/withdrawn.txt",
        context={
            "submission": submission, "application": application,
            "withdrawn_local": astana(submission.withdrawn_at),
        },
        links={"url": ("applications:detail", {"pk": application.pk})},
    )
