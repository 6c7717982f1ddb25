"""Several workers, one shared cache: limits hold across processes; settings are checked."""

import multiprocessing
import uuid

import pytest
from django.core.checks import run_checks
from django.test import RequestFactory

from soroptimist_advocacy.web.ratelimit import hit

LIMIT = 20


def redis_url_or_skip() -> str:
    import os

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception as error:
        pytest.skip(f"needs Redis at {url} (TEST_REDIS_URL): {error}")
    return url


def hammer(attempts: int) -> int:
    """One worker process: how many of its attempts the shared limit let through."""
    request = RequestFactory().post("/action-kit/report/", REMOTE_ADDR="203.0.113.7")
    return sum(hit(request, "report", limit=LIMIT, window=60) for _ in range(attempts))


def test_report_rate_limit_holds_across_worker_processes(settings):
    url = redis_url_or_skip()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"sa-test-{uuid.uuid4().hex}",
        }
    }
    with multiprocessing.get_context("fork").Pool(4) as pool:
        allowed = pool.map(hammer, [25] * 4)
    assert sum(allowed) == LIMIT, allowed


def warning_ids():
    return {message.id for message in run_checks()}


def test_per_process_cache_in_production_gives_a_warning(settings):
    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert "soroptimist_advocacy.W003" in warning_ids()
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://x"}}
    assert "soroptimist_advocacy.W003" not in warning_ids()
