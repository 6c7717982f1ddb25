"""The letter setup is cached per process, and a publish in one process reaches the
next letter in another (two processes, one PostgreSQL database, one Redis cache)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from soroptimist_advocacy.letter_builder import setup as letter_setup
from soroptimist_advocacy.models import LetterTemplate
from tests import factories
from tests.letter_builder.test_localisation import marked_template
from tests.letter_helpers import docx_text, letter_data, post_letter

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


def test_second_letter_reuses_the_setup_of_the_first(action_kit, claire, client, monkeypatch):
    builds = []
    original = letter_setup.LetterSetup.__init__

    def counting(self, page):
        builds.append(page.pk)
        original(self, page)

    monkeypatch.setattr(letter_setup.LetterSetup, "__init__", counting)
    for _ in range(3):
        response = post_letter(client, action_kit, letter_data(decision_maker=[claire.pk]))
        assert response.status_code == 200
    assert builds == [action_kit.pk]


def test_a_cached_setup_leaves_a_letter_routing_the_limit_and_the_counter(action_kit, claire, client):
    """Past the first letter no query asks which languages the letter is translated into,
    nor for the directory or its decision makers: the setup holds them."""
    post_letter(client, action_kit, letter_data(decision_maker=[claire.pk]))
    with CaptureQueriesContext(connection) as queries:
        assert post_letter(client, action_kit, letter_data(decision_maker=[claire.pk])).status_code == 200
    setup_tables = ("wagtail_localize", "soroptimist_advocacy_decisionmaker", "soroptimist_advocacy_lettertemplate")
    assert [query["sql"] for query in queries if any(table in query["sql"] for table in setup_tables)] == []
    assert sum("soroptimist_advocacy_lettercounter" in query["sql"] for query in queries) == 1


def test_publishing_in_this_process_rebuilds_the_setup(action_kit, claire, client):
    assert "I write to you" in docx_text(
        post_letter(client, action_kit, letter_data(decision_maker=[claire.pk])).content
    )
    action_kit.body = json.dumps([factories.letter_block(paragraphs=["A brand new letter text."])])
    action_kit.save_revision().publish()
    text = docx_text(post_letter(client, action_kit, letter_data(decision_maker=[claire.pk])).content)
    assert "A brand new letter text." in text


@pytest.fixture
def shared_redis_cache(settings):
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception as error:
        pytest.skip(f"needs Redis at {REDIS_URL} (TEST_REDIS_URL): {error}")
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    cache.clear()
    yield
    cache.clear()


def ensure_site():
    """Wagtail's root collection, home page and site: an earlier transactional test may have flushed them."""
    from wagtail.models import Collection, Locale, Page, Site

    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if Page.objects.filter(depth=2).exists():
        return
    locale, _created = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = root.add_child(instance=Page(title="Welcome", slug="home", locale=locale))
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)


class Worker:
    """A second Django process posting letters against the same database and cache."""

    def __init__(self, media_root):
        env = dict(
            os.environ,
            SA_WORKER_REDIS_URL=REDIS_URL,
            SA_WORKER_DATABASE_NAME=connection.settings_dict["NAME"],
            SA_WORKER_MEDIA_ROOT=str(media_root),
        )
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("letter_worker.py"))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )

    def letter(self, page, decision_maker) -> str:
        self.process.stdin.write(
            json.dumps({"url": page.url + "letter/", "decision_maker": [decision_maker.pk]}) + "\n"
        )
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        assert answer["status"] == 200, answer
        return answer["text"]

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=60)


@pytest.mark.django_db(transaction=True)
def test_a_change_in_one_process_reaches_the_next_letter_in_another(shared_redis_cache, settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (TEST_DATABASE_URL): the other process must see this test's committed data")
    ensure_site()
    directory = factories.make_directory()
    minister = factories.make_decision_maker(directory, "FR", "Claire Dubois")
    document = factories.make_document("letter.docx", "letter.docx", marked_template("TEMPLATE ONE"))
    template = LetterTemplate.objects.create(name="Letter", document=document)
    page = factories.make_action_kit(
        directory=directory, body=[factories.letter_block(template=template.pk, paragraphs=["The first text."])]
    )
    worker = Worker(settings.MEDIA_ROOT)
    try:
        first = worker.letter(page, minister)
        assert "The first text." in first and "TEMPLATE ONE" in first
        assert "The first text." in worker.letter(page, minister)  # now from the worker's setup cache

        page.body = json.dumps([factories.letter_block(template=template.pk, paragraphs=["The second text."])])
        page.save_revision().publish()
        assert "The second text." in worker.letter(page, minister)

        # Same page revision, new template bytes: only the shared version tells the worker.
        document.file.save("letter2.docx", ContentFile(marked_template("TEMPLATE TWO")), save=False)
        document.save()
        assert "TEMPLATE TWO" in worker.letter(page, minister)
    finally:
        worker.stop()
