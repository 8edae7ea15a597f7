from django.conf import settings

from . import public_cache as cache
from . import registry
from .models import AuditEntry


def home_context() -> dict:
    """What the home page shows, kept until the content changes (or a minute passes: calls open and
    close by the clock)."""
    return cache.fragment(
        "home", kinds=("calls", "ngos", "results", "directions"), compute=_home_context, timeout=cache.PAGE_TIMEOUT
    )


def _home_context() -> dict:
    """Each app adds its own figures and lists (Contributes.home)."""
    context = {"figures": [], "open_calls": None}
    for home in registry.contributions("home"):
        part = home()
        context["figures"].extend(part.pop("figures", []))
        context.update(part)
    return context


def audit_entries():
    return AuditEntry.objects.select_related("actor", "content_type")


def account_summary(user) -> dict:
    from .choices import PublicRole, StaffRole
    from .rules import group_names

    labels = {**dict(StaffRole.choices), **dict(PublicRole.choices)}
    groups = sorted(str(labels.get(name, name)) for name in group_names(user))
    summary = {"account": user, "groups": groups, "memberships": []}
    for part in registry.contributions("account"):  # the apps above add what the user is part of
        summary.update(part(user))
    return summary


def broker_state() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    from config.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return "ok"
    except Exception as exc:  # the broker down is reported, not raised
        return f"error: {exc.__class__.__name__}"


def outbox_messages(*, status: str = ""):
    from .models import OutboxMessage

    messages = OutboxMessage.objects.defer("body", "body_html")
    return messages.filter(status=status) if status in OutboxMessage.Status.values else messages


def outbox_backlog(*, now=None) -> dict:
    """What waits in the outbox, for /healthz and the staff page: counts and the age of the oldest waiting row."""
    from django.db.models import Count, Min, Q
    from django.utils import timezone

    from .models import OutboxMessage

    S = OutboxMessage.Status
    figures = OutboxMessage.objects.filter(status__in=[S.PENDING, S.FAILED]).aggregate(
        pending=Count("pk", filter=Q(status=S.PENDING)), failed=Count("pk", filter=Q(status=S.FAILED)),
        oldest=Min("created_at", filter=Q(status=S.PENDING)),
    )
    oldest = figures.pop("oldest")
    age = (now or timezone.now()) - oldest if oldest else None
    return {**figures, "oldest_pending_age_seconds": int(age.total_seconds()) if age else 0}


def my_reminders(user, *, limit: int = 5) -> list:
    """The last reminders a user was sent, for their dashboard."""
    from .models import SentReminder

    return list(SentReminder.objects.filter(recipient=user).order_by("-sent_at", "-id")[:limit])


def my_notifications(user, *, limit: int = 50) -> list:
    """The e-mails the portal wrote to a user (reminders, decisions, letters), newest first; never those that carry
    a sign-in link or a code."""
    from .models import OutboxMessage

    if not user.email:
        return []
    return list(OutboxMessage.objects.filter(
        kind=OutboxMessage.Kind.EMAIL, recipient__iexact=user.email, sensitive=False,
    ).order_by("-created_at", "-id")[:limit])


def sent_reminders(*, limit: int = 50) -> list:
    """The ledger for the operator administrator: the last reminders written to the outbox."""
    from .models import SentReminder

    return list(SentReminder.objects.select_related("recipient", "message").order_by("-sent_at", "-id")[:limit])
