from celery import shared_task


@shared_task
def render_receipt(submission_pk: int) -> None:
    from .services import report_render_receipt

    report_render_receipt(submission_pk=submission_pk)


@shared_task
def render_visit_report(visit_pk: int) -> None:
    from .services import visit_render

    visit_render(visit_pk=visit_pk)
