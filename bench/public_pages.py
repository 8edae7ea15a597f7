#!/usr/bin/env python
"""Anonymous public pages against a bare view, under gunicorn on PostgreSQL (not part of the test run).

Seeds a bench database (the demo data, then --ngos NGOs: 2000, 20000 or 100000; reused when already
seeded), serves the portal with gunicorn as deployed (sync workers) under bench/settings.py, which adds
a bare view on the same server and middleware and an X-Queries header, and requests the pages in
interleaved rounds: each round runs a burst of --requests per page (the bare view among them, in a
shuffled order) from --concurrency clients. For every page it prints its req/s as a share of the bare
view's in the same run (the machine's load hits both alike), the client p95 and the queries per request;
first with the server cache warm, then with it off (PUBLIC_CACHE=False: every page built from the
database — the cold case).

    python bench/public_pages.py                                  # 20,000 NGOs
    python bench/public_pages.py --ngos 100000 --rounds 5 --requests 40
"""

import argparse
import http.client
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
sys.path.insert(0, str(ROOT))

from bench.common import ensure_database, free_port, seed_ngos  # noqa: E402


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ngos", type=int, default=20_000, choices=[2_000, 20_000, 100_000])
    parser.add_argument("--database", default="", help="default postgres://postgres@127.0.0.1:5432/demeu_bench_<ngos>")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/12")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (the image: 4)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--requests", type=int, default=40, help="requests per page per round")
    parser.add_argument("--phases", default="warm,cold")
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args()


def seed(env: dict, count: int, rng_seed: int) -> dict:
    """Migrate, the demo data once, then NGOs up to `count`; returns the addresses of the sample pages."""
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from grants.models import Call, PriorityDirectionList
    from ngos.choices import VerificationStatus
    from ngos.models import NGO

    if not Call.objects.exists():
        call_command("seed_demo", verbosity=0)
    have = NGO.objects.count()
    if have < count:
        seed_ngos(have, count, rng_seed)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # the steady state autovacuum keeps
    call = Call.objects.filter(announced_at__isnull=False).order_by("-closes_at").first()
    lot = call.lots.order_by("code").first()
    ngo = NGO.objects.filter(verification=VerificationStatus.VERIFIED).order_by("pk")[count // 2]
    discussed = PriorityDirectionList.objects.exclude(status="draft").first()
    pages = {
        "home": ["/kk/", "/ru/"],
        "calls": ["/kk/calls/", "/ru/calls/"],
        "a call": [f"/kk/calls/{call.code}/"],
        "a lot": [f"/kk/calls/{call.code}/lots/{lot.code}/"],
        "NGO list": [f"/kk/ngos/?page={page}" for page in (1, 2, 50, 400)],
        "NGO list, filtered": [
            "/kk/ngos/?region=almaty&listed=on&sort=name", "/ru/ngos/?region=astana&legal_form=public_foundation",
            "/kk/ngos/?sphere=education&sort=-registered",
        ],
        "NGO search": ["/kk/ngos/?q=жастар", "/ru/ngos/?q=фонд", "/kk/ngos/?q=0101"],
        "an NGO profile": [f"/kk/ngos/{ngo.bin}/"],
        "results": ["/kk/results/"],
        "directions": ["/kk/directions/"],
    }
    if discussed:
        pages["a direction list"] = [f"/kk/directions/{discussed.pk}/"]
    from agreements.models import Grant  # the registry of awarded grants (issue 14)

    grant = Grant.objects.exclude(status="declined").order_by("pk").first()
    pages["registry"] = ["/kk/grants/", "/ru/grants/?region=almaty&sort=-amount", "/kk/grants/?q=жастар"]
    pages["statistics"] = ["/kk/statistics/", "/ru/statistics/"]
    if grant:
        pages["a grant"] = [f"/kk/grants/{grant.number}/"]
    return pages


def serve(env: dict, port: int, workers: int, log) -> subprocess.Popen:
    command = [PYTHON, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers), "--timeout", "60"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn did not start: see the log")
        try:
            get(port, "/bench/bare/")
            return process
        except OSError:
            time.sleep(0.3)
    stop(process)
    raise SystemExit("gunicorn did not answer in 60 s")


def stop(process) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def get(port: int, path: str) -> tuple[int, float, int, float]:
    """One anonymous GET (no cookie, as a first-time visitor): status, seconds, queries, server ms."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", quote(path, safe="/?=&-"), headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        response.read()
        return (response.status, time.perf_counter() - started, int(response.getheader("X-Queries", "0")),
                float(response.getheader("X-Server-Ms", "0")))
    finally:
        connection.close()


def burst(port: int, paths: list[str], count: int, concurrency: int):
    """`count` requests over `paths` from `concurrency` clients at once: wall seconds, latencies, queries,
    server times."""
    lock, latencies, queries, server, failures = threading.Lock(), [], [], [], []
    todo = iter(range(count))

    def client():
        while True:
            with lock:
                index = next(todo, None)
            if index is None:
                return
            status, seconds, ran, server_ms = get(port, paths[index % len(paths)])
            with lock:
                latencies.append(seconds)
                server.append(server_ms)
                queries.append(ran)
                if status != 200:
                    failures.append((paths[index % len(paths)], status))

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"not 200: {failures[:3]}")
    return time.perf_counter() - started, latencies, queries, server


def run_phase(name: str, env: dict, pages: dict, args) -> None:
    port = free_port()
    log = open(ROOT / f"bench/public_pages-{name}.log", "w")  # noqa: SIM115  closed with the server
    process = serve(env, port, args.workers, log)
    try:
        targets = {"bare view": ["/bench/bare/"], **pages}
        for paths in targets.values():  # warm-up: imports, connections, and (warm phase) the cache
            for path in paths:
                for _ in range(args.workers * 2):
                    get(port, path)
        totals = {page: {"seconds": 0.0, "count": 0, "latencies": [], "queries": [], "server": []} for page in targets}
        rng = random.Random(args.seed)
        for _round in range(args.rounds):
            order = list(targets)
            rng.shuffle(order)
            for page in order:
                seconds, latencies, queries, server = burst(port, targets[page], args.requests, args.concurrency)
                total = totals[page]
                total["seconds"] += seconds
                total["count"] += len(latencies)
                total["latencies"] += latencies
                total["queries"] += queries
                total["server"] += server
        bare = totals["bare view"]["count"] / totals["bare view"]["seconds"]
        print(f"\n{name} cache — {args.ngos:,} NGOs, {args.workers} sync workers, concurrency {args.concurrency}, "
              f"{args.rounds} interleaved rounds × {args.requests} requests; bare view {bare:.0f} req/s")
        print(f"{'page':<22} {'share of bare':>13} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
              f"{'server p50':>10} {'server p95':>10} {'queries':>8}")
        for page, total in totals.items():
            rate = total["count"] / total["seconds"]
            ordered = sorted(total["latencies"])
            p95 = ordered[int(round(0.95 * (len(ordered) - 1)))] * 1000
            p50 = statistics.median(ordered) * 1000
            server = sorted(total["server"])
            print(f"{page:<22} {rate / bare:>13.3f} {rate:>7.0f} {p50:>7.1f} {p95:>7.1f} "
                  f"{statistics.median(server):>10.1f} {server[int(round(0.95 * (len(server) - 1)))]:>10.1f} "
                  f"{statistics.median(total['queries']):>8.0f}")
    finally:
        stop(process)
        log.close()


def main() -> None:
    args = arguments()
    database = args.database or f"postgres://postgres@127.0.0.1:5432/demeu_bench_{args.ngos // 1000}k"
    ensure_database(database)
    env = {
        **os.environ, "DATABASE_URL": database, "REDIS_URL": args.redis, "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_CONN_MAX_AGE": "600", "CELERY_TASK_ALWAYS_EAGER": "true", "LOG_LEVEL": "ERROR",
        "EMAIL_URL": "dummymail://",
    }
    env.pop("DJANGO_DEBUG", None)
    pages = seed(env, args.ngos, args.seed)
    for phase in filter(None, args.phases.split(",")):  # --phases "": seed only
        phase_env = {**env, "PUBLIC_CACHE": "true" if phase == "warm" else "false"}
        if phase == "warm":
            from django.core.cache import cache

            cache.clear()  # the warm-up fills it from this run's data
        run_phase(phase, phase_env, pages, args)


if __name__ == "__main__":
    main()
