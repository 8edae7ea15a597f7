"""The one way to send a message to users, each in their own language, through a transactional outbox.

A service calls send() (e-mails) or prepare() (a document a user waits for, such as a PDF) inside its
transaction: each message is an OutboxMessage row, committed or rolled back with the change that causes it.
After commit a Celery task delivers it (at once in the embedded run, where tasks are eager). If the broker is
down the request still succeeds: the beat job (deliver_due, every minute) picks the row up and retries with
exponential backoff until it is sent or given up; the operator administrator sees failures and resends them.
"""

import logging
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext

from . import audit
from .models import OutboxMessage

logger = logging.getLogger(__name__)
S = OutboxMessage.Status
_silenced = ContextVar("demeu_mail_silenced", default=False)


@contextmanager
def silence():
    """Write nothing to the outbox inside the block: the demo data, whose people would otherwise be sent a
    history of notices, and which renders its documents itself."""
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


def site_url(path: str = "") -> str:
    return settings.SITE_URL.rstrip("/") + path


def absolute_url(name: str, kwargs: dict | None = None, *, language: str) -> str:
    """An address on the portal in the recipient's language (the prefix of i18n_patterns)."""
    with translation.override(language):
        return site_url(reverse(name, kwargs=kwargs or {}))


def language_of(user) -> str:
    language = getattr(user, "language", "") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _dotted(function: Callable) -> str:
    # A Celery task knows its registered name; a plain function is named by module and name.
    return getattr(function, "name", None) or f"{function.__module__}.{function.__qualname__}"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def send(
    *,
    to: Iterable,
    subject: str,
    template: str,
    context: dict | None = None,
    subject_params: dict | None = None,
    links: dict[str, tuple[str, dict]] | None = None,
    attachment: tuple[Callable, dict] | None = None,
    sensitive: bool = False,
) -> list[OutboxMessage]:
    """Write one e-mail per recipient to the outbox, rendered in the recipient's language.

    to: users, or (address, language) pairs for someone without an account. subject: a msgid (mark it with
    gettext_noop) translated in the recipient's language and formatted with subject_params, or the name of a
    template ending in ".txt". template: the body. links: {"name": (url name, kwargs)}, made absolute in the
    recipient's language. attachment: (function, kwargs); the function returns (filename, content, mimetype) at
    delivery, so a PDF is rendered by the worker, not in the request. sensitive: the text carries a token (an
    invitation, a sign-in link), so staff do not read it outside the embedded run.
    """
    rows = []
    for recipient in [] if _silenced.get() else to:
        if isinstance(recipient, tuple):
            address, language, user = recipient[0], recipient[1] or settings.LANGUAGE_CODE, None
        else:
            address, language, user = recipient.email, language_of(recipient), recipient
        if not address:
            continue
        with translation.override(language):
            values = {**(context or {}), "recipient": user, "site_url": site_url()}
            for key, (name, kwargs) in (links or {}).items():
                values[key] = absolute_url(name, kwargs, language=language)
            if subject.endswith(".txt"):
                title = render_to_string(subject, values)
            else:
                title = gettext(subject) % (subject_params or {}) if subject_params else gettext(subject)
            body = render_to_string(template, values)
        rows.append(OutboxMessage(
            recipient=address, language=language, body=body,
            subject=(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _one_line(title))[:300],
            handler=_dotted(attachment[0]) if attachment else "", arguments=attachment[1] if attachment else {},
            sensitive=sensitive,
        ))
    return _write(rows)


def send_rendered(
    *, to: str, language: str, subject: str, body: str, body_html: str = "", sensitive: bool = False
) -> OutboxMessage | None:
    """An e-mail rendered elsewhere (allauth's account messages) through the same outbox."""
    if _silenced.get():
        return None
    return _write([OutboxMessage(
        recipient=to, language=language, subject=_one_line(subject)[:300], body=body, body_html=body_html,
        sensitive=sensitive,
    )])[0]


def prepare(function: Callable, *, about, **arguments) -> OutboxMessage | None:
    """A document a user waits for (a PDF), prepared by the worker after commit: function(**arguments)."""
    if _silenced.get():
        return None
    return _write([OutboxMessage(
        kind=OutboxMessage.Kind.JOB, subject=str(about)[:300], handler=_dotted(function), arguments=arguments,
    )])[0]


def _write(rows: list[OutboxMessage]) -> list[OutboxMessage]:
    if not rows:
        return []
    rows = OutboxMessage.objects.bulk_create(rows)
    pks = [row.pk for row in rows]
    transaction.on_commit(lambda: enqueue(pks))
    return rows


def enqueue(pks: list[int]) -> None:
    """Hand the rows to the worker. Runs after commit: a broker that is down must not fail the request, whose
    change is already saved, so the error is logged and the beat job delivers the rows later."""
    from .tasks import deliver_outbox_message, deliver_outbox_messages

    try:
        # One hand-over per change (a submission's receipt to five members is one message to the broker, not
        # five): the request that made the change pays one round trip to the broker.
        if len(pks) == 1:
            deliver_outbox_message.delay(pks[0])
        else:
            deliver_outbox_messages.delay(list(pks))
    except Exception:
        logger.warning("Outbox: messages %s not handed to the worker; the retry job will deliver them", pks,
                       exc_info=True)


def retry_delay(attempts: int) -> timedelta:
    seconds = settings.OUTBOX_RETRY_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, settings.OUTBOX_RETRY_MAX_SECONDS))


def _perform(message: OutboxMessage) -> None:
    if message.kind == OutboxMessage.Kind.JOB:
        import_string(message.handler)(**message.arguments)
        return
    email = EmailMultiAlternatives(message.subject, message.body, to=[message.recipient])
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    if message.handler:
        email.attach(*import_string(message.handler)(**message.arguments))
    email.send()


def deliver(pk: int, *, now: datetime | None = None) -> bool:
    """Deliver one waiting row exactly once: the row is locked (a second worker skips it, and finds it sent once
    the first commits), sent, and marked in the same transaction. True when this call sent it."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update(skip_locked=True).filter(pk=pk, status=S.PENDING).first()
        if message is None:
            return False
        now = now or timezone.now()
        message.attempts += 1
        try:
            with transaction.atomic():
                _perform(message)
        except Exception as exc:  # any failure of delivery is kept on the row, retried, and shown to staff
            logger.warning("Outbox: message %s failed (attempt %s)", pk, message.attempts, exc_info=True)
            message.last_error = f"{exc.__class__.__name__}: {exc}"[:2000]
            message.next_attempt_at = now + retry_delay(message.attempts)
            if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
                message.status = S.FAILED
            message.save(update_fields=["attempts", "last_error", "next_attempt_at", "status"])
            return False
        message.status, message.sent_at, message.last_error = S.SENT, now, ""
        message.save(update_fields=["attempts", "last_error", "status", "sent_at"])
        return True


def deliver_due(*, now: datetime | None = None, limit: int = 500) -> int:
    """The beat job: deliver every waiting row whose time has come (oldest first). Returns how many were sent."""
    now = now or timezone.now()
    due = OutboxMessage.objects.filter(status=S.PENDING, next_attempt_at__lte=now).order_by("next_attempt_at", "pk")
    return sum(deliver(pk, now=now) for pk in list(due.values_list("pk", flat=True)[:limit]))


def purge_sent(*, now: datetime | None = None) -> int:
    """Sent rows older than OUTBOX_KEEP_DAYS go (the daily beat job): the table stays small; what was decided is
    kept by the objects and the audit log, not by the e-mails. Waiting and failed rows stay."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.OUTBOX_KEEP_DAYS)
    return OutboxMessage.objects.filter(status=S.SENT, sent_at__lt=cutoff).delete()[0]


@transaction.atomic
def resend(*, message: OutboxMessage, actor) -> OutboxMessage:
    """The operator administrator sends a message again: a waiting or failed one is retried now with a fresh
    count of attempts; a sent one is copied, so what was sent stays on record."""
    message = OutboxMessage.objects.select_for_update().get(pk=message.pk)
    now = timezone.now()
    if message.status == S.SENT:
        original = message.pk
        message.pk = None
        message.created_at, message.sent_at = now, None
    else:
        original = None
    message.status, message.attempts, message.last_error, message.next_attempt_at = S.PENDING, 0, "", now
    message.save()
    audit.record(actor=actor, obj=message, action="outbox_message_resent", data={"copy_of": original})
    transaction.on_commit(lambda: enqueue([message.pk]))
    return message
