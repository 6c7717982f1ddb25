"""The network roll-up's totals of letters, actions and responses across sites: in the admin impact
view, its CSV and XLSX downloads, and the public summary block (partner snapshots stored, no fetch)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from soroptimist_advocacy.campaigns.counters import count_letters
from soroptimist_advocacy.models import PartnerFeed
from tests import factories


def snapshot(letters: int, actions: int, responses: int, countries: list[str]) -> dict:
    return {
        "schema": 1,
        "campaign": {"key": "", "title": "Partner"},
        "generated_at": "",
        "countries": [{"country": code, "letters": 1, "actions": 0, "responses": 0} for code in countries],
        "responses_by_status": {},
        "totals": {"letters": letters, "actions": actions, "responses": responses, "countries_reached": len(countries)},
    }


@pytest.fixture
def campaign(directory):
    page = factories.make_action_kit(
        directory=directory,
        target_countries=factories.some_countries(10),
        body=[{"type": "campaign_summary", "value": {"heading": "Together", "include_partners": True}}],
    )
    page.save_revision().publish()
    count_letters(campaign_key=page.translation_key, country="FR", language="en", number=5)
    for name, figures in (("=Partner A", (7, 2, 1, ["FR", "KE"])), ("Partner B", (3, 1, 1, ["BR"]))):
        PartnerFeed.objects.create(
            name=name,
            feed_url=f"https://{name[-1].lower()}.example.org/kit/figures.json",
            campaign=page,
            snapshot=snapshot(*figures),
            fetched_at=timezone.now(),
        )
    return page


def impact_url(page) -> str:
    return reverse("campaign_impact:impact", args=[page.translation_key])


def total_row(html: str) -> list[str]:
    row = re.search(r'<tr class="sa-network-total">(.*?)</tr>', html, re.S).group(1)
    return re.findall(r"<td>([^<]*)</td>", row)[:5]


def test_the_impact_view_totals_letters_and_reports_across_sites(admin_client, campaign):
    html = admin_client.get(impact_url(campaign)).content.decode()
    # Letters 5 + 7 + 3, actions 0 + 2 + 1, responses 0 + 1 + 1; FR counted once among FR, KE, BR.
    assert total_row(html) == ["15", "0", "3", "2", "3"]  # letters, sent, actions, responses, countries
    assert re.search(r"Letters generated across the network</dt><dd[^>]*>15<", html)
    assert re.search(r"Actions reported across the network</dt><dd[^>]*>3<", html)
    assert 'href="?export=network-xlsx"' in html


def test_the_downloads_end_with_the_network_total(admin_client, campaign):
    response = admin_client.get(impact_url(campaign), {"export": "network"})
    assert f"campaign-network-{campaign.translation_key}.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == ["This site", "'=Partner A", "Partner B", "Total"]
    assert rows[-1][:6] == ["Total", "15", "0", "3", "2", "3"]

    response = admin_client.get(impact_url(campaign), {"export": "network-xlsx"})
    assert f"campaign-network-{campaign.translation_key}.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = list(sheet.iter_rows(values_only=True))
    assert cells[-1][:6] == ("Total", 15, 0, 3, 2, 3)
    partner = next(row for row in sheet.iter_rows() if row[0].value == "=Partner A")[0]
    assert partner.quotePrefix and partner.data_type == "s"


def test_the_public_summary_shows_the_network_total(campaign):
    html = Client().get(campaign.url).content.decode()
    assert total_row(html) == ["15", "0", "3", "2", "3"]  # letters, sent, actions, responses, countries
    assert "Total across the network" in html
