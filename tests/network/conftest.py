"""Partner sites for the network tests: the example site in subprocesses, each on its own
SQLite file and media directory, serving on a free 127.0.0.1 port; this test process is
the receiving (international) site on the test database.

Each site copies a template database: this session's SQLite test database while it is
pristine (cheap), else one migrated once per session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVER = Path(__file__).with_name("site_server.py")


def site_env(workdir: Path) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "DATABASE_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="example_site.settings",
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        DEBUG="0",
        PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "example_site")]),
    )
    return env


def _copy_test_database(target: Path) -> bool:
    """Copy this session's migrated SQLite test database when it is still pristine: far
    cheaper than migrating again. False on PostgreSQL or once a flush emptied it."""
    from django.db import connection
    from wagtail.models import Locale, Page, Site

    if connection.vendor != "sqlite":
        return False
    if not (Page.objects.count() == 2 and Site.objects.count() == 1 and Locale.objects.exists()):
        return False
    connection.ensure_connection()
    import sqlite3

    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()
    return True


@pytest.fixture(scope="session")
def template_db(tmp_path_factory, django_db_setup, django_db_blocker) -> Path:
    workdir = tmp_path_factory.mktemp("network-template")
    with django_db_blocker.unblock():
        if _copy_test_database(workdir / "db.sqlite3"):
            return workdir / "db.sqlite3"
    subprocess.run(
        [sys.executable, str(ROOT / "example_site" / "manage.py"), "migrate", "-v0"],
        env=site_env(workdir),
        check=True,
        timeout=180,
    )
    return workdir / "db.sqlite3"


class PartnerSite:
    def __init__(self, workdir: Path, process: subprocess.Popen, port: int):
        self.workdir, self.process, self.port = workdir, process, port
        self.host = f"127.0.0.1:{port}"
        self.base = f"http://{self.host}"

    def run(self, action: str) -> None:
        """Change the partner's data from another process, as its editors would."""
        subprocess.run([sys.executable, str(SERVER), action], env=site_env(self.workdir), check=True, timeout=60)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def prepare_site(template_db, tmp_path):
    """A partner site's database and media with fixture *action*, not served."""

    def prepare(action: str) -> PartnerSite:
        workdir = tmp_path / f"offline-{action}"
        workdir.mkdir()
        shutil.copy(template_db, workdir / "db.sqlite3")
        site = PartnerSite(workdir, None, 0)
        site.run(action)
        return site

    return prepare


@pytest.fixture
def start_site(template_db, tmp_path):
    sites = []

    def start(action: str) -> PartnerSite:
        workdir = tmp_path / f"site-{len(sites)}"
        workdir.mkdir()
        shutil.copy(template_db, workdir / "db.sqlite3")
        process = subprocess.Popen(
            [sys.executable, str(SERVER), action, "--serve"],
            env=site_env(workdir),
            stdout=subprocess.PIPE,
            text=True,
        )
        line = process.stdout.readline()
        assert line.startswith("PORT "), f"partner site did not start: {line!r}"
        site = PartnerSite(workdir, process, int(line.split()[1]))
        sites.append(site)
        return site

    yield start
    for site in sites:
        site.stop()


class StubHandler(BaseHTTPRequestHandler):
    """Answers every GET with the server's (status, headers, body), or with its answer for
    the path in ``answers``; with a ``barrier`` set, only once that many requests are in."""

    def do_GET(self):
        if self.server.barrier is not None:
            try:
                self.server.barrier.wait()
            except threading.BrokenBarrierError:
                self.send_error(503, "The other requests never came")
                return
        status, headers, body = self.server.answers.get(self.path, self.server.answer)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def stub_server():
    """A loopback HTTP server whose answer a test sets: hostile files, redirects."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), StubHandler)
    server.answer = (200, {"Content-Type": "text/csv"}, b"")
    server.answers, server.barrier = {}, None
    yield from _serve(server)


def _serve(server):
    server.host = f"127.0.0.1:{server.server_port}"
    server.stopping = threading.Event()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.stopping.set()  # Ends the handlers still writing, whatever their client does.
    if getattr(server, "barrier", None) is not None:
        server.barrier.abort()
    server.shutdown()
    server.server_close()


class DripHandler(BaseHTTPRequestHandler):
    """A partner that answers one byte a second: after its headers (``drip_in = "body"``) or
    in the middle of them (``"headers"``), ``drip_bytes`` bytes at most, counted in ``sent``."""

    protocol_version = "HTTP/1.1"

    def do_GET(self):
        server = self.server
        try:
            if server.drip_in == "headers":
                self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Drip: ")
            else:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "100000")
                self.end_headers()
            for _ in range(server.drip_bytes):
                if server.stopping.wait(server.drip_interval):
                    return
                self.wfile.write(b" ")
                server.sent += 1
        except OSError:  # The client hung up.
            return
        self.close_connection = True

    def log_message(self, *args):
        pass


@pytest.fixture
def drip_server():
    """A loopback partner that sends a byte a second (30 at most, so that code without a
    deadline fails after half a minute rather than hanging)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), DripHandler)
    server.drip_in, server.drip_bytes, server.drip_interval, server.sent = "body", 30, 1.0, 0
    yield from _serve(server)


class EndlessHandler(BaseHTTPRequestHandler):
    """A partner that never declares its length and never stops: chunked
    (``endless = "chunked"``) or plain bytes until it closes (``"close"``)."""

    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if self.server.endless == "chunked":
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        chunk = b" " * 512
        piece = b"%x\r\n%s\r\n" % (len(chunk), chunk) if self.server.endless == "chunked" else chunk
        try:
            while not self.server.stopping.is_set():
                self.wfile.write(piece)
        except OSError:  # The client hung up: what the size limit is for.
            pass
        self.close_connection = True

    def log_message(self, *args):
        pass


@pytest.fixture
def endless_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), EndlessHandler)
    server.endless = "chunked"
    yield from _serve(server)
