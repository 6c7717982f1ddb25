"""Two app servers on one PostgreSQL and one Redis stay one site: a publish through one is served
fresh by the other on its next request, the letter limit is shared, letters spread over both are
counted exactly, and a campaign's figures are counted once for both (README "Running it in
production"). The servers are the example site under gunicorn, on loopback ports, on this
session's test database; this process only prepares rows and reads the results."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from wagtail.models import Page

from soroptimist_advocacy.models import ActionKitPage, LetterCounter
from soroptimist_advocacy.web.page_cache import ENTRY_PREFIX
from tests import factories
from tests.deploy.conftest import postgres_or_skip, redis_url_or_skip, session_database_url
from tests.letter_helpers import letter_data

ROOT = Path(__file__).resolve().parents[2]
LETTER_LIMIT = 120  # per client and window, for both servers together
CONCURRENT_LETTERS = 100
START_SECONDS = 60

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """The example site under gunicorn (one worker process, threads), on its own port."""

    def __init__(self, name: str, env: dict, log: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "example_site.wsgi", "--bind", f"127.0.0.1:{self.port}"]
            + ["--workers", "1", "--worker-class", "gthread", "--threads", "8", "--timeout", "60"]
            + ["--graceful-timeout", "5"],
            cwd=ROOT / "example_site",
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.name, self.log_path = name, log

    def wait_until_serving(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                requests.get(self.base + "/", timeout=(1, START_SECONDS))  # the first request loads Django
                return
            except requests.ConnectionError:
                time.sleep(0.2)
        self.stop()
        pytest.fail(f"server {self.name} did not start: {self.log_path.read_text()[-3000:]}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)
        self.log.close()


@pytest.fixture
def servers(wagtail_tree, tmp_path):
    postgres_or_skip()
    redis_url = redis_url_or_skip()
    import redis

    # A key prefix of its own: the shared cache starts empty (no rate-limit hits, versions or counts
    # of an earlier run) without touching anything else in that Redis database.
    prefix = f"two-servers-{uuid.uuid4().hex}"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "TASKS_BACKEND", "PAGE_CACHE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="example_site.settings",
        PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "example_site")]),
        DATABASE_URL=session_database_url(),
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=prefix,
        LETTER_RATE_LIMIT=str(LETTER_LIMIT),
        DEBUG="0",
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    started = [Server(name, env, tmp_path / f"{name}.log") for name in ("A", "B")]
    try:
        for server in started:
            server.wait_until_serving()
        yield started, lambda pattern: list(redis.Redis.from_url(redis_url).scan_iter(f"{prefix}:*{pattern}*"))
    finally:
        for server in started:
            if server.process.poll() is None:
                server.stop()
        shared = redis.Redis.from_url(redis_url)
        for key in shared.scan_iter(f"{prefix}:*"):
            shared.delete(key)


def logged_in_admin(server: Server, username: str, password: str) -> requests.Session:
    session = requests.Session()
    session.get(server.base + "/admin/login/", timeout=30)
    response = session.post(
        server.base + "/admin/login/",
        {"username": username, "password": password, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        timeout=30,
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[-2000:]
    return session


def publish_through_admin(server: Server, session: requests.Session, page: Page) -> None:
    """An editor's "Publish" in the admin of *server* (Wagtail's bulk action: the latest revision)."""
    url = f"{server.base}/admin/bulk/wagtailcore/page/publish/?id={page.pk}"
    response = session.post(
        url, {"csrfmiddlewaretoken": session.cookies["csrftoken"]}, timeout=60, allow_redirects=False
    )
    assert response.status_code == 302, response.text[-2000:]


def post_letter(server: Server, page: ActionKitPage, minister_pk: int, number: int) -> int:
    data = {**letter_data(name=f"Member {number}"), "decision_maker": [minister_pk]}
    response = requests.post(server.base + page.url + "letter/", data, headers={"Origin": server.base}, timeout=60)
    if response.status_code == 200:
        assert response.content[:2] == b"PK", response.text[:500]  # a .docx
    return response.status_code


def letters_counted(page) -> int:
    return sum(LetterCounter.objects.filter(campaign_key=page.translation_key).values_list("letters", flat=True))


def test_two_servers_on_one_database_and_one_redis_behave_as_one_site(servers, django_user_model):
    (a, b), shared_keys = servers
    directory = factories.make_directory()
    minister = factories.make_decision_maker(directory, "FR", "Claire Dubois", email="claire@example.org")
    page = factories.make_action_kit(directory=directory, title="Campaign before")
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org")
    # The example site checks passwords with Django's default hasher, not the suite's fast one.
    editor.password = PBKDF2PasswordHasher().encode("a long password", PBKDF2PasswordHasher().salt())
    editor.save()

    # B stores the page in the shared cache; an editor publishes a new title through A's admin.
    for _ in range(2):
        assert "Campaign before" in requests.get(b.base + page.url, timeout=30).text
    assert shared_keys(ENTRY_PREFIX)  # stored: what follows is an invalidation, not a page never cached
    draft = ActionKitPage.objects.get(pk=page.pk)
    draft.title = "Campaign after"
    draft.save_revision()  # a draft: nothing is published or purged by this process
    publish_through_admin(a, logged_in_admin(a, "editor", "a long password"), page)
    assert ActionKitPage.objects.get(pk=page.pk).title == "Campaign after"
    fresh = requests.get(b.base + page.url, timeout=30).text
    assert "Campaign after" in fresh and "Campaign before" not in fresh

    # 100 letters at once, half through each server: every one made and counted.
    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(
            pool.map(
                lambda number: post_letter((a, b)[number % 2], page, minister.pk, number), range(CONCURRENT_LETTERS)
            )
        )
    assert statuses == [200] * CONCURRENT_LETTERS, statuses
    assert letters_counted(page) == CONCURRENT_LETTERS

    # The limit is one for both servers: the client has 20 letters left, wherever she asks.
    statuses = [post_letter((a, b)[number % 2], page, minister.pk, number) for number in range(30)]
    assert statuses == [200] * (LETTER_LIMIT - CONCURRENT_LETTERS) + [429] * 10, statuses
    assert letters_counted(page) == LETTER_LIMIT

    # Figures nobody has counted yet, asked for by many visitors of both servers at once: one count.
    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(
            pool.map(
                lambda number: requests.get((a, b)[number % 2].base + page.url + "figures.json", timeout=60),
                range(24),
            )
        )
    assert [answer.status_code for answer in answers] == [200] * 24
    documents = [answer.json() for answer in answers]
    assert {document["generated_at"] for document in documents} == {documents[0]["generated_at"]}, sorted(
        d["generated_at"] for d in documents
    )
    assert {document["totals"]["letters"] for document in documents} == {LETTER_LIMIT}
