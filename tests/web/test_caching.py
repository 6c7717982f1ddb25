"""Cache behaviour of public pages: identical bytes for everybody, purged on publish."""

import pytest
from django.test import Client

from soroptimist_advocacy.models import LetterTemplate
from tests import factories

FRONTEND_CACHE = {
    "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://127.0.0.1:9"}
}


def test_action_kit_page_is_byte_identical_for_two_anonymous_visitors(action_kit):
    first, second = Client(), Client()
    a = first.get(action_kit.url, {"country": "FR"})
    b = second.get(action_kit.url, {"country": "FR"})
    assert a.content == b.content
    assert "public" in a["Cache-Control"]
    assert "Set-Cookie" not in a and not a.cookies


@pytest.fixture
def purged(settings, monkeypatch):
    settings.WAGTAILFRONTENDCACHE = FRONTEND_CACHE
    urls = []
    monkeypatch.setattr("wagtail.contrib.frontend_cache.backends.HTTPBackend.purge", lambda self, url: urls.append(url))
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.backends.HTTPBackend.purge_batch",
        lambda self, batch: urls.extend(batch),
    )
    return urls


def test_publishing_a_decision_maker_purges_the_campaign_and_directory(action_kit, directory, purged):
    minister = directory.get_decision_makers().get(country="FR")
    minister.position_title = "Minister for Women"
    minister.save_revision().publish()
    assert any(url.endswith(action_kit.url) for url in purged)
    assert any(url.endswith(directory.url) for url in purged)


def test_publishing_the_campaign_purges_it(action_kit, purged):
    action_kit.save_revision().publish()
    assert any(url.endswith(action_kit.url) for url in purged)


def test_saving_a_letter_template_purges_the_campaigns_using_it(directory, purged):
    template = LetterTemplate.objects.create(name="Letter")
    page = factories.make_action_kit(directory=directory, body=[factories.letter_block(template=template.pk)])
    purged.clear()
    template.name = "Letter 2"
    template.save()
    assert any(url.endswith(page.url) for url in purged)


def test_nothing_is_purged_without_a_frontend_cache(action_kit, settings, monkeypatch):
    settings.WAGTAILFRONTENDCACHE = {}
    called = []
    monkeypatch.setattr("wagtail.contrib.frontend_cache.utils.PurgeBatch.purge", lambda self: called.append(1))
    action_kit.save_revision().publish()
    assert called == []
