"""The impact view's figures as CSV or XLSX: one row per country, per source and per language.

The same columns as the view's tables (``campaigns.breakdown.BREAKDOWN_COLUMNS``), aggregates
only: no report's name, email or text is in it, so anyone who may see the view may download it.
"""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from soroptimist_advocacy.campaigns.breakdown import BREAKDOWN_COLUMNS, ImpactBreakdown
from soroptimist_advocacy.campaigns.figures import CampaignFigures
from soroptimist_advocacy.web.spreadsheet import formula_safe_row, neutralise_xlsx_cell

EXPORT_FORMATS = ("csv", "xlsx")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def impact_rows(figures: CampaignFigures, breakdown: ImpactBreakdown) -> list[list]:
    """The heading row, then a row per country, source and language (group, code, name, figures)."""
    rows: list[list] = [[gettext("Group"), gettext("Code"), gettext("Name"), *breakdown.headings]]
    for row in figures.countries:
        # A country's reports are its actions reported: the same count under the same heading.
        by_name = {"letters": row.letters, "reports": row.actions, "responses": row.responses}
        rows.append(
            [gettext("Country"), row.code, row.name, *[by_name.get(name, "") for name, _h in BREAKDOWN_COLUMNS]]
        )
    for group, breakdown_rows in (
        (gettext("Source"), breakdown.by_source),
        (gettext("Language"), breakdown.by_language),
    ):
        for breakdown_row in breakdown_rows:
            rows.append([group, breakdown_row.key, breakdown_row.label, *breakdown_row.values])
    totals = {"letters": figures.letters, "reports": figures.actions, "responses": figures.responses}
    rows.append([gettext("Total"), "", "", *[totals.get(name, "") for name, _h in BREAKDOWN_COLUMNS]])
    return rows


def impact_export_response(rows: list[list], export_format: str, filename: str) -> HttpResponse:
    """*rows* as a download; every text cell passes the one formula rule (source labels are typed
    by editors, partner names by staff)."""
    if export_format == "xlsx":
        return _xlsx_response(rows, f"{filename}.xlsx")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.csv")
    response.write("\ufeff")  # Excel reads the file as UTF-8 only with it.
    writer = csv.writer(response)
    for row in rows:
        writer.writerow(formula_safe_row(row))
    return response


def _xlsx_response(rows: list[list], filename: str) -> HttpResponse:
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet()
    for row in rows:
        cells = []
        for value in row:
            cells.append(neutralise_xlsx_cell(WriteOnlyCell(worksheet, value=value)))
        worksheet.append(cells)
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
