"""Demo data: the reminders the beat job would have sent over the last ten days, in the ledger (not mailed)."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from portal import mail, reminders
from portal.formatting import ASTANA


def seed(stdout=None) -> None:
    """Runs after the calls and applications stand; idempotent (the ledger's key skips what it holds)."""
    today = timezone.localdate()
    written = 0
    with mail.silence():  # the demo people are not sent a history of reminders
        for days in range(10, 0, -1):
            moment = datetime.combine(today - timedelta(days=days), time(10, 0), tzinfo=ASTANA)
            written += reminders.dispatch(now=moment)
    if stdout:
        stdout.write(f"reminders: {written} written to the ledger")
