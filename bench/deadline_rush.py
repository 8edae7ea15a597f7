"""Deadline rush: N submissions from C concurrent clients against gunicorn on PostgreSQL, minutes before closes-at.

    .venv/bin/python bench/deadline_rush.py [--submissions 500] [--clients 20] [--workers 4] [--worker-class sync]
    .venv/bin/python bench/deadline_rush.py --worker-class gthread --workers 2 --threads 4

It creates a separate database (demeu_bench_apps by default, dropped and migrated first), a call closing in a
few minutes with ready drafts whose heads are signed in, starts gunicorn and a Celery worker (receipts are
rendered and mailed in the background, as in production), lets the clients submit, and reports throughput,
median and p95 latency, and receipts against submissions. Not part of the test run.

The latencies are what the clients observe (connect, send, wait, read), the figure that matters. Beside them
the bench reports the server's own time per request from gunicorn's access log (from when a worker thread
picks the request up to the response: without the wait in the listen queue), and how busy the two cores
were during the rush and whose CPU it was (gunicorn, PostgreSQL, the worker, anything else on the machine),
so a run slowed down by something else on the machine shows as such. Before the rush each client reads its
draft's submit page a few times (--warm-up), so the figures are those of a server that was already running.
"""

import argparse
import json
import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import timedelta
from http.client import HTTPConnection
from pathlib import Path
from queue import Empty, Queue

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")


def parse():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--submissions", type=int, default=500)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (the image: 4)")
    parser.add_argument("--threads", type=int, default=4, help="threads per gthread worker")
    parser.add_argument("--worker-class", default="sync", choices=["gthread", "sync"],
                        help="sync: one request at a time per process, no keep-alive (--threads is ignored)")
    parser.add_argument("--warm-up", type=int, default=3,
                        help="GETs of the submit page per client before the rush, not measured (0: a cold server)")
    parser.add_argument("--port", type=int, default=0, help="0: any free port")
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/demeu_bench_apps")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/5")
    parser.add_argument("--minutes-before", type=float, default=8.0, help="how long before closes-at the rush starts")
    parser.add_argument("--receipt-timeout", type=int, default=900, help="seconds to wait for the last receipt")
    return parser.parse_args()


def recreate_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def prepare(args, env) -> tuple[list[dict], object]:
    """Migrate, then make one call closing soon and `submissions` ready drafts, each with a signed-in head."""
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from tests.grants.applications.factories import (
        CallFactory,
        LotFactory,
        LotIndicatorFactory,
        NGOFactory,
        person,
        ready_application,
    )

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # make 500 users quickly
    now = timezone.now()
    call = CallFactory(opens_at=now - timedelta(days=20), closes_at=now + timedelta(minutes=args.minutes_before))
    lots = [LotFactory(call=call) for _ in range(10)]
    for lot in lots:
        LotIndicatorFactory(lot=lot)
    clients = []
    for index in range(args.submissions):
        ngo = NGOFactory()
        head = person(ngo, "head", email=f"head{index}@bench.demeu.kz")
        application = ready_application(lots[index % len(lots)], ngo)
        client = Client()
        client.force_login(head)
        clients.append({"application": application.pk, "session": client.cookies[settings.SESSION_COOKIE_NAME].value})
    return clients, call


def start(command, env, log):
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(process):
    if process and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def lower_priority_of_session(pid: int) -> None:
    """With the kernel's autogroup scheduling (Linux's default on desktops and many VMs), `nice` only orders
    processes within their own session: the worker, in a session of its own, would take a full share of the
    cores from gunicorn. Its session's autogroup gets the low priority too."""
    try:
        Path(f"/proc/{pid}/autogroup").write_text("19")
    except OSError:
        pass


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, process, seconds: int = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited: see its log")
        try:
            connection = HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status in (200, 503):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer")


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, from /proc/stat."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields) - idle) / CLOCK_TICKS, sum(fields) / CLOCK_TICKS


def cpu_by_group(groups: dict[str, int]) -> dict[str, float]:
    """CPU seconds (user + system) of the processes of each session id in `groups`, and of PostgreSQL."""
    found = dict.fromkeys([*groups, "postgresql"], 0.0)
    sessions = {sid: name for name, sid in groups.items()}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        rest = stat[stat.rindex(")") + 2:].split()
        seconds = (int(rest[11]) + int(rest[12])) / CLOCK_TICKS
        if int(rest[3]) in sessions:
            found[sessions[int(rest[3])]] += seconds
        elif name.startswith("postgres"):
            found["postgresql"] += seconds
    return found


def warm_up(args, jobs: list[dict]) -> None:
    """Minutes before a deadline the server has been serving for hours: every worker has loaded its URLconf
    (and with it WeasyPrint), its translations and its database connection. A fresh gunicorn pays that on its
    first requests (0.5–1 s each), which would land in the rush's tail; the clients first read the submit page
    of their drafts, read-only and unmeasured."""

    def client(job):
        connection = HTTPConnection("127.0.0.1", args.port, timeout=60)
        for _ in range(args.warm_up):
            connection.request("GET", f"/ru/applications/{job['application']}/submit/",
                               headers={"Cookie": f"sessionid={job['session']}"})
            connection.getresponse().read()
        connection.close()

    threads = [threading.Thread(target=client, args=(job,)) for job in jobs[:args.clients]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def rush(args, jobs: list[dict]) -> tuple[list[float], list[tuple[int, int]], float]:
    queue: Queue = Queue()
    for job in jobs:
        queue.put(job)
    latencies: list[float] = []
    outcomes: list[tuple[int, int]] = []
    lock = threading.Lock()
    start_gate = threading.Barrier(args.clients)

    def client():
        connection = HTTPConnection("127.0.0.1", args.port, timeout=60)
        start_gate.wait()
        while True:
            try:
                job = queue.get_nowait()
            except Empty:
                return
            token = secrets.token_hex(16)  # a 32-character CSRF secret, as Django's cookie holds
            headers = {
                "Cookie": f"sessionid={job['session']}; csrftoken={token}",
                "X-CSRFToken": token,
                "Content-Type": "application/x-www-form-urlencoded",
                "Content-Length": "0",
            }
            began = time.perf_counter()
            try:
                connection.request("POST", f"/ru/applications/{job['application']}/submit/", body=b"", headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except OSError:
                connection.close()
                connection = HTTPConnection("127.0.0.1", args.port, timeout=60)
                status = 0
            elapsed = time.perf_counter() - began
            with lock:
                latencies.append(elapsed)
                outcomes.append((job["application"], status))

    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, outcomes, time.perf_counter() - began


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, int(round(share * len(ordered) + 0.5)) - 1))
    return ordered[index]


def main():
    args = parse()
    media = tempfile.mkdtemp(prefix="demeu-bench-media-")
    args.port = args.port or free_port()
    env = {
        **os.environ,
        "DATABASE_URL": args.database,
        "REDIS_URL": args.redis,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "MEDIA_ROOT": media,
        "EMAIL_URL": "dummymail://",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_CONN_MAX_AGE": "60",
        "LOG_LEVEL": "ERROR",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    env.pop("DJANGO_DEBUG", None)
    print(f"database {args.database}: recreating and migrating…", flush=True)
    recreate_database(args.database)
    jobs, call = prepare(args, env)
    print(f"{len(jobs)} ready drafts, call {call.code} closes at {call.closes_at:%H:%M:%S} UTC", flush=True)
    subprocess.run(["redis-cli", "-u", args.redis, "FLUSHDB"], check=False, capture_output=True)

    logs = Path(media) / "logs"
    logs.mkdir()
    gunicorn = worker = None
    thread_args = ["--threads", str(args.threads)] if args.worker_class == "gthread" else []
    config = (f"{args.workers} sync workers" if args.worker_class == "sync"
              else f"{args.workers} workers × {args.threads} threads")
    try:
        gunicorn = start(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "config.wsgi", "-b", f"127.0.0.1:{args.port}",
             "-w", str(args.workers), *thread_args, "-k", args.worker_class, "--log-level", "warning",
             "--access-logfile", str(logs / "access.log"), "--access-logformat", "%(M)s %(s)s %(m)s %(U)s"],
            env, (logs / "gunicorn.log").open("w"),
        )
        worker = start(
            # Niced: receipts are background work and must not slow the submissions down (in production
            # the worker runs on its own cores).
            ["nice", "-n", "19", str(ROOT / ".venv" / "bin" / "celery"), "-A", "config", "worker", "-c", "1",
             "-l", "warning"],
            env, (logs / "worker.log").open("w"),
        )
        lower_priority_of_session(worker.pid)
        wait_for(args.port, gunicorn)
        print(f"rush: {len(jobs)} submissions from {args.clients} clients "
              f"(gunicorn {config})…", flush=True)
        warm_up(args, jobs)
        groups = {"gunicorn": gunicorn.pid, "worker": worker.pid}
        cpu_before, machine_before, clients_before = cpu_by_group(groups), machine_cpu(), time.process_time()
        latencies, outcomes, wall = rush(args, jobs)
        cpu_after, machine_after, clients_after = cpu_by_group(groups), machine_cpu(), time.process_time()
        cpu = {name: cpu_after[name] - cpu_before[name] for name in cpu_after}
        cpu["bench_clients"] = clients_after - clients_before
        busy, total = (after - before for after, before in zip(machine_after, machine_before, strict=True))
        cpu["other"] = max(0.0, busy - sum(cpu.values()))
        server = [int(line.split()[0]) for line in (logs / "access.log").read_text().splitlines()
                  if " POST " in line and "/submit/" in line]

        from django.utils import timezone

        from grants.applications.models import Application, Submission

        submitted_before_deadline = timezone.now() < call.closes_at
        ok = sum(1 for _, status in outcomes if status == 302)
        submissions = Submission.objects.filter(application__lot__call=call)
        numbers = sorted(Application.objects.filter(lot__call=call).exclude(sequence=None)
                         .values_list("sequence", flat=True))
        print("waiting for the worker to render and mail every receipt…", flush=True)
        waited = time.time()
        while time.time() - waited < args.receipt_timeout:
            if submissions.exclude(receipt="").count() >= submissions.count():
                break
            time.sleep(2)
        receipts = submissions.exclude(receipt="").count()
        result = {
            "submissions_requested": len(jobs),
            "clients": args.clients,
            "warm_up_requests_per_client": args.warm_up,
            "gunicorn": config,
            "responses_302": ok,
            "other_responses": sorted({status for _, status in outcomes if status != 302}),
            "wall_seconds": round(wall, 2),
            "throughput_per_second": round(len(outcomes) / wall, 1),
            "latency_median_ms": round(statistics.median(latencies) * 1000, 1),
            "latency_p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
            "latency_max_ms": round(max(latencies) * 1000, 1),
            "server_median_ms": statistics.median(server) if server else None,
            "server_p95_ms": percentile(server, 0.95) if server else None,
            "cpu_busy_percent": round(100 * busy / total, 1) if total else None,
            "cpu_seconds": {name: round(seconds, 2) for name, seconds in cpu.items()},
            "gunicorn_cpu_ms_per_submission": round(1000 * cpu["gunicorn"] / len(outcomes), 1),
            "submissions_in_database": submissions.count(),
            "numbers_unique_and_gapless": numbers == list(range(1, len(numbers) + 1)),
            "receipts_rendered": receipts,
            "receipts_wait_seconds": round(time.time() - waited, 1),
            "all_before_deadline": submitted_before_deadline,
        }
    finally:
        stop(gunicorn)
        stop(worker)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"deadline_rush-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(result, indent=2))
    healthy = result["submissions_in_database"] == result["receipts_rendered"] == len(jobs)
    sys.exit(0 if healthy and result["numbers_unique_and_gapless"] else 1)


if __name__ == "__main__":
    main()
