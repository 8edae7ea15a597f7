#!/usr/bin/env python
"""Benchmark of the public NGO database on PostgreSQL (not part of the test run).

Seeds 20,000 NGOs into a separate database (created if missing, reused when already seeded),
then requests the public list, a filtered list and a search — 200 requests each, in Kazakh and
Russian, through Django's test client — and prints the median and 95th-percentile server time and
the SQL queries per page. Target: p95 ≤ 50 ms and ≤ 10 queries.

    python bench/ngos_list.py                      # postgres://postgres@127.0.0.1:5432/demeu_bench_ngos
    python bench/ngos_list.py --database-url postgres://…/other --count 20000 --requests 200
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import ensure_database, seed_ngos  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/demeu_bench_ngos")
parser.add_argument("--count", type=int, default=20_000, help="NGOs to seed (default 20000)")
parser.add_argument("--requests", type=int, default=200, help="requests per scenario (default 200)")
parser.add_argument("--seed", type=int, default=7)
args = parser.parse_args()

os.environ["DATABASE_URL"] = args.database_url
os.environ["REDIS_URL"] = ""  # the list does not use the cache; keep Redis out of the figures
os.environ.pop("DJANGO_DEBUG", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "600")


ensure_database(args.database_url)

import django  # noqa: E402

django.setup()


from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from ngos.choices import VerificationStatus  # noqa: E402
from ngos.demo import STEMS  # noqa: E402
from ngos.models import NGO, Sphere  # noqa: E402
from portal.models import Region  # noqa: E402


def seed(count: int) -> None:
    have = NGO.objects.count()
    if have >= count:
        print(f"{have} NGOs already there")
        return
    started = time.perf_counter()
    seed_ngos(have, count, args.seed)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # the steady state autovacuum keeps: visibility map set
    print(f"seeded {count} NGOs in {time.perf_counter() - started:.1f} s")


def scenarios(rng: random.Random, regions, spheres):
    pages = NGO.objects.filter(verification=VerificationStatus.VERIFIED).count() // 20
    words = [stem[0] for stem in STEMS] + [stem[1].lower() for stem in STEMS]
    bins = list(NGO.objects.values_list("bin", flat=True)[:500])
    return {
        "public list (any page)": lambda: f"/{rng.choice(['kk', 'ru'])}/ngos/?page={rng.randint(1, pages)}",
        "filtered list": lambda: (
            f"/{rng.choice(['kk', 'ru'])}/ngos/?region={rng.choice(regions)}&sphere={rng.choice(spheres)}"
            f"&legal_form={rng.choice(['', 'public_association', 'public_foundation'])}&listed=on"
            f"&sort={rng.choice(['name', '-name', '-registered'])}&page={rng.randint(1, 3)}"
        ),
        "search (name kk/ru, BIN)": lambda: (
            f"/{rng.choice(['kk', 'ru'])}/ngos/?q="
            + (rng.choice(words) if rng.random() < 0.8 else rng.choice(bins)[:8])
        ),
    }


def measure(client: Client, make_url, count: int) -> dict:
    timings, queries = [], []
    for _ in range(count):
        url = make_url()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - started
        assert response.status_code == 200, (url, response.status_code)
        timings.append(elapsed * 1000)
        queries.append(len(captured))
    timings.sort()
    return {
        "median": statistics.median(timings),
        "p95": timings[int(round(0.95 * (len(timings) - 1)))],
        "max": timings[-1],
        "queries": max(queries),
        "queries_min": min(queries),
    }


def main():
    print(f"database: {settings.DATABASES['default']['NAME']} ({connection.vendor}), DEBUG={settings.DEBUG}")
    call_command("migrate", verbosity=0)
    seed(args.count)
    rng = random.Random(args.seed)
    regions = list(Region.objects.values_list("slug", flat=True))
    spheres = list(Sphere.objects.values_list("slug", flat=True))
    client = Client()
    for make_url in scenarios(rng, regions, spheres).values():  # warm up connections and templates
        for _ in range(5):
            client.get(make_url())
    print(f"\n{NGO.objects.count()} NGOs; {args.requests} requests per scenario (test client, server time)\n")
    print(f"{'scenario':<28} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'SQL/page':>9}")
    failed = False
    for name, make_url in scenarios(rng, regions, spheres).items():
        result = measure(client, make_url, args.requests)
        ok = result["p95"] <= 50 and result["queries"] <= 10
        failed |= not ok
        queries = f"{result['queries_min']}–{result['queries']}" if result["queries_min"] != result["queries"] else \
            str(result["queries"])
        print(f"{name:<28} {result['median']:>10.1f} {result['p95']:>8.1f} {result['max']:>8.1f} {queries:>9}"
              f"  {'ok' if ok else 'OVER TARGET'}")
    print("\ntarget: p95 ≤ 50 ms and ≤ 10 queries per page")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
