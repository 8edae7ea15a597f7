from celery import shared_task


@shared_task
def render_receipt(submission_pk: int) -> None:
    from .services import report_render_receipt

    report_render_receipt(submission_pk=submission_pk)


@shared_task
def render_visit_report(visit_pk: int) -> None:
    from .services import visit_render

    visit_render(visit_pk=visit_pk)


@shared_task
def render_review_conclusion(review_pk: int) -> None:
    from .services import review_render

    review_render(review_pk=review_pk)


@shared_task
def render_efficiency(grant_pk: int) -> None:
    from .services import efficiency_render

    efficiency_render(grant_pk=grant_pk)
