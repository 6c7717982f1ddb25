"""A page-cache miss is rendered once, however many visitors ask for it at the same moment:
the others wait briefly for the stored copy. Waiting is bounded, and a lock that cannot be
had never costs a visitor the page."""

from __future__ import annotations

import os
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.cache import patch_cache_control

from soroptimist_advocacy.web import page_cache
from soroptimist_advocacy.web.locks import LockUnavailable
from soroptimist_advocacy.web.page_cache import (
    cached_response,
    page_paths,
    render_lock,
    request_is_cacheable,
    serve_with_cache,
)

VISITORS = 8
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/12")


@pytest.fixture(params=["local memory", "redis"])
def shared_cache(request, settings):
    """The page cache, and with it the render lock, in local memory or on Redis."""
    if request.param == "local memory":
        yield request.param
        return
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.skip(f"needs Redis at {REDIS_URL} (TEST_REDIS_URL): {error}")
    prefix = uuid.uuid4().hex  # this test's own keys, removed afterwards
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield request.param
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture
def renders():
    """The page's render, counted: each call is one render of the campaign page."""
    calls = []

    def render_page(request):
        calls.append(request)
        time.sleep(0.2)  # a slow render: the other visitors arrive while it runs
        response = HttpResponse("<p>The campaign page</p>")
        patch_cache_control(response, public=True, max_age=300)
        return response

    render_page.calls = calls
    return render_page


def anonymous_get(page):
    """A visitor's request, with what it reads from the database read now (the site's root paths,
    kept on the request; the campaign sources, kept by the process): the threads query nothing."""
    request = RequestFactory().get(page.url, {"country": "FR"})
    assert request_is_cacheable(request) and page_paths(page, request)
    return request


def test_concurrent_misses_render_the_page_once(shared_cache, action_kit, renders, monkeypatch):
    monkeypatch.setattr(page_cache, "RENDER_WAIT_SECONDS", 30)  # ample: the test counts renders, never time
    # The page's privacy is read here, in the test's own thread and transaction: the visitors'
    # threads query nothing (SQLite in memory cannot serve them while the test's transaction is open).
    restricted = page_cache.has_view_restriction(action_kit)
    assert restricted is False
    monkeypatch.setattr(page_cache, "has_view_restriction", lambda page: restricted)
    requests = [anonymous_get(action_kit) for _ in range(VISITORS)]
    together = threading.Barrier(VISITORS)

    def visit(request):
        together.wait()
        return serve_with_cache(action_kit, request, renders)

    with ThreadPoolExecutor(max_workers=VISITORS) as pool:
        responses = list(pool.map(visit, requests))

    assert len(renders.calls) == 1
    assert [response.status_code for response in responses] == [200] * VISITORS
    assert all(response.content == b"<p>The campaign page</p>" for response in responses)
    assert not render_lock(requests[0]).locked()


def test_a_renderer_that_never_stores_holds_nobody_longer_than_the_wait(action_kit, renders, monkeypatch):
    monkeypatch.setattr(page_cache, "RENDER_WAIT_SECONDS", 0.1)
    request = anonymous_get(action_kit)
    stuck_renderer = render_lock(request)
    assert stuck_renderer.acquire()  # a worker that took the key and hangs
    response = serve_with_cache(action_kit, request, renders)
    assert response.status_code == 200 and len(renders.calls) == 1
    assert cached_response(anonymous_get(action_kit)) is not None  # and its render was kept for the others
    stuck_renderer.release()


def test_a_lock_backend_that_is_down_costs_single_flight_not_the_page(action_kit, renders, monkeypatch):
    class Unreachable:
        def acquire(self, wait=0):
            raise LockUnavailable("Connection refused")

    monkeypatch.setattr(page_cache, "render_lock", lambda request: Unreachable())
    response = serve_with_cache(action_kit, anonymous_get(action_kit), renders)
    assert response.status_code == 200 and len(renders.calls) == 1
    assert cached_response(anonymous_get(action_kit)) is not None
