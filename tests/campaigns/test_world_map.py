"""The campaign's world map: countries shaded from the counters, titled and explained in the page's
language, followed by a table of the same figures, cached with the figures, and downloadable."""

from __future__ import annotations

import html as html_text
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import translation
from django_countries import countries
from wagtail.models import Locale

from soroptimist_advocacy.campaigns import world_map
from soroptimist_advocacy.campaigns.counters import count_letters
from soroptimist_advocacy.campaigns.world_map import CountryCounts, country_state, counts_by_country
from soroptimist_advocacy.maps import png
from tests import factories
from tests.reports.conftest import make_report  # noqa: F401 (fixture)

MAP_BLOCK = {"type": "campaign_summary", "value": {"heading": "So far", "intro": "", "show_map": True}}
NO_PAGE_CACHE = override_settings(SOROPTIMIST_ADVOCACY={"PAGE_CACHE": False})
TARGETS = ["FR", "KE", "BR", "DE"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Maps are cached by their figures: each test starts without any drawn."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def campaign(directory, make_report):  # noqa: F811
    """Targets France, Kenya, Brazil and Germany; members acted in three of them and in two
    countries the campaign does not target."""
    page = factories.make_action_kit(directory=directory, target_countries=TARGETS, body=[MAP_BLOCK])
    key = page.translation_key
    count_letters(campaign_key=key, country="FR", language="en", number=3)
    make_report(page, country="FR", response_status="positive")  # a response
    make_report(page, country="KE", response_status="no_reply")  # an action, no response yet
    count_letters(campaign_key=key, country="BR", language="en", number=2)  # letters only
    count_letters(campaign_key=key, country="JP", language="en", number=1)  # not a target: letters
    make_report(page, country="GB", response_status="acknowledgement")  # not a target: a response
    make_report(page, country="CA", response_status="no_reply")  # not a target: an action
    return page


def map_states(html: str) -> dict[str, str]:
    """``{country code: state}`` of the map's country elements."""
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    return dict(
        (code, state)
        for state, code in re.findall(r'class="sa-map-country sa-map--([\w-]+)" data-country="(\w+)"', svg)
    )


def table_states(html: str) -> dict[str, str]:
    table = html.split("</svg>", 1)[1].split("<table", 1)[1].split("</table>", 1)[0]
    return dict(
        (code, state) for state, code in re.findall(r'<tr class="sa-map--([\w-]+)" data-country="(\w+)">', table)
    )


def translated(page, language: str):
    translation_ = page.copy_for_translation(Locale.objects.get_or_create(language_code=language)[0], copy_parents=True)
    translation_.save_revision().publish()
    translation_.refresh_from_db()
    return translation_


@NO_PAGE_CACHE
def test_each_country_is_shaded_by_what_members_did_there(campaign):
    states = map_states(Client().get(campaign.url).content.decode())

    assert states["FR"] == "responded"
    assert states["KE"] == "sent"  # a reported action is a letter sent (or more)
    assert states["BR"] == "made"
    assert states["DE"] == "not-reached"
    assert states["GB"] == "responded" and states["CA"] == "sent" and states["JP"] == "made"
    assert states["US"] == "not-target"
    assert set(states) == {code for code, _name in countries}  # one element per country


def test_letters_sent_count_when_the_figures_carry_them_and_as_none_when_not():
    entries = [
        {"country": "FR", "letters": 4, "letters_sent": 2, "actions": 0, "responses": 0},
        {"country": "KE", "letters": 4, "actions": 0, "responses": 0},  # a site without letters_sent
        {"country": "XX", "letters": 9},  # no country: left out
    ]
    partner = [{"country": "KE", "letters": 1, "letters_sent": 1, "actions": 0, "responses": 0}]

    alone = counts_by_country(entries)
    assert alone == {"FR": CountryCounts(letters=4, letters_sent=2), "KE": CountryCounts(letters=4)}
    assert country_state(alone["FR"], True) == "sent" and country_state(alone["KE"], True) == "made"
    with_partner = counts_by_country(entries, partner)
    assert with_partner["KE"] == CountryCounts(letters=5, letters_sent=1)
    assert country_state(with_partner["KE"], False) == "sent"


@pytest.mark.parametrize(
    ("counts", "is_target", "state"),
    [
        (CountryCounts(letters=1, letters_sent=1, actions=1, responses=1), True, "responded"),
        (CountryCounts(responses=1), False, "responded"),
        (CountryCounts(letters=3, letters_sent=1), True, "sent"),
        (CountryCounts(actions=1), False, "sent"),
        (CountryCounts(letters=1), True, "made"),
        (CountryCounts(letters=1), False, "made"),
        (CountryCounts(), True, "not-reached"),
        (CountryCounts(), False, "not-target"),
    ],
)
def test_the_state_is_the_furthest_step_reached(counts, is_target, state):
    assert country_state(counts, is_target) == state


@NO_PAGE_CACHE
def test_the_map_is_an_image_with_a_name_followed_by_a_table_that_matches_it(campaign):
    html = Client().get(campaign.url).content.decode()

    svg_tag = re.search(r"<svg[^>]*>", html).group(0)
    assert 'role="img"' in svg_tag
    assert 'aria-label="World map of the campaign: 3 of 4 target countries reached"' in svg_tag
    assert html.index("</svg>") < html.index('<table class="sa-map-table')
    on_map, in_table = map_states(html), table_states(html)
    assert in_table == {code: state for code, state in on_map.items() if state != "not-target"}
    assert set(in_table) == set(TARGETS) | {"JP", "GB", "CA"}
    row = re.search(r'<tr class="sa-map--responded" data-country="FR">(.*?)</tr>', html).group(1)
    assert re.findall(r"<td>([^<]*)</td>", row) == ["Response received", "3", "0", "1", "1"]


@NO_PAGE_CACHE
def test_each_country_has_a_title_with_its_name_and_figures(campaign):
    html = Client().get(campaign.url).content.decode()

    france = re.search(r'data-country="FR"[^>]*><title>([^<]*)</title>', html).group(1)
    assert france == (
        "France: Response received. Letters made: 3, letters sent: 0, actions reported: 1, responses received: 1."
    )
    germany = re.search(r'data-country="DE"[^>]*><title>([^<]*)</title>', html).group(1)
    assert germany == "Germany: Target not reached yet"


def legend_labels(html: str) -> list[str]:
    legend = html.split('<g class="sa-map-legend"', 1)[1].split("</g>", 1)[0]
    return [html_text.unescape(label) for label in re.findall(r"<text[^>]*>([^<]*)</text>", legend)]


def expected_legend(language: str) -> list[str]:
    with translation.override(language):
        return [state.label for state in world_map.map_states().values()]


@NO_PAGE_CACHE
@pytest.mark.parametrize(("language", "germany"), [("fr", "Allemagne"), ("ar", "ألمانيا")])
def test_titles_and_legend_are_in_the_pages_language(campaign, language, germany):
    page = translated(campaign, language)

    html = Client().get(page.url).content.decode()

    assert re.search(rf'<svg[^>]* lang="{language}"', html)
    title = re.search(r'data-country="DE"[^>]*><title>([^<]*)</title>', html).group(1)
    assert title.startswith(germany)
    assert legend_labels(html) == expected_legend(language)  # the catalog's words (English until translated)
    english = Client().get(campaign.url).content.decode()
    assert re.search(r'data-country="DE"[^>]*><title>Germany', english)  # each language its own map


@NO_PAGE_CACHE
def test_the_arabic_legend_reads_from_the_right(campaign):
    html = Client().get(translated(campaign, "ar").url).content.decode()
    legend = html.split('<g class="sa-map-legend"', 1)[1].split("</g>", 1)[0]

    anchors = re.findall(r'text-anchor="(\w+)"', legend)
    assert anchors and set(anchors) == {"end"}
    first_x = int(re.search(r'<rect x="(\d+)"', legend).group(1))
    assert first_x > 900  # the first swatch at the right edge of the 1000-unit map


def add_letters_in(page, count: int) -> None:
    for code in factories.some_countries(count):
        count_letters(campaign_key=page.translation_key, country=code, language="en", number=1)


@NO_PAGE_CACHE
def test_the_query_count_is_flat_in_the_number_of_countries(directory):
    few = factories.make_action_kit(directory=directory, slug="few", body=[MAP_BLOCK])
    many = factories.make_action_kit(directory=directory, slug="many", body=[MAP_BLOCK])
    add_letters_in(few, 2)
    add_letters_in(many, 60)
    for page in (few, many):
        Client().get(page.url)  # counts the figures once, as the first visitor after a refresh does

    counted = []
    for page in (few, many):
        with CaptureQueriesContext(connection) as queries:
            html = Client().get(page.url).content.decode()
        counted.append(len(queries))
        assert html.count('class="sa-map-country sa-map--made"') == (2 if page is few else 60)

    assert counted[0] == counted[1]


@NO_PAGE_CACHE
def test_a_map_is_drawn_once_per_figures_and_language(campaign, monkeypatch):
    drawn = []
    draw = world_map.draw_campaign_map
    monkeypatch.setattr(world_map, "draw_campaign_map", lambda *args: drawn.append(1) or draw(*args))

    first = Client().get(campaign.url).content.decode()
    second = Client().get(campaign.url).content.decode()
    assert len(drawn) == 1
    assert first.split("<svg", 1)[1].split("</svg>")[0] == second.split("<svg", 1)[1].split("</svg>")[0]

    Client().get(translated(campaign, "fr").url)
    assert len(drawn) == 2  # another language, another drawing


def test_the_map_is_an_option_of_the_summary_block(directory):
    without = factories.make_action_kit(
        directory=directory, slug="without", body=[{"type": "campaign_summary", "value": {}}]
    )
    with_map = factories.make_action_kit(directory=directory, slug="with-map", body=[MAP_BLOCK])

    html = Client().get(without.url).content.decode()
    assert "sa-summary-figures" in html and "data-country=" not in html
    assert 'data-country="FR"' in Client().get(with_map.url).content.decode()


# -- the files ------------------------------------------------------------------------------


def test_map_svg_is_a_public_standalone_svg_file(client, campaign):
    response = client.get(campaign.url + "map.svg")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["Content-Disposition"] == 'inline; filename="action-kit-map-en.svg"'
    body = response.content.decode()
    assert body.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')
    assert map_states(body)["FR"] == "responded"
    assert 'class="sa-map-legend"' in body


def test_map_svg_is_in_the_language_of_the_page_it_belongs_to(client, campaign):
    french = translated(campaign, "fr")
    body = client.get(french.url + "map.svg").content.decode()
    assert re.search(r'<svg[^>]* lang="fr"', body)
    assert "<title>Allemagne" in body


def test_the_campaign_page_links_its_map_files(campaign):
    html = Client().get(campaign.url).content.decode()
    assert f'href="{campaign.url}map.svg" download' in html


def test_map_files_answer_only_get(campaign):
    for name in ("map_svg/", "map_png/"):
        response = Client().post(campaign.url + name)
        assert response.status_code == 405 and response["Allow"] == "GET, HEAD"


def test_map_png_is_the_map_as_a_png(client, campaign):
    if not png.png_available():
        pytest.skip("CairoSVG or the cairo library is not installed (pip install cairosvg; apt-get install libcairo2)")
    response = client.get(campaign.url + "map.png")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert "public" in response["Cache-Control"]
    html = Client().get(campaign.url).content.decode()
    assert f'href="{campaign.url}map.png" download' in html


def test_without_cairosvg_the_png_says_so_and_is_not_offered(client, campaign, monkeypatch):
    monkeypatch.setattr(png, "_cairosvg", lambda: None)

    response = client.get(campaign.url + "map.png")

    assert response.status_code == 404
    assert response.content.decode() == "This site does not make PNG maps; the map is available as SVG."
    assert "map.png" not in Client().get(campaign.url).content.decode()
