"""Each NGO whose application was screened learns the outcome, in each member's language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from ngos.models import Membership

from . import selectors
from .models import ScreeningConclusion


def screening_outcomes(conclusion: ScreeningConclusion) -> int:
    entries = list(selectors.conclusion_entries(conclusion.call))
    members: dict[int, list] = {}
    for membership in Membership.objects.filter(
        ngo__in={a.ngo_id for a in entries}, user__is_active=True
    ).select_related("user"):
        members.setdefault(membership.ngo_id, []).append(membership.user)
    sent = 0
    for application in entries:
        for user in members.get(application.ngo_id, []):
            with translation.override(user.language):
                subject = _("Screening result of application %(number)s") % {
                    "number": application.registration_number
                }
                base = settings.SITE_URL.rstrip("/")
                body = render_to_string(
                    "grants/screening/email/outcome.txt",
                    {
                        "user": user, "application": application, "screening": application.screening,
                        "conclusion": conclusion,
                        "failed": [c for c in application.screening.checks.all() if c.result == "fail"],
                        "url": base + reverse("results:screening", kwargs={"call": conclusion.call.code}),
                        "application_url": base + application.get_absolute_url(),
                    },
                )
            sent += EmailMessage(subject, body, to=[user.email]).send()
    return sent
