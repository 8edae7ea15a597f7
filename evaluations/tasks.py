"""Celery entry points: each loads its objects by id and calls a service."""

from celery import shared_task


@shared_task
def publish_draw_protocol(draw_pk: int) -> None:
    from .models import Draw
    from .services.panels import draw_publish_protocol

    draw_publish_protocol(draw=Draw.objects.get(pk=draw_pk))


@shared_task
def render_minutes(meeting_pk: int) -> None:
    from .models import Meeting
    from .services.meetings import meeting_render_minutes

    meeting_render_minutes(meeting=Meeting.objects.get(pk=meeting_pk))
