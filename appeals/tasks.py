"""Celery entry points: each loads its objects by id and calls a service."""

from celery import shared_task


@shared_task
def render_letter(appeal_pk: int, status: str) -> None:
    from .services import appeal_render_letter

    appeal_render_letter(appeal_pk=appeal_pk, status=status)
