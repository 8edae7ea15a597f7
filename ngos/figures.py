"""The home page's figures of the NGO database (the verified NGOs, the NGOs listed for the last reporting year),
kept counted in `NGOFigures` so a view reads one row, not a count of every NGO and report (63 ms at 100,000 NGOs).

Never stale when read: every save or delete that moves a figure writes a `StaleFigures` row in the same transaction
(the signals below, connected in `NgosConfig.ready()`, whichever service, import or factory made the change); the
next reader counts again behind an advisory lock and clears the rows it saw, so a row written meanwhile stays for
the reader after it. A count older than a day is made again too: the repair for writes that bypass the signals
(`QuerySet.update()`, `bulk_create`, SQL by hand), with no job to schedule."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Exists
from django.utils import timezone

from portal.locks import transaction_lock

from .choices import VerificationStatus
from .models import NGO, NGOFigures, StaleFigures, YearlyReport

LOCK_KEY = 0x4E60F16  # pg_advisory_xact_lock: one counter of the figures at a time
KEPT_FOR = timedelta(days=1)
DELETE_BATCH = 500


def mark() -> None:
    """The figures are out of date (called in the changing transaction)."""
    StaleFigures.objects.create()


def counted(year: int) -> tuple[int, int]:
    """The figures as the NGOs and their reports stand, from two partial indexes (migration 0007)."""
    verified = NGO.objects.filter(verification=VerificationStatus.VERIFIED).count()
    listed = YearlyReport.objects.filter(
        year=year, first_submitted_at__isnull=False, ngo__verification=VerificationStatus.VERIFIED
    ).count()  # one report per NGO and year: the same number as the NGOs listed
    return verified, listed


def _count_again(year: int) -> tuple[int, int]:
    with transaction.atomic():
        transaction_lock(LOCK_KEY)
        marks = list(StaleFigures.objects.values_list("pk", flat=True))  # after the lock: what is left
        verified, listed = counted(year)
        NGOFigures.objects.exclude(year=year).delete()  # counted before these marks: stale for good
        NGOFigures.objects.update_or_create(
            year=year, defaults={"verified": verified, "listed": listed, "counted_at": timezone.now()}
        )
        for start in range(0, len(marks), DELETE_BATCH):
            StaleFigures.objects.filter(pk__in=marks[start:start + DELETE_BATCH]).delete()
    return verified, listed


def figures(year: int) -> tuple[int, int]:
    """The verified NGOs and the NGOs listed for `year`: one query when nothing changed since the last count."""
    kept = (NGOFigures.objects.filter(year=year, counted_at__gt=timezone.now() - KEPT_FOR)
            .annotate(stale=Exists(StaleFigures.objects.all())).values_list("verified", "listed", "stale").first())
    if kept and not kept[2]:
        return kept[0], kept[1]
    return _count_again(year)


# The signals (connected in NgosConfig.ready()): only a change of what is counted marks, so an NGO's edit of its
# profile or a report's draft writes nothing here.

def remember(sender, instance, **kwargs) -> None:
    """post_init: what the instance counts for, as loaded, to know what a save changed."""
    instance._figures_state = _state(instance)


def _state(instance) -> tuple:
    values = instance.__dict__  # never a deferred field's query
    if isinstance(instance, NGO):
        return (values.get("verification") == VerificationStatus.VERIFIED,)
    return values.get("first_submitted_at") is not None, values.get("year"), values.get("ngo_id")


def changed(sender, instance, created=False, **kwargs) -> None:
    new = _state(instance)
    old = (False,) * len(new) if created else getattr(instance, "_figures_state", None)
    if old != new and (new[0] or (old and old[0])):
        mark()
    instance._figures_state = new


def deleted(sender, instance, **kwargs) -> None:
    if _state(instance)[0]:
        mark()


def imported(sender, ngos, **kwargs) -> None:
    """The import of a register created NGOs in bulk (ngos.signals.ngos_imported: no post_save was sent)."""
    if any(ngo.verification == VerificationStatus.VERIFIED for ngo in ngos):
        mark()
