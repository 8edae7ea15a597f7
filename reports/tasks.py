"""The nightly jobs: the copies of the open-data files (beat job `write-open-data`) and the statistics' tallies
counted again (`rebuild-statistics`)."""

from celery import shared_task


@shared_task
def write_open_data() -> dict:
    from .opendata.files import write_stored

    return write_stored()


@shared_task
def rebuild_statistics() -> dict:
    """The statistics' tallies counted again from every grant and application (beat job `rebuild-statistics`)."""
    from .tallies import rebuild

    return rebuild()
