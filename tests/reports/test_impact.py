"""Campaign figures against known fixtures: the impact view, the response board, the public summary."""

from __future__ import annotations

import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from soroptimist_advocacy.campaigns.counters import count_letters
from soroptimist_advocacy.campaigns.figures import campaign_figures
from soroptimist_advocacy.models import LetterCounter, PartnerFeed
from tests import factories
from tests.reports.helpers import report_url

SUMMARY_BLOCK = {"type": "campaign_summary", "value": {"heading": "So far", "intro": ""}}


@pytest.fixture
def campaign(directory, make_report, claire):
    """An English campaign and its French translation, with letters and reports in both,
    beside another campaign whose figures must not mix in."""
    page = factories.make_action_kit(
        directory=directory,
        target_countries=factories.some_countries(125),
        body=[factories.letter_block(), SUMMARY_BLOCK],
    )
    french_locale, _ = Locale.objects.get_or_create(language_code="fr")
    french = page.copy_for_translation(french_locale, copy_parents=True)
    french.title = "Kit d'action"
    french.save_revision().publish()
    french.refresh_from_db()

    count_letters(campaign_key=page.translation_key, country="FR", language="en", number=3)
    count_letters(campaign_key=page.translation_key, country="FR", language="fr", number=2)
    count_letters(campaign_key=page.translation_key, country="KE", language="en", number=1)
    make_report(page, country="FR", decision_maker=claire, response_status="positive")
    make_report(page, country="FR", action_type="meeting", decision_maker=claire)
    make_report(french, country="NG", response_status="acknowledgement", language="fr", name="Ngozi")

    other = factories.make_action_kit(
        parent=page.get_parent(), directory=directory, slug="other", title="Other campaign"
    )
    count_letters(campaign_key=other.translation_key, country="JP", language="en", number=7)
    count_letters(campaign_key=uuid.uuid4(), country="JP", language="en", number=7)
    make_report(other, country="JP", response_status="negative", decision_maker=claire)
    return page


def test_figures_count_every_translation_and_nothing_else(campaign):
    figures = campaign_figures(campaign.translation_key, 125)
    assert (figures.letters, figures.actions, figures.responses) == (6, 3, 2)
    assert [(row.code, row.letters, row.actions, row.responses) for row in figures.countries] == [
        ("FR", 5, 2, 1),
        ("KE", 1, 0, 0),
        ("NG", 0, 1, 1),
    ]
    assert figures.countries_reached == 3 and figures.reach_percent == 2
    assert {figure.status: figure.count for figure in figures.responses_by_status} == {
        "no_reply": 1,
        "acknowledgement": 1,
        "positive": 1,
        "promise": 0,
        "negative": 0,
        "other": 0,
    }


def test_impact_view_shows_figures_and_an_inline_svg_chart(admin_client, campaign):
    # Three of the French letters were said to be sent (on a day of their own).
    LetterCounter.objects.create(
        campaign_key=campaign.translation_key, country="FR", language="fr", day="2026-03-09", letters_sent=3
    )
    response = admin_client.get(reverse("campaign_impact:impact", args=[campaign.translation_key]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 of 125 (2%)" in html
    assert re.search(r"Letters generated</dt><dd[^>]*>6<", html)
    assert re.search(r"Actions reported</dt><dd[^>]*>3<", html)
    assert re.search(r"Responses received</dt><dd[^>]*>2<", html)
    assert re.search(r"Letters sent</dt><dd[^>]*>3 \(50% of those generated\)<", html)
    assert (
        '<th scope="row">France</th><td>5</td><td>3</td><td>2</td><td>1</td>' in html
    )  # made, sent, actions, responses
    assert '<th scope="row">Nigeria</th><td>0</td><td>0</td><td>1</td><td>1</td>' in html
    # Another campaign's letters and reports in Japan are not counted (the world map names every
    # country: Japan is there, with none of them).
    assert not re.search(r'<th scope="row">Japan</th><td>\d', html)
    assert "Japan: Target not reached yet" in html
    # The chart is inline SVG: no script, no chart library.
    assert html.count('<svg role="img"') == 2
    # France's 5 letters are the longest bar: the full width of the bar area.
    assert re.search(r'<rect x="180" y="\d+" width="360" height="12" fill="#1f5fa8"/>', html)


def test_impact_index_lists_each_campaign_once(admin_client, campaign):
    html = admin_client.get(reverse("campaign_impact:index")).content.decode()
    assert html.count(reverse("campaign_impact:impact", args=[campaign.translation_key])) == 1
    assert "Other campaign" in html


def test_response_board_counts_responses_per_decision_maker(admin_client, campaign, claire):
    html = admin_client.get(reverse("campaign_impact:response_board", args=[campaign.translation_key])).content.decode()
    row = re.search(r'<th scope="row">Claire Dubois</th>(.*?)</tr>', html, re.S).group(1)
    cells = re.findall(r"<td>([^<]*)</td>", row)
    # Country, actions, responses, then acknowledgement, positive, a promise to act, negative, other.
    assert cells == ["France", "2", "1", "0", "1", "0", "0", "0"]
    assert "1 reported action names no decision maker." in html


def test_a_deleted_campaign_keeps_its_reports_and_figures(admin_client, campaign):
    key = campaign.translation_key
    for page in factories.ActionKitPage.objects.filter(translation_key=key):
        page.delete()
    figures = campaign_figures(key)
    assert figures.actions == 3
    html = admin_client.get(reverse("campaign_impact:impact", args=[key])).content.decode()
    assert "Post CSW Advocacy Action Kit (deleted)" in html
    assert "The pages of this campaign are deleted; its reports are kept." in html


def test_summary_block_shows_aggregates_only_and_keeps_the_page_cacheable(campaign):
    response = Client().get(campaign.url)
    html = response.content.decode()
    assert "public" in response["Cache-Control"]
    assert "Set-Cookie" not in response and "Cookie" not in response.get("Vary", "")
    section = html.split('class="sa-block sa-summary-figures"', 1)[1].split("</section>", 1)[0]
    assert "3 of 125" in section
    assert re.search(r"Actions reported</dt><dd>3<", section)
    assert re.search(r"Responses received</dt><dd>2<", section)
    assert "Ngozi" not in html and "Marie" not in html and "SI Paris" not in html


def test_summary_block_on_the_translation_shows_the_same_figures(campaign):
    french = campaign.get_translation(Locale.objects.get(language_code="fr"))
    html = Client().get(french.url).content.decode()
    assert "3 of 125" in html or "3 sur 125" in html


def test_letter_builder_links_to_the_report_form(client, action_kit):
    html = client.get(action_kit.url, {"country": "FR"}).content.decode()
    assert f'href="{report_url(action_kit)}?country=FR"' in html
    html = client.get(action_kit.url).content.decode()
    assert f'href="{report_url(action_kit)}"' in html


def map_states_of(html: str) -> dict[str, str]:
    svg = html.split('<svg xmlns="http://www.w3.org/2000/svg"', 1)[1].split("</svg>", 1)[0]
    return {
        code: state for state, code in re.findall(r'class="sa-map-country sa-map--([\w-]+)" data-country="(\w+)"', svg)
    }


def test_impact_view_maps_the_campaign_with_the_partners_countries(admin_client, campaign):
    url = reverse("campaign_impact:impact", args=[campaign.translation_key])
    alone = map_states_of(admin_client.get(url).content.decode())
    assert (alone["FR"], alone["KE"], alone["NG"], alone["IT"]) == ("responded", "made", "responded", "not-reached")

    snapshot = {
        "schema": 1,
        "campaign": {"key": "", "title": "Partner"},
        "generated_at": "",
        "countries": [
            {"country": "IT", "letters": 4, "actions": 0, "responses": 0},
            {"country": "KE", "letters": 1, "letters_sent": 1, "actions": 0, "responses": 0},
        ],
        "responses_by_status": {},
        "totals": {"letters": 5, "actions": 0, "responses": 0, "countries_reached": 2},
    }
    PartnerFeed.objects.create(
        name="Partner",
        feed_url="https://partner.example.org/kit/figures.json",
        campaign=campaign,
        snapshot=snapshot,
        fetched_at=timezone.now(),
    )
    html = admin_client.get(url).content.decode()

    network = map_states_of(html)
    assert (network["IT"], network["KE"], network["FR"]) == ("made", "sent", "responded")
    assert f'href="{campaign.url}map.svg" download' in html
