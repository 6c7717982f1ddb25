"""One formula rule (``web/spreadsheet.py``) in every spreadsheet the app writes.

A value starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
must reach the editor as the same neutralised text whichever export she opens:
in a CSV the cell reads ``'`` + value; in an XLSX it is a text cell with Excel's
quote prefix (what Excel stores when ``'`` + value is typed), never a formula.
Reports live here because they are the main export; the directory's, the
corrections' and the network impact's CSVs are checked against the same rule.
"""

from __future__ import annotations

import csv
import datetime
import io
from types import SimpleNamespace

import openpyxl
import pytest
from django.urls import reverse

from soroptimist_advocacy.models import DecisionMakerCorrection, DecisionMakerPage
from soroptimist_advocacy.network.impact_export import network_csv_response
from soroptimist_advocacy.web.spreadsheet import neutralise_formula
from tests import factories

TRIGGERING = ["=1+1", "+33 1 23 45 67 89", "-2+3", "@SUM(A1:A9)", "\tcmd|' /C calc'!A0", "\r=2*3", "'=already quoted"]
EXPECTED = {value: "'" + value for value in TRIGGERING}


def test_the_rule_prefixes_exactly_the_values_a_spreadsheet_could_run():
    assert {value: neutralise_formula(value) for value in TRIGGERING} == EXPECTED
    assert neutralise_formula("SI Paris Est") == "SI Paris Est"
    assert neutralise_formula(-2) == -2  # numbers are numbers, not text


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_column(response, heading: str) -> list[str]:
    assert response.status_code == 200
    text = body(response).decode("utf-8-sig")
    return [row[heading] for row in csv.DictReader(io.StringIO(text, newline=""))]


def xlsx_column_as_typed(response, heading: str) -> list[str]:
    """Each cell as an editor would type it in Excel: a quote-prefixed cell is ``'`` + its value."""
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(body(response))).active
    rows = list(sheet.iter_rows())
    column = [cell.value for cell in rows[0]].index(heading)
    cells = [row[column] for row in rows[1:]]
    assert all(cell.data_type == "s" for cell in cells if isinstance(cell.value, str))
    return [("'" if cell.quotePrefix else "") + cell.value for cell in cells]


def neutralised(column: list[str]) -> dict[str, str]:
    """The exported text of each triggering value, found by the value it neutralises."""
    return {value: next(cell for cell in column if cell.endswith(value) and cell != value) for value in TRIGGERING}


@pytest.fixture
def reports(action_kit, make_report):
    for value in TRIGGERING:
        make_report(action_kit, club=value)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_reports_export(admin_client, reports, export_format):
    response = admin_client.get(reverse("action_reports:index"), {"export": export_format})
    read = csv_column if export_format == "csv" else xlsx_column_as_typed
    column = read(response, "Club")

    assert sorted(column) == sorted(EXPECTED.values())


@pytest.fixture
def decision_makers(directory):
    for number, value in enumerate(TRIGGERING):
        factories.make_decision_maker(directory, "NG", f"Minister {number}", organisation=value)
    return directory


def test_directory_csv_download(admin_client, decision_makers):
    response = admin_client.get(reverse("advocacy_decision_makers:export", args=[decision_makers.pk]))

    assert neutralised(csv_column(response, "organisation")) == EXPECTED


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_decision_maker_listing_export(admin_client, decision_makers, export_format):
    response = admin_client.get(reverse("advocacy_decision_makers:index"), {"export": export_format})
    read = csv_column if export_format == "csv" else xlsx_column_as_typed

    assert neutralised(read(response, "Organisation or ministry")) == EXPECTED


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_corrections_export(admin_client, directory, export_format):
    claire = DecisionMakerPage.objects.get(title="Claire Dubois")
    for value in TRIGGERING:
        DecisionMakerCorrection.for_page(claire, details=value).save()
    response = admin_client.get(reverse("advocacy_corrections:index"), {"export": export_format})
    read = csv_column if export_format == "csv" else xlsx_column_as_typed

    assert sorted(read(response, "What the member knows")) == sorted(EXPECTED.values())


def test_network_impact_csv(db):
    figures = dict(letters=1, letters_sent=1, actions=2, responses=3)
    partners = [
        SimpleNamespace(name=value, countries=4, fetched_at=datetime.datetime(2026, 1, 1), stale=False, **figures)
        for value in TRIGGERING
    ]
    network = SimpleNamespace(
        local=SimpleNamespace(countries_reached=5, **figures),
        local_label="This site",
        partners=partners,
        countries_reached=5,
        **figures,
    )

    column = csv_column(network_csv_response(network, "impact.csv"), "Site")

    assert column[1:-1] == [EXPECTED[value] for value in TRIGGERING]
    assert column[0] == "This site" and column[-1] == "Total"
