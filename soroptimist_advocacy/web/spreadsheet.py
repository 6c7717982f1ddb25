"""Cells that a spreadsheet will never run as formulas.

Excel, LibreOffice and Google Sheets treat a cell starting with ``=``, ``+``,
``-`` or ``@`` (and, through some import paths, a leading tab or carriage
return) as a formula, so a value typed by a member or copied from a ministry's
website could run when an editor opens an export ("CSV injection"). Exports
prefix such a value with an apostrophe, which spreadsheets show as text.

The prefixing is reversible so that an export imported again changes nothing:
:func:`restore_formula_text` removes exactly the apostrophe that
:func:`neutralise_formula` added. A value that itself starts with apostrophes
before a trigger character gets one more, so that too survives the round trip.
"""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def _needs_escape(value: str) -> bool:
    return value.lstrip(ESCAPE).startswith(FORMULA_TRIGGERS)


def neutralise_formula(value):
    """*value* made safe for a spreadsheet cell; anything but a string is returned as is."""
    if isinstance(value, str) and _needs_escape(value):
        return ESCAPE + value
    return value


def restore_formula_text(value: str) -> str:
    """Undo :func:`neutralise_formula` on a cell read back from an export."""
    if value.startswith(ESCAPE) and _needs_escape(value):
        return value[1:]
    return value


class FormulaSafeExportMixin:
    """For Wagtail listings with ``list_export``: neutralise formulas in CSV downloads.

    Wagtail already writes XLSX cells that look like formulas as text; its CSV
    writer does not.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == "csv":
            value = neutralise_formula(value)
        return value
