"""Background work after a submission: the receipt PDF is rendered, kept and mailed to the NGO's members."""

from celery import shared_task

from . import notifications
from .models import Submission


@shared_task
def send_submission_receipt(submission_id: int) -> int:
    from .services import submission_receipt  # inside: the services schedule these tasks (no circle)

    submission = Submission.objects.select_related("application__lot__call", "application__ngo").get(pk=submission_id)
    pdf = submission_receipt(submission=submission)
    return notifications.submission_receipt(submission, pdf)


@shared_task
def send_withdrawal_notice(submission_id: int) -> int:
    submission = Submission.objects.select_related("application__lot__call", "application__ngo").get(pk=submission_id)
    return notifications.withdrawal_notice(submission)
