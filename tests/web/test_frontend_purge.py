"""Wagtail's frontend cache (a CDN) is purged of every URL the app serves publicly for a page:
each language's page and its public files (``figures.json``, the maps, ``coverage/``, the
exports). The list is checked against what the pages answer, not against a copy of it: every
route without arguments that an anonymous GET gets as a ``public`` 200 (so a CDN may keep it)
must be purged, in every language, when publishing changes it."""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail.models import Locale

from soroptimist_advocacy.models import ActionKitPage, DecisionMakerIndexPage, DecisionMakerPage
from tests import factories
from tests.web.test_caching import purged  # noqa: F401 - records the URLs purged


@pytest.fixture
def french(db):
    return Locale.objects.get_or_create(language_code="fr")[0]


def translated(page, locale):
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.save_revision().publish()
    return type(page).objects.get(pk=copy.pk)


@pytest.fixture
def site(french):
    """A campaign offering a directory of one decision maker, everything also in French."""
    directory = factories.make_directory()
    minister = factories.make_decision_maker(directory, "FR", "Claire Dubois", email="claire@example.org")
    campaign = factories.make_action_kit(directory=directory)
    pages = {"campaign": campaign, "directory": directory, "minister": minister}
    for name, page in list(pages.items()):
        pages[f"{name}_fr"] = translated(page, french)
    return pages


def publicly_cached_urls(page) -> set[str]:
    """The full URLs of *page*'s argument-free routes that an anonymous visitor gets as a
    ``public`` 200: what a CDN in front of the site stores."""
    base = page.get_full_url()
    found = set()
    for pattern in type(page).get_subpage_urls():
        route = str(pattern.pattern)
        if "<" in route:
            continue  # a route with arguments (a private token) is never public
        response = Client().get(page.url + route)
        cache_control = response.get("Cache-Control", "")
        if response.status_code == 200 and "public" in cache_control and "no-store" not in cache_control:
            found.add(base + route)
    return found


def test_the_public_routes_are_found(site):
    # The check below is only as good as this list: the pages' public files are in it.
    campaign, directory = site["campaign"], site["directory"]
    assert {campaign.get_full_url() + name for name in ("", "figures.json", "map.svg")} <= publicly_cached_urls(
        campaign
    )
    assert {directory.get_full_url() + name for name in ("", "coverage/", "export.csv", "export.json")} <= (
        publicly_cached_urls(directory)
    )
    assert "/fr/" in site["campaign_fr"].get_full_url()


@pytest.mark.parametrize("changed", ["campaign", "directory", "minister"])
def test_publishing_purges_every_public_url_of_the_pages_showing_it_in_every_language(site, purged, changed):  # noqa: F811
    shown_on = {
        "campaign": ["campaign"],
        "directory": ["directory", "campaign"],
        "minister": ["minister", "directory", "campaign"],
    }[changed]
    expected = set()
    for name in shown_on:
        expected |= publicly_cached_urls(site[name]) | publicly_cached_urls(site[f"{name}_fr"])

    site[changed].save_revision().publish()

    missing = expected - set(purged)
    assert not missing, sorted(missing)


def test_the_page_types_declare_their_public_files(db):
    # What a site's own page types built on the mixins inherit (README "Caching").
    assert set(ActionKitPage().get_cached_paths()) == {
        *("/", "figures.json", "map.svg", "map.png"),
        *("figures_json/", "map_svg/", "map_png/"),  # what the middleware serves them through
    }
    assert set(DecisionMakerIndexPage().get_cached_paths()) == {
        *("/", "coverage/", "export.csv", "export.json"),
        *("export_csv/", "export_json/"),
    }
    assert DecisionMakerPage().get_cached_paths() == ["/"]
