"""What the prize services tell people by e-mail, in each recipient's language, after the change commits.

One module so that moving to the portal's transactional outbox (portal/mail.py) changes only this file."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def _send(user, *, template: str, context: dict, link: tuple[str, dict]) -> None:
    language = getattr(user, "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        url = settings.SITE_URL.rstrip("/") + reverse(link[0], kwargs=link[1])
        context = {**context, "recipient": user, "link": url}
        subject = " ".join(render_to_string(f"prizes/email/{template}_subject.txt", context).split())
        body = render_to_string(f"prizes/email/{template}_body.txt", context)
    send_mail(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body, None, [user.email])


def tell_heads_of_proposal(proposal, heads) -> None:
    """The NGO's heads learn that someone proposed it, and where to turn the proposal into a candidacy."""
    for head in heads:
        transaction.on_commit(lambda head=head: _send(
            head, template="proposal", context={"proposal": proposal},
            link=("prizes:apply", {"year": proposal.round.year, "number": proposal.nomination.number}),
        ))
