"""Celery entry points: each loads its objects by id and calls a service."""

from celery import shared_task


@shared_task
def render_decision(meeting_pk: int) -> None:
    from .models import CouncilMeeting
    from .services.council import decision_render

    decision_render(meeting=CouncilMeeting.objects.get(pk=meeting_pk))
