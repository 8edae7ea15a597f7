from importlib import import_module

from django.conf import settings

from .models import AuditEntry

HOME_APPS = ("grants", "ngos", "reports")  # open calls first: what most visitors come for


def home_context() -> dict:
    """What the home page shows: each app adds its own figures and lists (see <app>.selectors.home)."""
    context = {"figures": [], "open_calls": None}
    for app in HOME_APPS:
        module = import_module(f"{app}.selectors")
        home = getattr(module, "home", None)
        if home is not None:
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
    memberships = []
    ngos = import_module("ngos.selectors")
    if hasattr(ngos, "memberships_of"):
        memberships = list(ngos.memberships_of(user))
    return {"account": user, "groups": groups, "memberships": memberships}


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
