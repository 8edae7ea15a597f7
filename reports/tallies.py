"""The tallies the statistics page sums: per lot and year of the award, the public grants and their amount; per lot,
the applications submitted and admitted; per NGO, the years it received a public grant. A few thousand rows (the
NGOs' at most one per grant) at 100,000 grants, so the page never scans the grants.

Never stale when read: every save or delete of a grant or an application that changes what is counted writes a
`StaleTally` row (its lot, and a grant's NGO) in the same transaction (signals connected in `ReportsConfig.ready()`,
so the lower apps know nothing of reports, whichever service or factory made the change). An insert, so writers
never wait on each other (an application deadline rush included). The next reader (`refresh()`, called before the
tallies are read) counts those lots and NGOs again from the grants and applications and clears the rows it saw, in
one transaction behind an advisory lock; a row written meanwhile stays for the reader after it. `rebuild()` counts
everything again (`manage.py rebuild_statistics`, the nightly beat job `rebuild-statistics`): the repair for writes
that bypass the signals (`QuerySet.update()`, `bulk_create`, SQL by hand)."""

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear

from agreements.models import Grant
from grants.applications.choices import ApplicationStatus
from grants.models import Application
from ngos.choices import VerificationStatus
from ngos.models import NGO
from portal.locks import transaction_lock

from .models import LotApplicationTally, LotAwardTally, NGOAwardYear, RegionFundedTally, StaleTally
from .selectors.registry import PUBLIC_STATUSES

NOT_SUBMITTED = (ApplicationStatus.DRAFT,)
ADMITTED = (ApplicationStatus.ADMITTED, ApplicationStatus.UNDER_EVALUATION, ApplicationStatus.WINNER,
            ApplicationStatus.RESERVE, ApplicationStatus.NOT_FUNDED)
# Past this many changed lots (NGOs) one count of everything is cheaper than a count per lot (NGO).
RECOUNT_ALL_LOTS_FROM = 300
RECOUNT_ALL_NGOS_FROM = 3000
LOCK_KEY = 0x7EA11E5  # pg_advisory_xact_lock: one writer of the tallies at a time
DELETE_BATCH = 500


def mark(lot_ids, ngo_ids=()) -> None:
    """The tallies of these lots and NGOs are out of date (called in the changing transaction)."""
    lots, ngos = sorted({pk for pk in lot_ids if pk}), sorted({pk for pk in ngo_ids if pk})
    rows = [StaleTally(lot_id=pk) for pk in lots] + [StaleTally(ngo_id=pk) for pk in ngos]
    if rows:
        StaleTally.objects.bulk_create(rows)


def submitted_applications():
    return Application.objects.exclude(status__in=NOT_SUBMITTED).filter(submitted_at__isnull=False)


def counted(lot_ids=None, ngo_ids=None) -> tuple[list, list, list]:
    """The tallies as the grants and applications stand, not saved: of these lots and NGOs (None: of all)."""
    grants = Grant.objects.filter(status__in=PUBLIC_STATUSES).annotate(year=ExtractYear("awarded_on"))
    lot_grants, ngo_grants, applications = grants, grants, submitted_applications()
    if lot_ids is not None:
        lot_grants, applications = grants.filter(lot_id__in=lot_ids), applications.filter(lot_id__in=lot_ids)
    if ngo_ids is not None:
        ngo_grants = grants.filter(ngo_id__in=ngo_ids)
    awards = [LotAwardTally(lot_id=row["lot"], call_id=row["call"], year=row["year"], grants=row["n"],
                            amount=row["total"])
              for row in lot_grants.values("lot", "call", "year").annotate(n=Count("pk"), total=Sum("amount"))
              .order_by()] if lot_ids != [] else []
    submitted = [LotApplicationTally(lot_id=row["lot"], submitted=row["n"], admitted=row["admitted"])
                 for row in applications.values("lot").annotate(
                     n=Count("pk"), admitted=Count("pk", filter=Q(status__in=ADMITTED))).order_by()
                 ] if lot_ids != [] else []
    funded = [NGOAwardYear(ngo_id=row["ngo"], year=row["year"])
              for row in ngo_grants.values("ngo", "year").distinct().order_by()] if ngo_ids != [] else []
    return awards, submitted, funded


def _recount(lot_ids=None, ngo_ids=None) -> None:
    """Replace the tallies of these lots and NGOs (None: all; []: none) by a fresh count."""
    awards, submitted, funded = counted(lot_ids, ngo_ids)
    if lot_ids != []:
        old_awards, old_submitted = LotAwardTally.objects.all(), LotApplicationTally.objects.all()
        if lot_ids is not None:
            old_awards, old_submitted = old_awards.filter(lot_id__in=lot_ids), old_submitted.filter(lot_id__in=lot_ids)
        old_awards.delete()
        old_submitted.delete()
        LotAwardTally.objects.bulk_create(awards, batch_size=2000)
        LotApplicationTally.objects.bulk_create(submitted, batch_size=2000)
    if ngo_ids != []:
        (NGOAwardYear.objects.all() if ngo_ids is None else NGOAwardYear.objects.filter(ngo_id__in=ngo_ids)).delete()
        NGOAwardYear.objects.bulk_create(funded, batch_size=5000)
        _count_regions()


def _count_regions() -> None:
    """The funded verified NGOs per region and year, and in any year, from the NGOs' tallies, and every region's
    verified NGOs (a change of one NGO moves its region's figures: they are counted again whole, a grouped read of one
    row per NGO and year, and one of the NGOs' index of the verified)."""
    verified = NGOAwardYear.objects.filter(ngo__verification=VerificationStatus.VERIFIED)
    rows = [RegionFundedTally(region_id=row["ngo__region"], year=row["year"], ngos=row["n"])
            for row in verified.values("ngo__region", "year").annotate(n=Count("ngo")).order_by()]
    in_any_year = {region: RegionFundedTally(region_id=region, year=0, ngos=n, verified=0)
                   for region, n in verified.values("ngo__region").annotate(n=Count("ngo", distinct=True))
                   .order_by().values_list("ngo__region", "n")}
    for region, n in (NGO.objects.filter(verification=VerificationStatus.VERIFIED).values("region")
                      .annotate(n=Count("pk")).order_by().values_list("region", "n")):
        in_any_year.setdefault(region, RegionFundedTally(region_id=region, year=0, ngos=0)).verified = n
    rows += in_any_year.values()
    RegionFundedTally.objects.all().delete()
    RegionFundedTally.objects.bulk_create(rows)


def _clear(marks: list[int]) -> None:
    for start in range(0, len(marks), DELETE_BATCH):
        StaleTally.objects.filter(pk__in=marks[start:start + DELETE_BATCH]).delete()


def refresh() -> None:
    """Count again the lots and NGOs changed since the last reader; one query when nothing changed."""
    if not StaleTally.objects.exists():
        return
    with transaction.atomic():
        transaction_lock(LOCK_KEY)
        stale = list(StaleTally.objects.values_list("pk", "lot_id", "ngo_id"))  # after the lock: what is left
        if not stale:
            return
        lots = sorted({lot for _pk, lot, _ngo in stale if lot})
        ngos = sorted({ngo for _pk, _lot, ngo in stale if ngo})
        _recount(None if len(lots) >= RECOUNT_ALL_LOTS_FROM else lots,
                 None if len(ngos) >= RECOUNT_ALL_NGOS_FROM else ngos)
        _clear([pk for pk, _lot, _ngo in stale])


def rebuild() -> dict:
    """Count everything again (the repair after writes that bypassed the signals)."""
    with transaction.atomic():
        transaction_lock(LOCK_KEY)
        stale = list(StaleTally.objects.values_list("pk", flat=True))
        _recount()
        _clear(stale)
    return {"awards": LotAwardTally.objects.count(), "applications": LotApplicationTally.objects.count(),
            "ngos": NGOAwardYear.objects.count(), "regions": RegionFundedTally.objects.count()}


# The signals (connected in ReportsConfig.ready()). A grant is marked on every save (rare: awards and their
# steps); an application only when what is counted changed, so a draft's autosave writes nothing here.

def _state(instance) -> tuple:
    values = instance.__dict__  # never a deferred field's query
    return values.get("lot_id"), values.get("status"), values.get("submitted_at"), values.get("ngo_id")


def remember(sender, instance, **kwargs) -> None:
    """post_init: the lot and NGO (and for an application what is counted) as loaded, to know what a save changed."""
    instance._tally_state = _state(instance)


def grant_changed(sender, instance, **kwargs) -> None:
    old = getattr(instance, "_tally_state", (None,) * 4)
    mark([instance.lot_id, old[0]], [instance.ngo_id, old[3]])
    instance._tally_state = _state(instance)


def application_changed(sender, instance, created=False, **kwargs) -> None:
    old, new = getattr(instance, "_tally_state", None), _state(instance)
    if created or old != new:
        mark([new[0], old[0] if old else None])
    instance._tally_state = new


def _ngo_state(instance) -> tuple:
    return instance.__dict__.get("region_id"), instance.__dict__.get("verification")


def remember_ngo(sender, instance, **kwargs) -> None:
    instance._tally_state = _ngo_state(instance)


def ngo_changed(sender, instance, created=False, **kwargs) -> None:
    """An NGO's region or verification moves it between the regions' counts of NGOs, funded and verified."""
    new = _ngo_state(instance)
    if (new[1] == VerificationStatus.VERIFIED) if created else getattr(instance, "_tally_state", None) != new:
        mark([], [instance.pk])
    instance._tally_state = new


def ngo_deleted(sender, instance, **kwargs) -> None:
    if _ngo_state(instance)[1] == VerificationStatus.VERIFIED:
        mark([], [instance.pk])


def ngos_imported(sender, ngos, **kwargs) -> None:
    """An import of the register created NGOs in bulk (ngos.signals.ngos_imported: no post_save was sent)."""
    mark([], [ngo.pk for ngo in ngos if ngo.verification == VerificationStatus.VERIFIED])


def deleted(sender, instance, **kwargs) -> None:
    mark([instance.lot_id], [instance.ngo_id] if isinstance(instance, Grant) else [])
