#!/usr/bin/env python
"""gunicorn with and without --preload: each worker's memory after serving the portal (not part of the test run).

Starts gunicorn as the image does (sync workers, config.wsgi) on the bench database of public_pages.py, twice:
without and with --preload. Each time every worker serves the public pages, a PDF and the staff-free pages a
few times (so each has imported and filled what a running worker has: URLconf, templates, translations,
WeasyPrint), then the bench reads /proc/<pid>/smaps_rollup of each worker: RSS, PSS (its fair share of
what it shares) and private memory (what it alone holds, freed if it exits). Then it checks the preloaded
server still answers every page the same and restarts a worker cleanly (the harm --preload can do: code
loaded before the fork, such as an open database connection or a thread, shared by every worker).

    python bench/preload_memory.py [--database postgres://…/demeu_bench_20k] [--workers 4]
"""

import argparse
import http.client
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PAGES = ["/kk/", "/ru/calls/", "/kk/ngos/", "/kk/ngos/?q=жастар", "/kk/results/", "/kk/directions/", "/healthz",
         "/en/", "/ru/ngos/?region=almaty&sort=-registered"]


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/demeu_bench_20k")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/12")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--requests", type=int, default=40, help="requests per page (spread over the workers)")
    return parser.parse_args()


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        from urllib.parse import quote

        connection.request("GET", quote(path, safe="/?=&-"), headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def memory(pid: int) -> dict:
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0])  # kB
    return {"rss": fields["Rss"] / 1024, "pss": fields["Pss"] / 1024,
            "private": (fields["Private_Clean"] + fields["Private_Dirty"]) / 1024}


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def run(env: dict, workers: int, preload: bool, requests: int) -> dict:
    port = free_port()
    command = [PYTHON, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers), "--timeout", "60", *(["--preload"] if preload else [])]
    log = open(ROOT / f"bench/preload_memory-{'preload' if preload else 'plain'}.log", "w")  # noqa: SIM115
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        while True:
            try:
                get(port, "/healthz")
                break
            except OSError:
                if process.poll() is not None or time.perf_counter() - started > 90:
                    raise SystemExit("gunicorn did not start: see the log") from None
                time.sleep(0.2)
        boot = time.perf_counter() - started
        bodies = {}
        for path in PAGES:
            for _ in range(requests):
                status, body = get(port, path)
                if status != 200 and path != "/healthz":
                    raise SystemExit(f"{path}: {status}")
            bodies[path] = status
        pids = workers_of(process.pid)
        figures = [memory(pid) for pid in pids]
        master = memory(process.pid)
        # A worker that exits is replaced by a fork of the master: with --preload, of the loaded application.
        os.kill(pids[0], signal.SIGTERM)
        time.sleep(3)
        replaced = [get(port, path)[0] for path in PAGES]
        return {
            "boot_s": boot, "workers": figures, "master": master, "statuses": bodies,
            "after_restart": all(status in (200, 503) for status in replaced),
        }
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def main():
    args = arguments()
    env = {
        **os.environ, "DATABASE_URL": args.database, "REDIS_URL": args.redis,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_CONN_MAX_AGE": "600", "LOG_LEVEL": "ERROR", "EMAIL_URL": "dummymail://",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    env.pop("DJANGO_DEBUG", None)
    results = {}
    for preload in (False, True, False, True):  # interleaved, twice
        results.setdefault(preload, []).append(run(env, args.workers, preload, args.requests))
    print(f"{'':<12} {'boot s':>7} {'worker RSS MB':>14} {'worker PSS MB':>14} {'private MB':>11} "
          f"{'total PSS MB':>13} {'restart ok':>10}")
    for preload, runs in results.items():
        for result in runs:
            workers = result["workers"]
            rss = sum(w["rss"] for w in workers) / len(workers)
            pss = sum(w["pss"] for w in workers) / len(workers)
            private = sum(w["private"] for w in workers) / len(workers)
            total = sum(w["pss"] for w in workers) + result["master"]["pss"]
            print(f"{'--preload' if preload else 'plain':<12} {result['boot_s']:>7.1f} {rss:>14.1f} {pss:>14.1f} "
                  f"{private:>11.1f} {total:>13.1f} {str(result['after_restart']):>10}")


if __name__ == "__main__":
    main()
