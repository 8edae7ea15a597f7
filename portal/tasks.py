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
