"""The open-data files — JSON, CSV and XLSX of every public grant — streamed grant by grant, so memory stays
flat however many grants there are; and the copies the nightly job keeps in storage.

A file's ETag and Last-Modified come from the version of the "grants" public content (portal/public_cache.py:
bumped by every audited change of a grant, tranche, payment or application), so a conditional GET is answered
from the cache with no query. A stored copy made at the current version is sent as it is, without the database;
a change since the night streams the file from the database until the next run."""

import csv
import json
import logging
import tempfile
from datetime import UTC, datetime
from decimal import Decimal
from types import SimpleNamespace

from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db.models import Max
from openpyxl import Workbook

from agreements.models import Payment, Tranche
from grants.models import Call, Lot
from portal import public_cache
from portal.exports import cell
from portal.models import Region

from ..selectors.registry import public_grants
from . import threesixty

log = logging.getLogger(__name__)
FORMATS = {"json": "application/json", "csv": "text/csv; charset=utf-8",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
STORED = "open-data/grants.{fmt}"
STORED_META = "open-data/generated.json"
CHUNK = 500
ZERO = Decimal("0.00")


# The columns a grant of the file reads (reports.opendata.threesixty.grant_json), and nothing else: loading the
# timestamps and long texts of eight related rows per grant cost more than writing the grant. The lot and the call
# (with their region, direction, customer and year) are read once each, not joined to every grant: a chunk's query
# with ten joins spent more time being planned than run.
GRANT_FIELDS = (
    "pk", "number", "title", "budget", "amount", "updated_at", "awarded_on", "starts_on", "ends_on", "lot", "call",
    "application__summary", "ngo__bin", "ngo__name_kk", "ngo__name_ru", "ngo__address", "ngo__region",
)
LOT_FIELDS = (
    "pk", "code", "title_kk", "title_ru", "grant_type", "term_months", "region", "region__name_kk", "region__iso_code",
    "direction", "direction__number", "direction__title_kk", "direction__title_ru",
)
CALL_FIELDS = ("pk", "code", "title_kk", "title_ru", "customer__bin", "customer__name_kk", "customer__name_ru",
               "fiscal_year__year")


def export_queryset(queryset=None):
    """The grants of a file as rows of the columns a 360Giving grant needs, in the order of their ids."""
    queryset = public_grants() if queryset is None else queryset
    return queryset.values(*GRANT_FIELDS).order_by("pk")


class Shared:
    """The lots, calls and regions the grants of a file point to, each read once (a few thousand rows at most, however
    many grants), shaped as the models grant_json reads (lot.region.name_kk …)."""

    def __init__(self):
        self.lots, self.calls = {}, {}
        self.regions = {pk: SimpleNamespace(name_kk=name) for pk, name in Region.objects.values_list("pk", "name_kk")}

    def load(self, rows: list[dict]) -> None:
        """Read the lots and calls of these grants not read yet (no query when there is none)."""
        lots = {row["lot"] for row in rows} - self.lots.keys()
        for row in Lot.objects.filter(pk__in=lots).values(*LOT_FIELDS) if lots else ():
            self.lots[row["pk"]] = SimpleNamespace(
                code=row["code"], title_kk=row["title_kk"], title_ru=row["title_ru"], grant_type=row["grant_type"],
                term_months=row["term_months"], region_id=row["region"],
                region=SimpleNamespace(name_kk=row["region__name_kk"], iso_code=row["region__iso_code"]),
                direction_id=row["direction"],
                direction=SimpleNamespace(number=row["direction__number"], title_kk=row["direction__title_kk"],
                                          title_ru=row["direction__title_ru"]))
        calls = {row["call"] for row in rows} - self.calls.keys()
        for row in Call.objects.filter(pk__in=calls).values(*CALL_FIELDS) if calls else ():
            self.calls[row["pk"]] = SimpleNamespace(
                code=row["code"], title_kk=row["title_kk"], title_ru=row["title_ru"],
                customer=SimpleNamespace(bin=row["customer__bin"], name_kk=row["customer__name_kk"],
                                         name_ru=row["customer__name_ru"]),
                fiscal_year=SimpleNamespace(year=row["fiscal_year__year"]))

    def grant(self, row: dict) -> SimpleNamespace:
        """A row of export_queryset() shaped as the models grant_json reads. Rows, not model instances: a grant with
        its lot, call, NGO and their regions, direction, customer and year was ten instances, and building them
        (with their init signals) took half of the export's time."""
        ngo = SimpleNamespace(bin=row["ngo__bin"], name_kk=row["ngo__name_kk"], name_ru=row["ngo__name_ru"],
                              address=row["ngo__address"], region_id=row["ngo__region"],
                              region=self.regions.get(row["ngo__region"]))
        return SimpleNamespace(
            pk=row["pk"], number=row["number"], title=row["title"], budget=row["budget"], amount=row["amount"],
            updated_at=row["updated_at"], awarded_on=row["awarded_on"], starts_on=row["starts_on"],
            ends_on=row["ends_on"], application=SimpleNamespace(summary=row["application__summary"]),
            lot=self.lots[row["lot"]], call=self.calls[row["call"]], ngo=ngo)


def public_grants_head(count: int):
    """The first `count` public grants (a warm-up or a sample)."""
    return public_grants().filter(pk__in=list(public_grants().order_by("pk").values_list("pk", flat=True)[:count]))


def attach_tranches(grants: list) -> None:
    """Give each grant its tranches with their payments as `export_tranches` [(tranche, [payment, …]), …] and the
    sum paid as `paid` (what reports.selectors.registry.paid_total() counts, without a subquery a grant): two
    queries for the chunk, over the range of its ids (the chunk is a run of ids in order). prefetch_related did
    the same but built a queryset per grant and tranche, which cost more than the rest of a grant's export."""
    by_id = {grant.pk: grant for grant in grants}
    for grant in grants:
        grant.export_tranches, grant.paid = [], ZERO
    if not grants:
        return
    span = (grants[0].pk, grants[-1].pk)
    tranches = {}
    for row in (Tranche.objects.filter(grant_id__gte=span[0], grant_id__lte=span[1]).order_by("grant_id", "position")
                .values("pk", "grant_id", "position", "updated_at")):
        if row["grant_id"] in by_id:
            tranches[row["pk"]] = (SimpleNamespace(**row), [])
    for row in (Payment.objects.filter(tranche__grant_id__gte=span[0], tranche__grant_id__lte=span[1])
                .order_by("paid_on", "pk").values("tranche_id", "paid_on", "amount")):
        if row["tranche_id"] in tranches:
            tranches[row["tranche_id"]][1].append(SimpleNamespace(**row))
    for tranche, payments in tranches.values():
        grant = by_id[tranche.grant_id]
        grant.export_tranches.append((tranche, payments))
        grant.paid += sum((payment.amount for payment in payments), ZERO)


def iterate(queryset=None):
    """The grants in the file's order, 500 at a time by keyset on the id: the settings disable server-side cursors
    (safe behind pgbouncer), so QuerySet.iterator() would fetch every row at once; each chunk here is three
    bounded queries on primary and foreign keys (and one for lots or calls not met before), and memory stays flat
    whatever the count."""
    base, shared = export_queryset(queryset), Shared()
    last = None
    while True:
        rows = list((base if last is None else base.filter(pk__gt=last))[:CHUNK])
        shared.load(rows)
        grants = [shared.grant(row) for row in rows]
        attach_tranches(grants)
        yield from grants
        if len(rows) < CHUNK:
            return
        last = rows[-1]["pk"]


def version() -> str:
    """The version of the grants' public content ('' without a cache)."""
    return public_cache.versions(["grants"])


def last_modified(stamp: str) -> datetime:
    """The moment of the last change, from the version (nanoseconds of the bump) or the database."""
    if stamp.isdigit():
        return datetime.fromtimestamp(int(stamp) / 1e9, tz=UTC)
    found = public_grants().aggregate(at=Max("updated_at"))["at"]
    return found or datetime(2020, 1, 1, tzinfo=UTC)


def max_transactions(queryset=None) -> int:
    """How many disbursement column sets the flat files need: the most tranches a public grant has paid."""
    from django.db.models import Count, Q

    queryset = public_grants() if queryset is None else queryset
    found = queryset.annotate(n=Count("tranches", filter=Q(tranches__payments__isnull=False), distinct=True)
                              ).aggregate(m=Max("n"))["m"]
    return found or 0


class Echo:
    """A file-like object whose write returns the text (csv.writer into a streaming response)."""

    def write(self, value):
        return value


def json_chunks(queryset=None, *, modified=None):
    for chunk in threesixty.package_chunks(iterate(queryset), modified=modified):
        yield chunk.encode()


def csv_chunks(queryset=None):
    transactions = max_transactions(queryset)
    writer = csv.writer(Echo())
    yield ("\ufeff" + writer.writerow(threesixty.headings(transactions))).encode()
    context = threesixty.Context()
    for grant in iterate(queryset):
        row = threesixty.flat_row(threesixty.grant_json(grant, context=context), transactions)
        yield writer.writerow([cell(v) if v is not None else "" for v in row]).encode()


def meta_rows(*, modified) -> list[list]:
    meta = threesixty.package_meta(modified=modified)
    return [["Field", "Value"], ["Version", meta["version"]], ["Title", meta["title"]],
            ["Publisher:Name", meta["publisher"]["name"]], ["Publisher:Identifier", meta["publisher"]["identifier"]],
            ["Publisher:Website", meta["publisher"]["website"]], ["License", meta["license"]],
            ["Issued", meta["issued"]], ["Modified", meta["modified"]], ["Schema", "360Giving Data Standard 1.4"]]


def write_xlsx(handle, queryset=None, *, modified=None) -> None:
    """The XLSX in write-only mode (rows go to a temporary file as they come): a 'grants' sheet and 'Meta'."""
    transactions = max_transactions(queryset)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("grants")
    sheet.append(threesixty.headings(transactions))
    context = threesixty.Context()
    for grant in iterate(queryset):
        sheet.append([cell(v) for v in threesixty.flat_row(threesixty.grant_json(grant, context=context),
                                                             transactions)])
    meta = workbook.create_sheet("Meta")
    for row in meta_rows(modified=modified):
        meta.append(row)
    workbook.save(handle)


def xlsx_file(queryset=None, *, modified=None):
    """A temporary file holding the XLSX, at its start (deleted when closed)."""
    handle = tempfile.TemporaryFile()
    write_xlsx(handle, queryset, modified=modified)
    handle.seek(0)
    return handle


# --- The nightly copies --------------------------------------------------------------------------------

def stored_meta() -> dict:
    try:
        with default_storage.open(STORED_META) as handle:
            return json.loads(handle.read())
    except Exception:  # no copy yet, or storage unavailable: the files stream from the database
        return {}


def stored_copy(fmt: str, stamp: str):
    """The stored file when it was made at version `stamp` (else None: something changed since)."""
    meta = stored_meta()
    if not stamp or meta.get("version") != stamp:
        return None
    try:
        return default_storage.open(STORED.format(fmt=fmt), "rb")
    except Exception:
        return None


def write_stored() -> dict:
    """Write the three files to storage at the current version (the beat job, nightly)."""
    stamp = version()
    modified = last_modified(stamp)
    with tempfile.TemporaryFile() as handle:
        for chunk in json_chunks(modified=modified):
            handle.write(chunk)
        handle.seek(0)
        _save(STORED.format(fmt="json"), File(handle))
    with tempfile.TemporaryFile() as handle:
        for chunk in csv_chunks():
            handle.write(chunk)
        handle.seek(0)
        _save(STORED.format(fmt="csv"), File(handle))
    with tempfile.TemporaryFile() as handle:
        write_xlsx(handle, modified=modified)
        handle.seek(0)
        _save(STORED.format(fmt="xlsx"), File(handle))
    meta = {"version": stamp, "generated_at": datetime.now(tz=UTC).isoformat(timespec="seconds")}
    _save(STORED_META, ContentFile(json.dumps(meta).encode()))
    return meta


def _save(name: str, content) -> None:
    if default_storage.exists(name):
        default_storage.delete(name)
    default_storage.save(name, content)
