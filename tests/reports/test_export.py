"""CSV and XLSX exports: documented headings, personal data only with its permission, no formulas."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.db.models import QuerySet
from django.db.models.query import ModelIterable
from django.http import StreamingHttpResponse
from django.urls import reverse

from soroptimist_advocacy.models import ActionReport

PUBLIC_HEADINGS = [
    "Report ID",
    "Reported at",
    "Campaign",
    "Campaign key",
    "Language",
    "Campaign source",
    "Country code",
    "Country",
    "Club",
    "Action code",
    "Action",
    "Action date",
    "Decision maker",
    "Response code",
    "Response",
    "Response date",
    "Agreed to emails",
    "Reminder sent at",
    "Privacy text version",
    "Personal data erased at",
]
PERSONAL_HEADINGS = ["Name", "Email", "Notes", "Response summary"]


@pytest.fixture
def reports(action_kit, make_report, claire):
    make_report(
        action_kit,
        club='=HYPERLINK("http://evil.example","click")',
        name="+33 1 23 45 67 89",
        notes="@SUM(A1:A9)",
        decision_maker=claire,
        response_status="positive",
    )
    make_report(action_kit, country="KE", club="SI Nairobi", name="Wanjiku", email="", notes="-2+3")


def export(client, export_format: str, **params) -> bytes:
    response = client.get(reverse("action_reports:index"), {"export": export_format, **params})
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def csv_rows(client, **params) -> list[dict]:
    text = export(client, "csv", **params).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def xlsx_rows(client) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(export(client, "xlsx"))).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_csv_headings_without_the_personal_data_permission(client, report_viewer, reports):
    client.force_login(report_viewer)
    rows = csv_rows(client)
    assert list(rows[0]) == PUBLIC_HEADINGS
    assert not any(heading in rows[0] for heading in PERSONAL_HEADINGS)
    exported = str(rows)
    assert "Wanjiku" not in exported and "marie@example.org" not in exported


def test_csv_with_the_personal_data_permission(client, privacy_officer, reports, action_kit):
    client.force_login(privacy_officer)
    rows = csv_rows(client, ordering="created_at")
    headings = list(rows[0])
    assert headings[:16] == PUBLIC_HEADINGS[:16]
    assert headings[16:20] == PERSONAL_HEADINGS
    first = rows[0]
    assert first["Campaign"] == "Post CSW Advocacy Action Kit"
    assert first["Campaign key"] == str(action_kit.translation_key)
    assert (first["Country code"], first["Country"]) == ("FR", "France")
    assert (first["Action code"], first["Action"]) == ("letter_posted", "Letter posted")
    assert (first["Response code"], first["Response"]) == ("positive", "Positive")
    assert first["Decision maker"] == "Claire Dubois"
    assert first["Email"] == "marie@example.org"


def test_csv_neutralises_formulas(client, privacy_officer, reports):
    client.force_login(privacy_officer)
    rows = {row["Country code"]: row for row in csv_rows(client)}
    assert rows["FR"]["Club"] == '\'=HYPERLINK("http://evil.example","click")'
    assert rows["FR"]["Name"] == "'+33 1 23 45 67 89"
    assert rows["FR"]["Notes"] == "'@SUM(A1:A9)"
    assert rows["KE"]["Notes"] == "'-2+3"
    assert rows["KE"]["Club"] == "SI Nairobi"


def test_xlsx_has_the_same_headings_and_no_formulas(client, privacy_officer, reports):
    client.force_login(privacy_officer)
    rows = xlsx_rows(client)
    assert rows[0][:16] == PUBLIC_HEADINGS[:16]
    assert rows[0][16:20] == PERSONAL_HEADINGS
    workbook = openpyxl.load_workbook(io.BytesIO(export(client, "xlsx")))
    assert all(cell.data_type != "f" for row in workbook.active.iter_rows() for cell in row)


def test_xlsx_stores_formula_like_values_as_text_without_an_apostrophe(client, privacy_officer, reports):
    client.force_login(privacy_officer)
    workbook = openpyxl.load_workbook(io.BytesIO(export(client, "xlsx")))
    cells = {cell.value: cell for row in workbook.active.iter_rows(min_row=2) for cell in row}
    for value in ('=HYPERLINK("http://evil.example","click")', "+33 1 23 45 67 89", "@SUM(A1:A9)", "-2+3"):
        assert value in cells, value
        assert cells[value].data_type == "s"
        assert cells[value].quotePrefix  # Excel's own mark of a typed apostrophe: shown as text, never run
    assert not any(isinstance(value, str) and value.startswith("'") for value in cells)


def test_xlsx_without_the_personal_data_permission(client, report_viewer, reports):
    client.force_login(report_viewer)
    rows = xlsx_rows(client)
    assert rows[0] == PUBLIC_HEADINGS
    assert "Wanjiku" not in str(rows)


def test_export_follows_the_filters(client, report_viewer, reports):
    client.force_login(report_viewer)
    rows = csv_rows(client, country="KE")
    assert [row["Club"] for row in rows] == ["SI Nairobi"]


@pytest.fixture
def many_reports(action_kit, make_report):
    for number in range(5):
        make_report(action_kit, club=f"=Club {number}", country="KE")


@pytest.fixture
def rows_read_in_chunks(monkeypatch, settings):
    """Exports must read reports through ``iterator(chunk_size=BATCH_SIZE)``, never load them all."""
    settings.SOROPTIMIST_ADVOCACY = {"BATCH_SIZE": 2}
    chunk_sizes = []
    iterator, fetch_all = QuerySet.iterator, QuerySet._fetch_all

    def recording_iterator(queryset, chunk_size=None):
        if queryset.model is ActionReport:
            chunk_sizes.append(chunk_size)
        return iterator(queryset, chunk_size=chunk_size)

    def refusing_fetch_all(queryset):
        # Filters read distinct countries and campaigns; whole reports only come through the iterator.
        loads_reports = queryset.model is ActionReport and queryset._iterable_class is ModelIterable
        assert not loads_reports, "the export loaded every report at once"
        return fetch_all(queryset)

    monkeypatch.setattr(QuerySet, "iterator", recording_iterator)
    monkeypatch.setattr(QuerySet, "_fetch_all", refusing_fetch_all)
    return chunk_sizes


def test_csv_export_is_streamed_from_the_database_in_chunks(client, privacy_officer, many_reports, rows_read_in_chunks):
    client.force_login(privacy_officer)
    response = client.get(reverse("action_reports:index"), {"export": "csv", "country": "KE"})
    assert isinstance(response, StreamingHttpResponse)
    assert rows_read_in_chunks == []  # nothing is read before the response is consumed
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    assert rows_read_in_chunks == [2]
    assert sorted(row["Club"] for row in rows) == [f"'=Club {number}" for number in range(5)]


def test_xlsx_export_is_streamed_from_a_file_built_in_chunks(
    client, privacy_officer, many_reports, rows_read_in_chunks
):
    client.force_login(privacy_officer)
    response = client.get(reverse("action_reports:index"), {"export": "xlsx", "country": "KE"})
    assert isinstance(response, StreamingHttpResponse)
    assert rows_read_in_chunks == [2]
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    clubs = [row[PUBLIC_HEADINGS.index("Club")] for row in sheet.iter_rows(min_row=2)]
    assert sorted(cell.value for cell in clubs) == [f"=Club {number}" for number in range(5)]
    assert {cell.data_type for cell in clubs} == {"s"}
