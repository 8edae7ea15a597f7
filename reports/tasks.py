"""The nightly copies of the open-data files (beat job `write-open-data`)."""

from celery import shared_task


@shared_task
def write_open_data() -> dict:
    from .opendata.files import write_stored

    return write_stored()
