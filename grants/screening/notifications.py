"""Each NGO whose application was screened learns the outcome, in each member's language, through the outbox
in the transaction that publishes the conclusion (portal.mail)."""

from django.utils.translation import gettext_noop

from ngos.models import Membership
from portal import mail

from . import selectors
from .models import ScreeningConclusion


def screening_outcomes(conclusion: ScreeningConclusion) -> int:
    entries = list(selectors.conclusion_entries(conclusion.call))
    members: dict[int, list] = {}
    for membership in Membership.objects.filter(
        ngo__in={a.ngo_id for a in entries}, user__is_active=True
    ).select_related("user"):
        members.setdefault(membership.ngo_id, []).append(membership.user)
    written = 0
    for application in entries:
        written += len(mail.send(
            to=members.get(application.ngo_id, []),
            subject=gettext_noop("Screening result of application %(number)s"),
            subject_params={"number": application.registration_number},
            template="grants/screening/email/outcome.txt",
            context={
                "application": application, "screening": application.screening, "conclusion": conclusion,
                "failed": [c for c in application.screening.checks.all() if c.result == "fail"],
            },
            links={
                "url": ("results:screening", {"call": conclusion.call.code}),
                "application_url": ("applications:detail", {"pk": application.pk}),
            },
        ))
    return written
