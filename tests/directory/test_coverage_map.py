"""The coverage page's world map: each country shaded by whether a decision maker is listed there
(and verified recently), in the page's language, followed by the coverage table."""

from __future__ import annotations

import datetime
import html as html_text
import re

import pytest
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale

from soroptimist_advocacy.directory import coverage_map
from soroptimist_advocacy.models import DecisionMakerPage
from tests import factories


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def campaign(directory):
    """Targets France (verified this year), Kenya (never verified) and Brazil (nobody listed)."""
    DecisionMakerPage.objects.filter(country="FR").update(last_verified=datetime.date.today())
    DecisionMakerPage.objects.filter(country="KE").update(last_verified=None)
    return factories.make_action_kit(directory=directory, target_countries=["FR", "KE", "BR"])


def map_states(html: str) -> dict[str, str]:
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    return {
        code: state for state, code in re.findall(r'class="sa-map-country sa-map--([\w-]+)" data-country="(\w+)"', svg)
    }


def test_the_coverage_map_shades_listed_stale_missing_and_other_countries(client, campaign, directory):
    html = client.get(directory.url + "coverage/").content.decode()

    states = map_states(html)
    assert (states["FR"], states["KE"], states["BR"], states["DE"]) == ("listed", "stale", "missing", "not-target")
    assert re.search(r'<svg[^>]* role="img" aria-label="World map of the directory: 2 of 3 target countries', html)
    # The coverage table follows the map, one row per shaded target country.
    table = html.split("</svg>", 1)[1].split("<table", 1)[1]
    assert set(re.findall(r'<tr class="sa-coverage--\w+" data-country="(\w+)">', table)) == {
        code for code, state in states.items() if state != "not-target"
    }
    assert re.search(r'data-country="KE"[^>]*><title>Kenya: Listed, may be out of date \(1 decision maker\)', html)


def test_the_coverage_map_speaks_the_pages_language(client, campaign, directory):
    french_directory = directory.copy_for_translation(Locale.objects.create(language_code="fr"), copy_parents=True)
    french_directory.save_revision().publish()
    french_directory.refresh_from_db()

    html = client.get(french_directory.url + "coverage/").content.decode()

    legend = html.split('<g class="sa-map-legend"', 1)[1].split("</g>", 1)[0]
    labels = [html_text.unescape(label) for label in re.findall(r"<text[^>]*>([^<]*)</text>", legend)]
    with translation.override("fr"):
        states = coverage_map.map_states()
    # The translated directory lists nobody yet (its decision makers are pages of its own language):
    # the legend names the two states its map shows.
    assert labels == [states["missing"].label, states["not-target"].label]
    assert "Personne n'est encore répertorié" in labels  # already in the French catalog
    assert re.search(r'data-country="BR"[^>]*><title>Brésil', html)


def test_the_coverage_map_is_drawn_once_for_the_same_coverage(client, campaign, directory, settings, monkeypatch):
    settings.SOROPTIMIST_ADVOCACY = {"PAGE_CACHE": False}
    drawn = []
    draw = coverage_map.draw_coverage_map
    monkeypatch.setattr(coverage_map, "draw_coverage_map", lambda coverage: drawn.append(1) or draw(coverage))

    client.get(directory.url + "coverage/")
    client.get(directory.url + "coverage/")
    assert len(drawn) == 1
    factories.make_decision_maker(directory, "BR", "Ana Souza")  # new coverage: a new map
    html = client.get(directory.url + "coverage/").content.decode()

    assert len(drawn) == 2
    assert map_states(html)["BR"] == "listed"
