"""The impact view by source and by language, and its CSV and XLSX exports."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from soroptimist_advocacy.campaigns.breakdown import impact_breakdown
from soroptimist_advocacy.campaigns.counters import count_letters
from soroptimist_advocacy.campaigns.figures import figure_counts
from tests import factories
from tests.reports.helpers import staff_user

SOURCES = [
    {"type": "source", "value": {"slug": "newsletter", "label": "November newsletter"}},
    {"type": "source", "value": {"slug": "facebook", "label": "=Facebook"}},
]


@pytest.fixture
def campaign(directory, make_report):
    page = factories.make_action_kit(directory=directory, sources=SOURCES)
    page.save_revision().publish()
    key = page.translation_key
    count_letters(campaign_key=key, country="FR", language="fr", number=4, source="newsletter")
    count_letters(campaign_key=key, country="FR", language="en", number=2, source="facebook")
    count_letters(campaign_key=key, country="KE", language="en", number=1)
    # A slug the editor has since removed: its letters were counted and stay visible under it.
    count_letters(campaign_key=key, country="KE", language="ar", number=5, source="old-poster")
    make_report(page, country="FR", language="fr", source="newsletter", response_status="positive")
    make_report(page, country="FR", language="fr", source="newsletter")
    make_report(page, country="KE", language="en", response_status="negative")
    return page


def by_key(rows):
    return {row.key: (row.label, row.values) for row in rows}


def test_breakdown_by_source_and_language(campaign):
    breakdown = impact_breakdown(figure_counts(campaign.translation_key), {"newsletter": "November newsletter"})
    assert by_key(breakdown.by_source) == {
        "newsletter": ("November newsletter", [4, 0, 2, 1]),
        "facebook": ("facebook", [2, 0, 0, 0]),
        "old-poster": ("old-poster", [5, 0, 0, 0]),
        "": ("No source", [1, 0, 1, 1]),
    }
    # Defined sources first in the editor's order, unknown slugs next, "no source" last.
    assert [row.key for row in breakdown.by_source] == ["newsletter", "facebook", "old-poster", ""]
    assert by_key(breakdown.by_language) == {
        "fr": ("French", [4, 0, 2, 1]),
        "en": ("English", [3, 0, 1, 1]),
        "ar": ("Arabic", [5, 0, 0, 0]),
    }
    with translation.override("fr"):
        labels = {row.key: row.label for row in impact_breakdown(figure_counts(campaign.translation_key)).by_language}
    assert labels["en"] == "Anglais"


def test_counts_cached_by_an_older_version_give_empty_rows_not_an_error():
    old = {"letters_by_source": {"": 3}, "reports_by_source": {"": 1}}
    breakdown = impact_breakdown(old)
    assert by_key(breakdown.by_source) == {"": ("No source", [3, 0, 1, 0])}
    assert breakdown.by_language == []


def impact_url(page) -> str:
    return reverse("campaign_impact:impact", args=[page.translation_key])


def table_after(html: str, heading: str) -> str:
    return html.split(f">{heading}</h2>", 1)[1].split("</table>", 1)[0]


def test_impact_view_shows_both_tables(admin_client, campaign):
    html = admin_client.get(impact_url(campaign)).content.decode()
    sources = table_after(html, "By source")
    assert re.search(r"<th scope=\"row\">November newsletter</th><td>4</td><td>0</td><td>2</td><td>1</td>", sources)
    assert '<th scope="row">=Facebook</th><td>2</td><td>0</td><td>0</td>' in sources
    assert '<th scope="row">No source</th><td>1</td><td>0</td><td>1</td><td>1</td>' in sources
    languages = table_after(html, "By language")
    assert '<th scope="row">French</th><td>4</td><td>0</td><td>2</td><td>1</td>' in languages
    assert '<th scope="row">Arabic</th><td>5</td><td>0</td><td>0</td>' in languages
    assert 'href="?export=csv"' in html and 'href="?export=xlsx"' in html


def test_csv_export_carries_the_same_columns(admin_client, campaign):
    response = admin_client.get(impact_url(campaign), {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert f"campaign-impact-{campaign.translation_key}.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Group", "Code", "Name", "Letters generated", "Letters sent", "Reports", "Responses received"]
    assert ["Country", "FR", "France", "6", "0", "2", "1"] in rows
    assert ["Source", "newsletter", "November newsletter", "4", "0", "2", "1"] in rows
    # An editor's label that a spreadsheet would run is neutralised.
    assert ["Source", "facebook", "'=Facebook", "2", "0", "0", "0"] in rows
    assert ["Language", "ar", "Arabic", "5", "0", "0", "0"] in rows
    assert rows[-1] == ["Total", "", "", "12", "0", "3", "2"]


def test_xlsx_export_carries_the_same_rows(admin_client, campaign):
    csv_rows = list(
        csv.reader(io.StringIO(admin_client.get(impact_url(campaign), {"export": "csv"}).content.decode("utf-8-sig")))
    )
    response = admin_client.get(impact_url(campaign), {"export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = list(sheet.iter_rows(values_only=True))
    assert len(cells) == len(csv_rows)
    facebook = next(row for row in sheet.iter_rows() if row[1].value == "facebook")
    assert facebook[2].value == "=Facebook" and facebook[2].quotePrefix and facebook[2].data_type == "s"
    assert [str(value) if value is not None else "" for value in cells[-1]] == csv_rows[-1]


def test_exports_need_the_reports_permission(client, django_user_model, campaign):
    client.force_login(staff_user(django_user_model, "editor"))
    response = client.get(impact_url(campaign), {"export": "csv"})
    assert response.status_code in (302, 403)
    assert b"November newsletter" not in response.content
