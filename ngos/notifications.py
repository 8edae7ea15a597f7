"""E-mails about NGOs, each in its recipient's language, sent only once the change is committed."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def absolute_url(name: str, kwargs: dict | None = None, *, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL.rstrip("/") + reverse(name, kwargs=kwargs or {})


def send_now(*, to: str, language: str, template: str, context: dict, link: tuple[str, dict] | None = None) -> None:
    """Render ngos/email/<template>_subject.txt and _body.txt in `language` and send them to one address."""
    with translation.override(language):
        context = {**context, "site_url": settings.SITE_URL.rstrip("/")}
        if link is not None:
            context["link"] = absolute_url(link[0], link[1], language=language)
        subject = " ".join(render_to_string(f"ngos/email/{template}_subject.txt", context).split())
        body = render_to_string(f"ngos/email/{template}_body.txt", context)
    send_mail(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body, None, [to])


def send_after_commit(**kwargs) -> None:
    transaction.on_commit(lambda: send_now(**kwargs))


def notify_user(user, *, template: str, context: dict, link: tuple[str, dict] | None = None) -> None:
    """Tell a portal user, in the language they chose, once the transaction commits."""
    send_after_commit(
        to=user.email, language=user.language or settings.LANGUAGE_CODE, template=template,
        context={**context, "recipient": user}, link=link,
    )
