"""The one way to write the audit log: every change of state and every decision goes through record()."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType

from . import public_cache as cache
from .models import AuditEntry

# What a wrapper of a service (portal.esign.signed) adds to the entry of the change of state the service makes.
_joining: ContextVar[dict | None] = ContextVar("demeu_audit_joining", default=None)


@contextmanager
def joining_change(data: dict):
    """Inside the block, the first entry of a change of state also carries `data`: one entry per change, not a
    second entry after it. `joined["done"]` tells whether one did (else the caller records an entry of its own)."""
    joined = {"data": data, "done": False}
    token = _joining.set(joined)
    try:
        yield joined
    finally:
        _joining.reset(token)


def record(
    *,
    actor,
    obj,
    action: str,
    from_state: str = "",
    to_state: str = "",
    note: str = "",
    message: tuple[str, dict] | None = None,
    data: dict | None = None,
) -> AuditEntry:
    """``note`` is text a person wrote (a reason) or a code; ``message`` is ``(key, params)`` of a sentence
    registered in portal.audit_labels, rendered in the reader's language when shown, never frozen in the actor's."""
    joined = _joining.get()
    if joined is not None and not joined["done"] and to_state:
        data, joined["done"] = {**(data or {}), **joined["data"]}, True
    # Whatever is audited may show on public pages: those of its kinds are rebuilt after commit.
    cache.bump(*cache.kinds_of_model(obj._meta.label_lower))
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=action,
        from_state=str(from_state or ""),
        to_state=str(to_state or ""),
        note=note or "",
        message={"key": message[0], "params": message[1]} if message else {},
        data=data or {},
    )


def history(obj):
    """The entries about one object, newest first."""
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
    ).select_related("actor")
