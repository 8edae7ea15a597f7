import socket

from celery import shared_task
from django.core import management


@shared_task
def clear_expired_sessions() -> None:
    management.call_command("clearsessions")


@shared_task
def worker_ping(token: str) -> dict:
    """Answers who ran it: /healthz and the tests use it to prove a real worker is listening."""
    return {"token": token, "host": socket.gethostname()}


# No result is kept: the outbox row is the record, and a result store that is down must not slow the request.
@shared_task(ignore_result=True)
def deliver_outbox_message(message_id: int) -> None:
    from .mail import deliver

    deliver(message_id)


@shared_task(ignore_result=True)
def deliver_outbox_messages(message_ids: list[int]) -> None:
    """The messages one change wrote (a receipt to every member): one hand-over to the broker, not one each."""
    from .mail import deliver

    for message_id in message_ids:
        deliver(message_id)


@shared_task(ignore_result=True)
def deliver_due_outbox() -> int:
    """Every minute (beat): what the broker never got, or what failed and whose retry time has come."""
    from .mail import deliver_due

    return deliver_due()


@shared_task(ignore_result=True)
def purge_sent_outbox() -> int:
    from .mail import purge_sent

    return purge_sent()


@shared_task(ignore_result=True)
def dispatch_reminders() -> int:
    """Every 15 minutes (beat): the reminders whose window has come; the ledger keeps each to one e-mail."""
    from .reminders import dispatch

    return dispatch()
