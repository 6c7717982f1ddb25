"""Real-browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Nothing is downloaded: the browser is ``/usr/bin/chromium`` (``.ci/run`` installs it) and
axe-core comes from npm (``npm ci --prefix tests/browser``). Without them these tests skip
with the reason. Every step writes a numbered screenshot to ``SCREENSHOT_DIR`` (default
``<repo>/screenshots/``) so a person can look at what the browser saw.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import threading
from pathlib import Path

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

# Playwright's sync API runs an event loop in this thread; Django refuses database
# access from a thread with a running loop unless told this is intended.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


class _OneRequestAtATimeServer(ThreadedWSGIServer):
    """The live server, answering one request at a time while it shares the test's in-memory
    SQLite connection. Its threads would otherwise use that one connection at once (the letter
    form's script fetches a country's decision makers at every arrow key), which Python 3.13's
    sqlite3 refuses with "bad parameter or other API misuse". A real server has a connection
    per thread; only the test setup shares one, so only the test setup is serialised."""

    _lock = threading.Lock()

    def set_app(self, application):
        from django.db import connection

        if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
            return super().set_app(application)
        lock = self._lock

        def one_at_a_time(environ, start_response):
            with lock:
                response = application(environ, start_response)
                try:
                    return list(response)  # the body too is read under the lock
                finally:
                    if hasattr(response, "close"):
                        response.close()

        return super().set_app(one_at_a_time)


LiveServerThread.server_class = _OneRequestAtATimeServer


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REPO = Path(__file__).resolve().parents[2]
AXE_SCRIPT = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
# Explicit waits never need longer than this on a loaded 2-core machine.
TIMEOUT_MS = 15_000


def _missing_browser() -> str | None:
    if not CHROMIUM.exists():
        return f"needs Chromium at {CHROMIUM} (Debian package 'chromium'; .ci/run installs it)"
    if not os.access(CHROMIUM, os.X_OK):
        return f"{CHROMIUM} is not executable"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "needs the 'playwright' Python package (pip install -e '.[test]'); no browser download is used"
    return None


MISSING_BROWSER = _missing_browser()


def pytest_collection_modifyitems(config, items):
    if MISSING_BROWSER is None:
        return
    here = Path(__file__).resolve().parent
    skip = pytest.mark.skip(reason=MISSING_BROWSER)
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(skip)


# --- the browser ------------------------------------------------------------------------


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.sa_call_failed = report.failed
    return report


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_context(browser, **options):
    context = browser.new_context(
        accept_downloads=True, locale="en-GB", viewport={"width": 1100, "height": 900}, **options
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context


def _close(request, context, screenshot_dir) -> None:
    """Close *context*, first photographing its pages if the test failed."""
    if getattr(request.node, "sa_call_failed", False):
        for number, page in enumerate(context.pages, start=1):
            name = re.sub(r"[^a-z0-9]+", "-", request.node.name.lower()).strip("-")
            # A failed photo must not hide the failure.
            with contextlib.suppress(Exception):
                page.screenshot(path=str(screenshot_dir / f"failed-{name}-{number}.png"), full_page=True)
    context.close()


@pytest.fixture
def context(request, browser, screenshot_dir):
    """A fresh browser profile (no cookies), JavaScript on."""
    context = _new_context(browser)
    yield context
    _close(request, context, screenshot_dir)


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def audit_context(request, browser, screenshot_dir):
    """A fresh profile in which a test tool may inject an inline script (axe-core) although the
    site's Content-Security-Policy refuses inline scripts; every other test keeps the policy."""
    context = _new_context(browser, bypass_csp=True)
    yield context
    _close(request, context, screenshot_dir)


@pytest.fixture
def no_js_context(request, browser, screenshot_dir):
    """A fresh browser profile with JavaScript disabled."""
    context = _new_context(browser, java_script_enabled=False)
    yield context
    _close(request, context, screenshot_dir)


# --- screenshots ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    directory = Path(os.environ.get("SCREENSHOT_DIR") or REPO / "screenshots")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


class Screenshots:
    """``shot(page, "letter form filled")`` writes ``<test>-03-letter-form-filled.png``."""

    def __init__(self, directory: Path, prefix: str):
        self.directory = directory
        self.prefix = prefix
        self.number = 0
        for old in directory.glob(f"{prefix}-[0-9][0-9]-*.png"):
            old.unlink()

    def __call__(self, page, description: str, full_page: bool = True) -> Path:
        self.number += 1
        slug = re.sub(r"[^a-z0-9]+", "-", description.lower()).strip("-")
        path = self.directory / f"{self.prefix}-{self.number:02d}-{slug}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture
def shot(request, screenshot_dir) -> Screenshots:
    """Numbered screenshots named after the test (and its parameter, if any)."""
    name = request.node.originalname.removeprefix("test_")
    callspec = getattr(request.node, "callspec", None)
    params = [value for key, value in getattr(callspec, "params", {}).items() if key != "browser_name"]
    name = "-".join([name, *map(str, params)])
    return Screenshots(screenshot_dir, re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"))


# --- downloads --------------------------------------------------------------------------


@pytest.fixture
def download():
    """``filename, content = download(page, lambda: button.click())``"""

    def download(page, trigger) -> tuple[str, bytes]:
        with page.expect_download() as info:
            trigger()
        result = info.value
        failure = result.failure()
        assert failure is None, f"download failed: {failure}"
        return result.suggested_filename, Path(result.path()).read_bytes()

    return download


# --- the demo campaign in the live server's database ---------------------------------------

_snapshot: dict[str, sqlite3.Connection] = {}


def _shared_in_memory_sqlite(connection) -> bool:
    """True when the live server thread shares the test's in-memory SQLite connection."""
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


def _ensure_wagtail_initial_data() -> None:
    """What Wagtail's data migrations create (root page, root collection, default locale),
    which a transactional test's flush removes."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.filter(depth=1).exists():
        Page.objects.create(
            title="Root",
            slug="root",
            content_type=ContentType.objects.get_for_model(Page),
            path="0001",
            depth=1,
            numchild=0,
            url_path="/",
            locale=locale,
        )


def _forget_cached_rows() -> None:
    """Per-process caches keyed by row ids that a restored database may no longer match."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    ContentType.objects.clear_cache()
    cache.clear()  # Wagtail's site root paths, rate limits, prepared pages


@pytest.fixture
def demo(live_server):
    """The example site's demo campaign (``load_demo``) in the live server's database.

    ``load_demo`` takes several seconds (it translates every page with wagtail-localize),
    so on the default in-memory SQLite it runs once and each later test gets a byte-for-byte
    copy of that database (SQLite's backup API) instead. Other databases run it every time.
    """
    from django.core.management import call_command
    from django.db import connection

    from soroptimist_advocacy.models import ActionKitPage

    if _shared_in_memory_sqlite(connection) and "db" in _snapshot:
        connection.ensure_connection()
        _snapshot["db"].backup(connection.connection)
    else:
        _ensure_wagtail_initial_data()
        call_command("load_demo", verbosity=0)
        if _shared_in_memory_sqlite(connection):
            copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(copy)
            _snapshot["db"] = copy
    _forget_cached_rows()
    return ActionKitPage.objects.get(locale__language_code="en", slug="action-kit")


@pytest.fixture
def url(live_server):
    """``url("/action-kit/")``: an absolute address on the live server."""
    return lambda path: live_server.url + path


# --- axe-core ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_SCRIPT.exists():
        pytest.skip(
            f"needs axe-core from npm: run `npm ci --prefix tests/browser` (missing {AXE_SCRIPT.relative_to(REPO)})"
        )
    return AXE_SCRIPT.read_text(encoding="utf-8")
