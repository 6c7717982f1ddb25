"""Cells that a spreadsheet will never run as formulas.

Excel, LibreOffice and Google Sheets treat a cell starting with ``=``, ``+``,
``-`` or ``@`` (and, through some import paths, a leading tab or carriage
return) as a formula, so a value typed by a member or copied from a ministry's
website could run when an editor opens an export ("CSV injection"). Exports
prefix such a value with an apostrophe, which spreadsheets show as text.

This module is the one owner of that rule: every CSV the app writes passes its
text cells through :func:`neutralise_formula` (or :func:`formula_safe_row`),
and every XLSX cell through :func:`neutralise_xlsx_cell`, which stores the
same apostrophe the way Excel stores a typed one (a text cell marked
"quote prefix"), so the cell shows the value and never runs it.

The prefixing is reversible so that an export imported again changes nothing:
:func:`restore_formula_text` removes exactly the apostrophe that
:func:`neutralise_formula` added. A value that itself starts with apostrophes
before a trigger character gets one more, so that too survives the round trip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def _needs_escape(value: str) -> bool:
    return value.lstrip(ESCAPE).startswith(FORMULA_TRIGGERS)


def needs_neutralising(value) -> bool:
    """Whether a spreadsheet could read *value* as a formula (only text can be one)."""
    return isinstance(value, str) and _needs_escape(value)


def neutralise_formula(value):
    """*value* made safe for a spreadsheet cell; anything but a string is returned as is."""
    if needs_neutralising(value):
        return ESCAPE + value
    return value


def formula_safe_row(values) -> list:
    """A CSV row with every cell passed through :func:`neutralise_formula`."""
    return [neutralise_formula(value) for value in values]


def neutralise_xlsx_cell(cell):
    """The XLSX form of :func:`neutralise_formula`: a text cell with Excel's quote prefix.

    The prefix is the apostrophe Excel keeps when one is typed before a value: the
    cell shows the value as text (no visible apostrophe) and is never evaluated.
    """
    if cell.data_type == "f":  # openpyxl took the text for a formula
        cell.data_type = "s"
    if needs_neutralising(cell.value):
        cell.quotePrefix = True
    return cell


def restore_formula_text(value: str) -> str:
    """Undo :func:`neutralise_formula` on a cell read back from an export."""
    if value.startswith(ESCAPE) and _needs_escape(value):
        return value[1:]
    return value


# The mixin goes before Wagtail's export mixin in a view's bases; the type checker is told so.
if TYPE_CHECKING:
    from wagtail.admin.views.mixins import SpreadsheetExportMixin as _ExportBase
else:
    _ExportBase = object


class FormulaSafeExportMixin(_ExportBase):
    """For Wagtail views with ``list_export``: the rule above in their CSV and XLSX downloads.

    Wagtail's CSV writer escapes nothing; its XLSX writer only turns what
    openpyxl takes for a formula (a leading ``=``) into text.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == "csv":
            value = neutralise_formula(value)
        return value

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format=date_format):
            yield neutralise_xlsx_cell(cell)
