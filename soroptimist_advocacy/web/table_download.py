"""A table of figures (a heading row, then rows) as a CSV or XLSX download.

For the admin's small aggregate tables (campaign impact, the network roll-up); the reports
listing streams its own. Every text cell passes the one formula rule of ``web.spreadsheet``:
source labels are typed by editors and partner names by staff.
"""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from soroptimist_advocacy.web.spreadsheet import formula_safe_row, neutralise_xlsx_cell

DOWNLOAD_FORMATS = ("csv", "xlsx")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def table_download_response(rows: list[list], download_format: str, filename: str) -> HttpResponse:
    """*rows* as ``<filename>.csv`` or, when *download_format* is ``"xlsx"``, ``<filename>.xlsx``."""
    if download_format == "xlsx":
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
        worksheet.append([neutralise_xlsx_cell(WriteOnlyCell(worksheet, value=value)) for value in row])
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
