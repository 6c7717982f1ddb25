"""Load benchmark: the example site under gunicorn, driven by wrk on loopback.

Prints requests/s with p50/p95 latency and error counts for, in one run:
a plain Django view (the example site's constant ``/healthz/``), a plain Wagtail
page (the home page), the Action Kit page served from the shared page cache, and
letter POSTs; then the ratios against the baselines (round 2 targets: the cached
campaign page >= 0.8x the plain view's rate with p95 <= 1.5x; letters >= 1.0x the
plain Wagtail page's rate with p95 <= 1.5x). Also prints each worker's peak memory.

    python benchmarks/load.py [--workers 4] [--seconds 10] [--connections 16] [--redis URL]

Uses DATABASE_URL when set (PostgreSQL: `postgres://postgres@127.0.0.1:5432/sa_bench`),
else a fresh SQLite file; ``--redis`` (or REDIS_URL) makes the shared cache Redis,
else each worker has its own local-memory cache. wrk is one client, so the run sets
the letter rate limit to 1,000,000 per window (LETTER_RATE_LIMIT); the limit's cache
round trips stay in every letter's cost. Needs `wrk` (Debian package) and gunicorn.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "example_site"

POST_SCRIPT = """
wrk.method = "POST"
wrk.body = "name=Marie+Curie&club=SI+Paris&town=Paris&email=&country=JP&language=en"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = "http://127.0.0.1:{port}"
done = function(summary, latency, requests)
  io.write(string.format("P50 %f\\nP95 %f\\n", latency:percentile(50), latency:percentile(95)))
end
"""
GET_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("P50 %f\\nP95 %f\\n", latency:percentile(50), latency:percentile(95)))
end
"""


def environment(database_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="example_site.settings",
        PYTHONPATH=f"{SITE}{os.pathsep}{ROOT}",
        DEBUG="0",
        CONN_MAX_AGE="600",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # wrk is one client: the per-client letter limit is raised for the run (said in the output).
        LETTER_RATE_LIMIT=os.environ.get("LETTER_RATE_LIMIT", "1000000000"),
    )
    return env


def manage(env, *args):
    subprocess.run([sys.executable, str(SITE / "manage.py"), *args], env=env, check=True, stdout=subprocess.DEVNULL)


def wait_until_up(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except Exception:
            time.sleep(0.3)
    raise RuntimeError(f"server did not answer at {url}")


def run_wrk(url: str, script: str, seconds: int, connections: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", handle.name, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(handle.name)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = 0
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if match:
        errors += int(match.group(1))
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if match:
        errors += sum(int(value) for value in match.groups())
    return {
        "rate": rate,
        "p50": float(re.search(r"P50 ([\d.]+)", out).group(1)) / 1000,
        "p95": float(re.search(r"P95 ([\d.]+)", out).group(1)) / 1000,
        "errors": errors,
    }


def worker_rss_mb(master_pid: int) -> list[float]:
    children = subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True).stdout.split()
    sizes = []
    for pid in children:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmHWM:\s+(\d+) kB", status)
        if match:
            sizes.append(int(match.group(1)) / 1024)
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--redis", default=os.environ.get("REDIS_URL"), help="shared cache, e.g. redis://127.0.0.1:6379/5"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed (apt-get install wrk)")
        return 1

    workdir = Path(tempfile.mkdtemp(prefix="sa-load-"))
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{workdir / 'db.sqlite3'}"
    env = environment(database_url)
    env["MEDIA_ROOT"] = str(workdir / "media")
    if args.redis:
        env["REDIS_URL"] = args.redis
    else:
        env.pop("REDIS_URL", None)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--chdir",
            str(SITE),
            "-w",
            str(args.workers),
            "-b",
            f"127.0.0.1:{args.port}",
            "--log-level",
            "warning",
            "example_site.wsgi:application",
        ],
        env=env,
    )
    try:
        wait_until_up(base + "/")
        for path in ("/", "/healthz/", "/action-kit/", "/action-kit/"):
            urllib.request.urlopen(base + path).read()
        # Warm every worker, letters included: a worker's first letter builds the campaign's
        # letter setup and prepares its template once (seconds on a busy machine), which would
        # otherwise land in the measured letters' p95 as a one-off per process.
        for path, script in (("/", GET_SCRIPT), ("/action-kit/letter/", POST_SCRIPT.format(port=args.port))):
            run_wrk(base + path, script, 3, args.connections)
        print(
            f"database: {urllib.parse.urlsplit(database_url).scheme}, shared cache: "
            f"{'redis' if args.redis else 'local memory per worker'}, gunicorn workers: {args.workers}, "
            f"wrk: 2 threads, {args.connections} connections, {args.seconds} s each, on this machine's "
            f"{os.cpu_count()} cores (server and load generator share them); "
            f"letter rate limit raised to {env['LETTER_RATE_LIMIT']} per client for the run"
        )
        results = {
            "plain Django view (/healthz/)": run_wrk(base + "/healthz/", GET_SCRIPT, args.seconds, args.connections),
            "plain Wagtail page GET": run_wrk(base + "/", GET_SCRIPT, args.seconds, args.connections),
            "Action Kit page GET (cached)": run_wrk(base + "/action-kit/", GET_SCRIPT, args.seconds, args.connections),
            "letter POST (.docx)": run_wrk(
                base + "/action-kit/letter/", POST_SCRIPT.format(port=args.port), args.seconds, args.connections
            ),
        }
        for name, result in results.items():
            print(
                f"{name:30s} {result['rate']:8.1f} req/s   p50 {result['p50']:6.1f} ms   "
                f"p95 {result['p95']:6.1f} ms   errors {result['errors']}"
            )
        plain_view = results["plain Django view (/healthz/)"]
        campaign = results["Action Kit page GET (cached)"]
        baseline = results["plain Wagtail page GET"]
        letters = results["letter POST (.docx)"]
        print(f"cached campaign GETs/s vs /healthz/: {campaign['rate'] / plain_view['rate']:.2f}x (target >= 0.8x)")
        print(f"cached campaign p95 vs /healthz/ p95: {campaign['p95'] / plain_view['p95']:.2f}x (target <= 1.5x)")
        print(f"letters/s vs plain page GETs/s:      {letters['rate'] / baseline['rate']:.2f}x (target >= 1.0x)")
        print(f"letter p95 vs plain page p95:        {letters['p95'] / baseline['p95']:.2f}x (target <= 1.5x)")
        rss = worker_rss_mb(server.pid)
        if rss:
            print(f"peak memory per worker: {', '.join(f'{size:.0f} MB' for size in rss)}")
        return 0 if all(result["errors"] == 0 for result in results.values()) else 1
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
