#!/usr/bin/env python
"""Benchmark of the registry of awarded grants, the statistics and the open-data export on PostgreSQL (not part
of the test run).

Seeds 100,000 awarded grants into a separate database (created if missing, reused when already seeded): 20,000
NGOs, 1,000 lots in 10 calls of the 20 regions and the nation, one application per grant, two tranches each and the
first paid for 40 %; then the registry's search index. Requests through Django's test client, with the server cache
off (every page built from the database), 100 requests per scenario in Kazakh and Russian: the registry (any of the
first pages), a filtered list (region, year, type, amount, sort), a search, and the statistics page (any year);
prints the median and p95 server time, the queries per page, and the ratio of each p95 to the p95 of a bare view on
the same stack in the same run (robots.txt); then the same with the server cache on, warm, and with each page not
cached but its fragments (choices, counts, figures) cached by earlier visits. Then, in a fresh process, the JSON
export of every grant: the time and the peak RSS growth. Targets: p95 ≤ 50 ms, ≤ 10 queries; the export under 30 s
and its peak RSS growth under 50 MB whatever the count (streamed).

    python bench/registry.py                          # postgres://postgres@127.0.0.1:5432/demeu_bench_registry
    python bench/registry.py --count 100000 --requests 100
    python bench/registry.py --requests 50 --no-export   # the pages only (a quicker before/after)
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import ensure_database  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/demeu_bench_registry")
parser.add_argument("--count", type=int, default=100_000, help="grants to seed (default 100000)")
parser.add_argument("--requests", type=int, default=100, help="requests per scenario (default 100)")
parser.add_argument("--seed", type=int, default=7)
parser.add_argument("--export-only", action="store_true", help=argparse.SUPPRESS)
parser.add_argument("--no-export", action="store_true", help="measure the pages only, not the JSON export")
args = parser.parse_args()

os.environ["DATABASE_URL"] = args.database_url
os.environ["REDIS_URL"] = ""  # the pages are measured as built from the database, not from the cache
os.environ["PUBLIC_CACHE"] = "false"
os.environ.pop("DJANGO_DEBUG", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "600")


def rss_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


if not args.export_only:
    ensure_database(args.database_url)

import django  # noqa: E402

django.setup()

from datetime import date, datetime, timedelta  # noqa: E402
from decimal import Decimal  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

ASTANA = ZoneInfo("Asia/Almaty")
WORDS_KK = ["жастар", "ауыл", "қарттар", "балалар", "мүгедектігі бар", "экология", "құқықтық", "медиа", "спорт",
            "волонтерлер", "отбасы", "мәдениет", "білім", "денсаулық", "кітапхана"]
WORDS_RU = ["молодёжь", "село", "пожилые", "дети", "инвалидность", "экология", "право", "медиа", "спорт",
            "волонтёры", "семья", "культура", "образование", "здоровье", "библиотека"]


def export_only() -> None:
    """The JSON package of every grant, streamed to nowhere: time and peak RSS growth of this process."""
    from reports.opendata import files

    for _chunk in files.json_chunks(files.public_grants_head(200)):
        pass  # warm up: the URLconf, the catalogues and the code paths load once, whatever the count
    before = rss_kib("VmHWM")
    started = time.perf_counter()
    size = 0
    for chunk in files.json_chunks():
        size += len(chunk)
    elapsed = time.perf_counter() - started
    peak = rss_kib("VmHWM")
    print(f"EXPORT {elapsed:.2f} {size} {(peak - before) / 1024:.1f} {before / 1024:.1f}")


def seed(count: int) -> None:
    from agreements.models import Grant, Payment, Tranche
    from grants.applications.models import Application
    from grants.choices import GrantType
    from grants.models import Call, Customer, FiscalYear, Lot, PriorityDirection, PriorityDirectionList
    from ngos.demo import FORMS, PLACES, STEMS, make_bin
    from ngos.models import NGO
    from portal.models import Region, User
    from reports.search import reindex_all
    from reports.tallies import rebuild as rebuild_tallies

    have = Grant.objects.count()
    if have >= count:
        print(f"{have} grants already there")
        return
    rng = random.Random(args.seed)
    started = time.perf_counter()
    regions = list(Region.objects.order_by("position"))
    if not NGO.objects.exists():
        bins, batch = set(), []
        while len(batch) < 20_000:
            registered = date(rng.randint(1996, 2022), rng.randint(1, 12), rng.randint(1, 28))
            bin_ = make_bin(registered, rng.randint(0, 99999))
            if bin_ in bins:
                continue
            bins.add(bin_)
            kk, ru, _ = rng.choice(STEMS)
            form, region = rng.choice(FORMS), rng.choice(regions)
            place_kk, place_ru, centre = PLACES[region.slug]
            batch.append(NGO(bin=bin_, legal_form="public_association", region=region, address=centre,
                             name_kk=form[2].format(place=place_kk, kk=f"{kk}-{len(batch)}"),
                             name_ru=form[3].format(place=place_ru, ru=f"{ru}-{len(batch)}"),
                             verification="verified", registered_on=registered))
        NGO.objects.bulk_create(batch, batch_size=2000)
    ngos = list(NGO.objects.order_by("pk").values_list("pk", "region_id"))
    finance = User.objects.filter(email="bench-finance@example.kz").first() or User.objects.create_user(
        email="bench-finance@example.kz", password="bench-bench-bench")
    customers = [Customer.objects.get_or_create(bin=b, defaults={"name_kk": n, "name_ru": n, "kind": "ministry"})[0]
                 for b, n in (("990340000173", "Мәдениет министрлігі"), ("990240005513", "Оқу-ағарту министрлігі"))]
    lots = []
    for year in (2022, 2023, 2024, 2025, 2026):
        fiscal, _ = FiscalYear.objects.get_or_create(year=year, defaults={"mci": Decimal("3692")})
        for c_index, customer in enumerate(customers):
            direction_list, _ = PriorityDirectionList.objects.get_or_create(
                customer=customer, fiscal_year=fiscal, defaults={"status": "approved"})
            directions = [PriorityDirection.objects.get_or_create(
                direction_list=direction_list, number=n,
                defaults={"title_kk": f"Бағыт {n}", "title_ru": f"Направление {n}"})[0] for n in (1, 2, 3, 4)]
            closes = datetime(year, 3 + 4 * c_index, 14, 18, 30, tzinfo=ASTANA)
            call, _ = Call.objects.get_or_create(code=Call.make_code(year, 50 + c_index), defaults={
                "customer": customer, "fiscal_year": fiscal, "number": 50 + c_index, "title_kk": f"Конкурс {year}",
                "title_ru": f"Конкурс {year}", "opens_at": closes - timedelta(days=30), "closes_at": closes,
                "status": "announced", "announced_at": closes - timedelta(days=37)})
            for index in range(100):
                region = regions[index % 20] if index % 21 else None
                lot, _ = Lot.objects.get_or_create(call=call, code=f"{call.code}-B{index:03d}", defaults={
                    "title_kk": f"Лот {index}", "title_ru": f"Лот {index}", "region": region,
                    "grant_type": [GrantType.SHORT, GrantType.MEDIUM, GrantType.LONG][index % 3],
                    "term_months": [10, 18, 30][index % 3], "budget": Decimal("100000000"), "grants_count": 100,
                    "direction": directions[index % 4], "position": index})
                lots.append(lot)
    per_lot = -(-count // len(lots))
    index = have
    while index < count:
        apps, grants = [], []
        for _ in range(min(5000, count - index)):
            lot = lots[index // per_lot]
            ngo_id = ngos[(index * 7919) % len(ngos)][0]
            words = rng.sample(range(len(WORDS_KK)), 3)
            title = (" ".join(WORDS_KK[w] for w in words) if index % 2 else " ".join(WORDS_RU[w] for w in words))
            apps.append(Application(lot=lot, ngo_id=ngo_id, status="winner", language="kk" if index % 2 else "ru",
                                    title=title, summary=f"{title}: " + " ".join(WORDS_RU[w] for w in words),
                                    goals="Мақсат / Цель", submitted_at=lot.call.closes_at - timedelta(days=2)))
            index += 1
        Application.objects.bulk_create(apps, batch_size=2000)
        for n, app in enumerate(apps):
            awarded = (app.lot.call.closes_at + timedelta(days=40)).date()
            amount = Decimal(rng.randrange(3_000_000, 60_000_000, 1000))
            grants.append(Grant(
                number=f"B{index - len(apps) + n:06d}", application=app, ngo_id=app.ngo_id, lot=app.lot,
                call=app.lot.call, title=app.title.capitalize(), amount=amount, awarded_on=awarded,
                sign_by=awarded + timedelta(days=15), starts_on=awarded + timedelta(days=20),
                ends_on=awarded + timedelta(days=20 + 30 * app.lot.term_months),
                final_report_due=awarded + timedelta(days=40 + 30 * app.lot.term_months),
                budget={"services": str(amount)}, status="in_progress" if rng.random() < 0.7 else "agreement_signed",
                indicators=[{"name": "Қатысушылар", "unit": "адам", "baseline": "0", "target": "300"}]))
        Grant.objects.bulk_create(grants, batch_size=2000)
        tranches, payments = [], []
        for grant in grants:
            half = (grant.amount / 2).quantize(Decimal("0.01"))
            paid = rng.random() < 0.4
            tranches.append(Tranche(grant=grant, position=1, share=Decimal("50"), amount=half, condition="on_signing",
                                    status="paid" if paid else "due"))
            tranches.append(Tranche(grant=grant, position=2, share=Decimal("50"), amount=grant.amount - half,
                                    condition="report_accepted", condition_report="interim"))
        Tranche.objects.bulk_create(tranches, batch_size=4000)
        for tranche in tranches:
            if tranche.status == "paid":
                payments.append(Payment(tranche=tranche, paid_on=tranche.grant.starts_on, amount=tranche.amount,
                                        order_number=f"ПП-{tranche.pk}", recorded_by=finance))
        Payment.objects.bulk_create(payments, batch_size=4000)
        print(f"  seeded {index}/{count}", end="\r", flush=True)
    reindex_all()
    rebuild_tallies()  # the statistics' tallies follow saves; bulk_create bypassed them
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"seeded {count} grants in {time.perf_counter() - started:.1f} s")


def scenarios(rng: random.Random):
    from portal.models import Region

    regions = [r.slug for r in Region.objects.all()] + ["national"]
    lang = lambda: rng.choice(["kk", "ru"])  # noqa: E731
    return {
        "bare view (robots.txt)": lambda: "/robots.txt",
        "registry (pages 1–50)": lambda: f"/{lang()}/grants/?page={rng.randint(1, 50)}",
        "filtered list": lambda: (
            f"/{lang()}/grants/?region={rng.choice(regions)}&year={rng.choice([2023, 2024, 2025])}"
            f"&grant_type={rng.choice(['', 'short', 'long'])}&amount_from={rng.choice(['', '10000000'])}"
            f"&sort={rng.choice(['-date', '-amount', 'ngo'])}"),
        "search (kk/ru)": lambda: (f"/kk/grants/?q={rng.choice(WORDS_KK)}" if rng.random() < 0.5
                                   else f"/ru/grants/?q={rng.choice(WORDS_RU)}"),
        "statistics": lambda: f"/{lang()}/statistics/?year={rng.choice(['', '2024', '2025'])}",
    }


def measure(client: Client, make_url, count: int) -> dict:
    timings, queries = [], []
    for _ in range(count):
        url = make_url()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries.append(len(captured))
    timings.sort()
    return {"median": statistics.median(timings), "p95": timings[int(len(timings) * 0.95) - 1],
            "queries": max(queries)}


def report(title: str, results: dict) -> None:
    bare = results["bare view (robots.txt)"]["p95"]
    print(f"\n{title}\n{'scenario':28} {'median ms':>10} {'p95 ms':>8} {'× bare':>7} {'queries':>8}")
    for name, r in results.items():
        print(f"{name:28} {r['median']:10.1f} {r['p95']:8.1f} {r['p95'] / bare:7.1f} {r['queries']:8d}")


def main() -> None:
    if args.export_only:
        export_only()
        return
    call_command("migrate", verbosity=0)
    seed(args.count)
    from agreements.models import Grant

    print(f"{Grant.objects.count()} grants; {args.requests} requests per scenario, server cache off")
    rng = random.Random(args.seed)
    client = Client()
    results = {}
    for name, make_url in scenarios(rng).items():
        for _ in range(5):
            client.get(make_url())  # warm the connection and the code paths
        results[name] = measure(client, make_url, args.requests)
    report("server cache off: every page from the database", results)
    # The same pages as anonymous visitors get them: the versioned server cache on (locmem here), each
    # address once to fill it, then measured: what a page costs between two changes of the grants.
    from django.test.utils import override_settings

    with override_settings(PUBLIC_CACHE=True):
        warm = {}
        for name, make_url in scenarios(random.Random(args.seed)).items():
            urls = [make_url() for _ in range(8)]
            for url in urls:
                client.get(url)
            warm[name] = measure(client, lambda urls=urls: rng.choice(urls), args.requests)
    report("server cache on (warm)", warm)
    # A page no visitor asked for since the last change, though other pages filled the fragments it shares (the
    # filters' choices, the counts, the statistics' figures): the usual miss between two changes of the grants.
    with override_settings(PUBLIC_CACHE=True):
        cold = {}
        for name, make_url in scenarios(random.Random(args.seed + 1)).items():
            urls = [make_url() for _ in range(args.requests)]
            for url in urls:
                client.get(url)
            fresh = iter(f"{url}{'&' if '?' in url else '?'}visit={n}" for n, url in enumerate(urls))
            cold[name] = measure(client, lambda fresh=fresh: next(fresh), args.requests)
    report("server cache on, the page itself not cached (its fragments are)", cold)
    if args.no_export:
        return
    out = subprocess.run([sys.executable, __file__, "--export-only", "--database-url", args.database_url],
                         capture_output=True, text=True, check=True, env={**os.environ})
    line = next(item for item in out.stdout.splitlines() if item.startswith("EXPORT"))
    _, seconds, size, growth, base = line.split()
    print(f"JSON export of every grant: {float(seconds):.1f} s, {int(size) / 1e6:.1f} MB, "
          f"peak RSS growth {float(growth):.1f} MB (from {float(base):.0f} MB)")


if __name__ == "__main__":
    main()
