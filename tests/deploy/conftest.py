"""What the deploy tests share: the services a production site runs on, skipped with a reason
where this machine has none (PostgreSQL from TEST_DATABASE_URL, Redis from TEST_REDIS_URL)."""

from __future__ import annotations

import os

import pytest
from django.db import connection

from tests.network.conftest import stub_server  # noqa: F401 - a loopback partner for the fetch tasks


def redis_url_or_skip() -> str:
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception as error:
        pytest.skip(f"needs Redis at {url} (TEST_REDIS_URL): {error}")
    return url


def postgres_or_skip() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (TEST_DATABASE_URL=postgres://...): other processes share the database")


def session_database_url() -> str:
    """The URL of the test database this session created, for the processes a test starts."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def wagtail_tree(transactional_db):
    """What Wagtail's data migrations create (locale, root collection, root page, a default site
    with its "Welcome" home), which an earlier transactional test's flush removed."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from wagtail.models import Collection, Locale, Page, Site

    ContentType.objects.clear_cache()  # ids of a flushed database may differ
    cache.clear()
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.objects.filter(depth=1).first() or Page.add_root(title="Root", slug="root", locale=locale)
    if not Page.objects.filter(depth=2).exists():
        home = root.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home", locale=locale))
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)


@pytest.fixture
def enqueued():
    """Every task result enqueued during the test, as the backend gave it back."""
    from django_tasks.signals import task_enqueued

    results = []

    def record(sender, task_result, **kwargs):
        results.append(task_result)

    task_enqueued.connect(record, dispatch_uid="tests.deploy.enqueued")
    yield results
    task_enqueued.disconnect(dispatch_uid="tests.deploy.enqueued")
