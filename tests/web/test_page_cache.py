"""Campaign day without a CDN: anonymous page views come from the shared cache,
and publishing anything a page shows makes its next view fresh, in every language."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Site

from soroptimist_advocacy.models import ActionKitPage, LetterTemplate
from soroptimist_advocacy.web import page_cache
from soroptimist_advocacy.web.cache_outage import CacheOutage
from soroptimist_advocacy.web.page_cache import ENTRY_PREFIX, normalised_query
from tests import factories
from tests.letter_builder.test_localisation import campaign, localized  # noqa: F401 - the translated campaign fixture


def stored_entries() -> int:
    return sum(ENTRY_PREFIX in key for key in cache._cache)


def queries_of(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    return response, len(captured)


def rendered(url, params=None) -> bool:
    """True when an anonymous GET of *url* rendered the page rather than serving a stored copy."""
    response, queries = queries_of(Client(), url, params)
    assert response.status_code == 200
    return queries > 0


@pytest.fixture
def render_count(monkeypatch):
    calls = []
    original = ActionKitPage.render

    def counting(self, *args, **kwargs):
        calls.append(self.pk)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ActionKitPage, "render", counting)
    return calls


def test_second_anonymous_get_is_served_without_rendering(action_kit, render_count):
    first, first_queries = queries_of(Client(), action_kit.url, {"country": "FR"})
    second, second_queries = queries_of(Client(), action_kit.url, {"country": "FR"})
    assert first_queries > 0 and second_queries == 0
    assert render_count == [action_kit.pk]
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age" in second["Cache-Control"]
    assert not second.cookies and "Cookie" not in second.get("Vary", "")


def test_a_site_address_change_renders_every_page_again(action_kit, render_count, django_capture_on_commit_callbacks):
    assert rendered(action_kit.url) and not rendered(action_kit.url)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "campaigns.example.org", 443
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    response = Client().get(action_kit.url)
    assert len(render_count) == 2
    assert '<link rel="canonical" href="https://campaigns.example.org/action-kit/">' in response.content.decode()


@pytest.fixture(params=["with middleware", "without middleware"])
def page_cache_path(request, settings):
    """Stored views served before Wagtail's routing (the middleware) or by the page itself."""
    if request.param == "without middleware":
        settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if not name.endswith(".PageCacheMiddleware")]
    return request.param


@pytest.mark.parametrize("page_kind", ["campaign", "directory"])
def test_two_visitors_asking_for_two_countries_get_their_own_cached_pages(
    page_cache_path, page_kind, action_kit, directory, monkeypatch
):
    factories.make_decision_maker(directory, "DE", "Anna Schmidt")
    page = action_kit if page_kind == "campaign" else directory
    renders = []
    original = type(page).get_context

    def counting(self, request, *args, **kwargs):
        renders.append(request.GET.get("country"))
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(type(page), "get_context", counting)
    shown = {"FR": "Claire Dubois", "DE": "Anna Schmidt"}
    for _visit in range(2):
        for country, name in shown.items():
            html = Client().get(page.url, {"country": country}).content.decode()
            assert name in html, (country, _visit)
            assert all(other not in html for other in shown.values() if other != name), (country, _visit)
    assert renders == ["FR", "DE"], "each country rendered once, then served from the cache"


def test_directory_and_resource_listing_are_served_from_the_cache(directory):
    index, _resources = factories.make_resources(count=2)
    for url, params in ((directory.url, {"country": "FR"}), (index.url, {"type": "statement"})):
        assert rendered(url, params)
        assert not rendered(url, params)


def test_editors_get_the_page_rendered_and_never_stored(action_kit, render_count):
    editor = Client()
    editor.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "pw"))
    editor.get(action_kit.url)
    editor.get(action_kit.url)
    assert render_count == [action_kit.pk, action_kit.pk]
    assert stored_entries() == 0


def test_previews_are_never_stored(action_kit):
    action_kit.make_preview_request()
    assert stored_entries() == 0


def test_no_js_country_step_with_an_invalid_country_is_never_cached(action_kit, directory, render_count):
    for url in (action_kit.url, directory.url):
        for _ in range(2):
            assert Client().get(url, {"country": "ZZ"}).status_code == 200
    assert render_count == [action_kit.pk, action_kit.pk]
    assert stored_entries() == 0


def test_non_200_responses_are_never_stored(action_kit):
    Client().get(action_kit.url + "no-such-route/")
    assert stored_entries() == 0


def test_junk_query_parameters_share_one_entry_and_do_not_change_the_page(action_kit):
    plain = Client().get(action_kit.url).content
    for junk in ({"fbclid": "abc"}, {"utm_source": "x", "utm_medium": "y"}, {"source": "unknown", "fbclid": "z"}):
        response = Client().get(action_kit.url, junk)
        assert response.content == plain
    assert stored_entries() == 1


def test_junk_dropped_when_rendering_too(action_kit):
    first = Client().get(action_kit.url, {"fbclid": "tracking-id-123"})
    assert b"tracking-id-123" not in first.content


@pytest.mark.django_db  # the normaliser reads the campaigns' defined ?source= slugs
def test_normalised_query_keeps_only_known_parameters_with_valid_values():
    from django.http import QueryDict

    assert normalised_query(QueryDict("country=fr&fbclid=1&utm_source=news")) == "country=FR"
    assert normalised_query(QueryDict("type=statement&source=anything")) == "type=statement"
    assert normalised_query(QueryDict("country=ZZ")) is None
    assert normalised_query(QueryDict("country=")) == ""


def test_page_cache_setting_turns_it_off(action_kit, settings, render_count):
    settings.SOROPTIMIST_ADVOCACY = {**settings.SOROPTIMIST_ADVOCACY, "PAGE_CACHE": False}
    Client().get(action_kit.url)
    Client().get(action_kit.url)
    assert render_count == [action_kit.pk, action_kit.pk]
    assert "public" in Client().get(action_kit.url)["Cache-Control"]


LANGUAGES = ("en", "fr", "es")


def warm(page, params=None):
    urls = [(localized(page, code) if code != "en" else page).url for code in LANGUAGES]
    for url in urls:
        rendered(url, params)
        assert not rendered(url, params)
    return urls


def assert_fresh_everywhere(urls, params=None):
    assert all(rendered(url, params) for url in urls), "a stale copy was served"


def test_publishing_the_campaign_refreshes_it_in_every_language(campaign):  # noqa: F811
    urls = warm(campaign)
    campaign.save_revision().publish()
    assert_fresh_everywhere(urls)


def test_publishing_a_decision_maker_refreshes_campaign_and_directory_in_every_language(campaign):  # noqa: F811
    campaign_urls = warm(campaign, {"country": "FR"})
    directory = campaign.get_directory()
    directory_urls = warm(directory, {"country": "FR"})
    minister = directory.get_decision_makers().get(country="FR")
    minister.title = "Claire Martin"
    minister.save_revision().publish()
    assert_fresh_everywhere(campaign_urls, {"country": "FR"})
    assert_fresh_everywhere(directory_urls, {"country": "FR"})
    assert b"Claire Martin" in Client().get(campaign.url, {"country": "FR"}).content


def test_publishing_the_directory_refreshes_the_campaign_in_every_language(campaign):  # noqa: F811
    urls = warm(campaign)
    campaign.get_directory().save_revision().publish()
    assert_fresh_everywhere(urls)


def test_saving_the_letter_template_refreshes_the_campaign_in_every_language(campaign):  # noqa: F811
    urls = warm(campaign)
    template = LetterTemplate.objects.get(locale__language_code="en")
    template.name = "Letter (revised)"
    template.save()
    assert_fresh_everywhere(urls)


def test_publishing_a_resource_refreshes_the_listing_and_the_campaign_showing_it(directory):
    index, resources = factories.make_resources(count=1)
    body = [{"type": "resource_list", "value": {"heading": "Read", "resources": [resources[0].pk]}}]
    page = factories.make_action_kit(directory=directory, body=body, slug="with-resources")
    for url in (page.url, index.url):
        rendered(url)
        assert not rendered(url)
    resources[0].title = "A renamed statement"
    resources[0].save_revision().publish()
    for url in (page.url, index.url):
        response = Client().get(url)
        assert b"A renamed statement" in response.content


def test_publishing_a_resource_refreshes_every_translation_of_the_campaign_showing_it(directory):
    _index, resources = factories.make_resources(count=1)
    body = [{"type": "resource_list", "value": {"heading": "Read", "resources": [resources[0].pk]}}]
    page = factories.make_action_kit(directory=directory, body=body, slug="with-resources")
    pages = [page]
    for code in ("fr", "es"):
        translation = page.copy_for_translation(Locale.objects.get_or_create(language_code=code)[0], copy_parents=True)
        translation.save_revision().publish()
        pages.append(translation)
    urls = [Page.objects.get(pk=translated.pk).url for translated in pages]
    assert len(set(urls)) == 3
    for url in urls:
        rendered(url)
        assert not rendered(url)
    resources[0].title = "A renamed statement"
    resources[0].save_revision().publish()
    for url in urls:
        assert b"A renamed statement" in Client().get(url).content, url


def test_a_disallowed_host_is_refused_even_when_the_page_is_stored(action_kit):
    Client().get(action_kit.url)
    assert Client().get(action_kit.url, HTTP_HOST="evil.example").status_code == 400


UNREACHABLE_REDIS = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}


@pytest.fixture
def page_cache_down(settings, monkeypatch):
    """The page cache's shared cache is a Redis nobody answers on (refused at once), from now on."""
    settings.CACHES = {**settings.CACHES, "pages": UNREACHABLE_REDIS}
    settings.SOROPTIMIST_ADVOCACY = {**settings.SOROPTIMIST_ADVOCACY, "PAGE_CACHE_ALIAS": "pages"}
    monkeypatch.setattr(page_cache, "outage", CacheOutage("Page cache"))  # this process has seen no outage yet


def test_a_page_cache_that_is_down_costs_the_cache_never_the_page(
    page_cache_path, action_kit, directory, page_cache_down, render_count, caplog
):
    for _visit in range(3):
        response = Client().get(action_kit.url, {"country": "FR"})
        assert response.status_code == 200
        assert "Claire Dubois" in response.content.decode()
        assert "public" in response["Cache-Control"]  # a CDN downstream may still keep it
    assert render_count == [action_kit.pk] * 3
    warnings = [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]
    assert len(warnings) == 1 and warnings[0].startswith("Page cache failed"), warnings  # once, not per visit
