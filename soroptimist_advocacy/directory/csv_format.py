"""The decision-maker CSV: its columns, reading and validating a file, writing one.

The file
--------
UTF-8 text, with or without a byte-order mark (spreadsheets' "CSV UTF-8"
format). Cells are separated by commas; a file saved with semicolons or tabs
(as French or Spanish spreadsheet settings often do) is recognised from its
header line. The first line names the columns, in any order and any letter
case. A cell may hold line breaks when it is quoted, as spreadsheets do for a
multi-line postal address. Empty lines are ignored. At most 1 MB and 5,000
decision makers per file.

Columns
-------
=============== ========= ==============================================================
column          required  value
=============== ========= ==============================================================
external_id     yes       Your stable identifier for the record, at most 100 characters
                          (e.g. ``fr-minister-equality``). Importing again updates the
                          decision maker with the same ``external_id`` in the directory
                          instead of adding a second one.
full_name       yes       Full name, as shown on the page and in letters (the page title).
salutation                Letter greeting, e.g. ``Dear Minister`` (120 characters).
position_title  yes       The post, e.g. ``Minister for Gender Equality``.
address_line              How a letter in the directory's language names her above the
                          postal address, when her name and post alone would read wrong
                          (a Russian letter puts both in the dative); letters show it in
                          place of her name and post. Line breaks allowed (500 characters).
organisation              Ministry or office.
country         yes       ISO 3166-1 alpha-2 code: ``FR``, ``KE``, ``ES`` (any case).
rank                      Order within the country; 1 (the default) is the primary
                          decision maker, listed and pre-selected first.
postal_address            Full postal address; line breaks allowed (1,000 characters).
email                     Email address.
phone                     Phone number, e.g. ``+33 1 23 45 67 89``.
website                   Web address starting with ``http://`` or ``https://``.
source_url                Where the details were checked (``http(s)://`` address).
last_verified             Date an editor last checked the details, ``YYYY-MM-DD``;
                          not in the future. Empty means never verified.
is_sample                 ``true`` for demonstration records, which the public page marks
                          as not real; ``false`` or empty otherwise (``yes``/``no``,
                          ``1``/``0`` also work).
=============== ========= ==============================================================

Text cells are at most 255 characters unless said otherwise; leading and trailing
spaces are removed. Control characters (other than line breaks in
``address_line`` and ``postal_address``) are refused.

A column left out of the file leaves that field of existing records unchanged
(new records get it empty or at its default), so a file with only
``external_id, full_name, position_title, country, email`` updates emails alone.
Records of the directory that the file does not mention are left alone.

Exports write every column, with a byte-order mark so that spreadsheets read the
accents right. A cell starting with ``=``, ``+``, ``-`` or ``@`` (a phone number
such as ``+33 ...``) is written with a leading apostrophe so that no spreadsheet
runs it as a formula; the import removes that apostrophe again, so an exported
file imported back changes nothing.

Nothing is written unless every line is valid: each problem is reported with its
line number (the first line of a record when a quoted cell spans several lines).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from soroptimist_advocacy.directory.records import COLUMN_NAMES
from soroptimist_advocacy.models.decision_maker import ADDRESS_LINE_MAX
from soroptimist_advocacy.web.countries import parse_country
from soroptimist_advocacy.web.spreadsheet import neutralise_formula, restore_formula_text

MAX_FILE_BYTES = 1_000_000
MAX_RECORDS = 5_000
# Generous for any real address, small enough to keep letters and pages sane.
POSTAL_ADDRESS_MAX = 1_000
REQUIRED_COLUMNS = ("external_id", "full_name", "position_title", "country")
DELIMITERS = (",", ";", "\t")
TRUE_WORDS = {"true", "yes", "1", "y"}
FALSE_WORDS = {"false", "no", "0", "n", ""}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
# Line breaks inside a single-line value would break letters and listings.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
CONTROL_CHARACTERS_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")

BINARY_SIGNATURES = {
    b"PK\x03\x04": _(
        "This is a spreadsheet workbook, not a CSV file. In your spreadsheet program choose "
        "“Save as”, “CSV UTF-8”, and use that file."
    ),
    b"\xd0\xcf\x11\xe0": _(
        "This is an old Excel workbook, not a CSV file. In your spreadsheet program choose "
        "“Save as”, “CSV UTF-8”, and use that file."
    ),
    b"%PDF": _("This is a PDF document, not a CSV file."),
    b"\xff\xfe": _("This file is saved as UTF-16 (“Unicode text”). Save it as “CSV UTF-8” instead."),
    b"\xfe\xff": _("This file is saved as UTF-16 (“Unicode text”). Save it as “CSV UTF-8” instead."),
}


@dataclass(frozen=True)
class RowError:
    """One problem in the file: where it is and what to do about it."""

    line: int
    message: str
    column: str = ""

    def __str__(self) -> str:
        if self.column:
            return gettext("Line %(line)s, column “%(column)s”: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return gettext("Line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass(frozen=True)
class ParsedRow:
    """One decision maker of the file: its first line and its cleaned values by column."""

    line: int
    values: dict


@dataclass
class ParsedFile:
    columns: tuple[str, ...] = ()
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors


# -- cleaning one cell ---------------------------------------------------------------


def _text(max_length: int, *, required: bool = False, multiline: bool = False) -> Callable[[str], str]:
    def clean(value: str) -> str:
        if multiline:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        pattern = CONTROL_CHARACTERS_BUT_NEWLINE if multiline else CONTROL_CHARACTERS
        if pattern.search(value):
            raise ValidationError(_("Remove the invisible control characters (such as tabs) from this cell."))
        if required and not value:
            raise ValidationError(_("This cell is required."))
        if len(value) > max_length:
            raise ValidationError(
                gettext("Use at most %(max)s characters (this cell has %(length)s).")
                % {"max": max_length, "length": len(value)}
            )
        return value

    return clean


def _country(value: str) -> str:
    code = parse_country(value)
    if code is None:
        if not value:
            raise ValidationError(_("This cell is required."))
        raise ValidationError(
            gettext("“%(value)s” is not an ISO 3166-1 country code; use two letters such as FR or KE.")
            % {"value": value[:20]}
        )
    return code


def _rank(value: str) -> int:
    if not value:
        return 1
    if not value.isdigit() or not 1 <= int(value) <= 32767:
        raise ValidationError(_("Use a whole number from 1 (the primary decision maker) upwards."))
    return int(value)


def _email(value: str) -> str:
    if value:
        _text(254)(value)
        validate_email(value)
    return value


def _url(value: str) -> str:
    if value:
        _text(200)(value)
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            raise ValidationError(_("Enter a full web address starting with http:// or https://.")) from None
    return value


def _date(value: str) -> datetime.date | None:
    if not value:
        return None
    try:
        if not ISO_DATE.match(value):
            raise ValueError
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(_("Write the date as YYYY-MM-DD, for example 2026-03-31.")) from None
    # One day of slack: the person checking may be a time zone ahead of the server.
    if day > timezone.localdate() + datetime.timedelta(days=1):
        raise ValidationError(_("This date is in the future."))
    return day


def _boolean(value: str) -> bool:
    word = value.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValidationError(_("Use true or false."))


CLEANERS: dict[str, Callable[[str], object]] = {
    "external_id": _text(100, required=True),
    "full_name": _text(255, required=True),
    "salutation": _text(120),
    "position_title": _text(255, required=True),
    "address_line": _text(ADDRESS_LINE_MAX, multiline=True),
    "organisation": _text(255),
    "country": _country,
    "rank": _rank,
    "postal_address": _text(POSTAL_ADDRESS_MAX, multiline=True),
    "email": _email,
    "phone": _text(64),
    "website": _url,
    "source_url": _url,
    "last_verified": _date,
    "is_sample": _boolean,
}


def _messages(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


# -- reading a file ------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str | None, RowError | None]:
    if not data.strip():
        return None, RowError(1, gettext("The file is empty."))
    for signature, message in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return None, RowError(1, str(message))
    if len(data) > MAX_FILE_BYTES:
        return None, RowError(
            1,
            gettext("The file is larger than %(size)s MB; split it into smaller files.")
            % {"size": MAX_FILE_BYTES // 1_000_000},
        )
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, RowError(line, gettext("This is not a CSV text file (it contains binary data)."))
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, RowError(
            line,
            gettext(
                "This line is not UTF-8 text. In your spreadsheet program choose “Save as”, "
                "“CSV UTF-8”, and use that file."
            ),
        )


def _normalise_header(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def _delimiter_for(text: str) -> str:
    """The separator that splits the header line into the most known column names."""
    header = text.split("\n", 1)[0]

    def known(delimiter: str) -> int:
        return sum(_normalise_header(name) in COLUMN_NAMES for name in header.split(delimiter))

    return max(DELIMITERS, key=known)


def _check_header(header: list[str]) -> tuple[tuple[str, ...], list[RowError]]:
    columns = tuple(_normalise_header(name) for name in header)
    errors = []
    # A spreadsheet may add unnamed empty columns at the end; their cells must stay empty.
    unknown = [name for name in columns if name and name not in COLUMN_NAMES]
    if unknown:
        errors.append(
            RowError(
                1,
                gettext("Unknown column(s) %(unknown)s. The columns are: %(known)s.")
                % {
                    "unknown": ", ".join(f"“{name[:40]}”" for name in unknown),
                    "known": ", ".join(COLUMN_NAMES),
                },
            )
        )
    duplicates = sorted({name for name in columns if name and columns.count(name) > 1})
    if duplicates:
        errors.append(
            RowError(1, gettext("Column(s) %(columns)s appear more than once.") % {"columns": ", ".join(duplicates)})
        )
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        errors.append(
            RowError(1, gettext("Required column(s) missing: %(columns)s.") % {"columns": ", ".join(missing)})
        )
    return columns, errors


def _clean_row(line: int, columns: tuple[str, ...], cells: list[str]) -> tuple[dict, list[RowError]]:
    values, errors = {}, []
    for column, raw in zip(columns, cells):
        if not column:
            if raw.strip():
                errors.append(RowError(line, gettext("This cell is in a column without a name in the header line.")))
            continue
        try:
            values[column] = CLEANERS[column](restore_formula_text(raw.strip()))
        except ValidationError as error:
            errors.extend(RowError(line, message, column) for message in _messages(error))
    return values, errors


def read_decision_makers(data: bytes) -> ParsedFile:
    """Parse and validate the whole of *data*; report every problem, never only the first."""
    text, error = _decode(data)
    if error:
        return ParsedFile(errors=[error])
    assert text is not None  # _decode gives either the text or an error
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter_for(text), strict=True)
    parsed = ParsedFile()
    first_line_of_next_record = 1
    first_line_of_row: dict[str, int] = {}
    try:
        header = next(reader, None)
        if header is None:
            return ParsedFile(errors=[RowError(1, gettext("The file is empty."))])
        parsed.columns, header_errors = _check_header(header)
        if header_errors:
            parsed.errors.extend(header_errors)
            return parsed
        first_line_of_next_record = reader.line_num + 1
        for cells in reader:
            line, first_line_of_next_record = first_line_of_next_record, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(parsed.columns):
                parsed.errors.append(
                    RowError(
                        line,
                        gettext(
                            "This line has %(cells)s cells but the header has %(columns)s; check for a missing "
                            "or extra separator or an unclosed quotation mark."
                        )
                        % {"cells": len(cells), "columns": len(parsed.columns)},
                    )
                )
                continue
            if len(parsed.rows) >= MAX_RECORDS:
                parsed.errors.append(
                    RowError(line, gettext("A file holds at most %(count)s decision makers.") % {"count": MAX_RECORDS})
                )
                break
            values, row_errors = _clean_row(line, parsed.columns, cells)
            parsed.errors.extend(row_errors)
            external_id = values.get("external_id")
            if external_id:
                if external_id in first_line_of_row:
                    parsed.errors.append(
                        RowError(
                            line,
                            gettext(
                                "external_id “%(id)s” is also used on line %(other)s; each decision maker "
                                "needs its own."
                            )
                            % {"id": external_id, "other": first_line_of_row[external_id]},
                            "external_id",
                        )
                    )
                else:
                    first_line_of_row[external_id] = line
            parsed.rows.append(ParsedRow(line, values))
    except csv.Error:
        parsed.errors.append(
            RowError(
                first_line_of_next_record, gettext("This line is not valid CSV; check for an unclosed quotation mark.")
            )
        )
    if not parsed.rows and not parsed.errors:
        parsed.errors.append(RowError(1, gettext("The file has a header line but no decision makers.")))
    return parsed


# -- writing a file ------------------------------------------------------------------


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Promise):
        value = str(value)
    return neutralise_formula(str(value))


def write_decision_makers(rows: Iterable[dict], stream, *, byte_order_mark: bool = True) -> None:
    """Write *rows* (values by column, see :func:`records.page_values`) as the CSV above to text *stream*."""
    if byte_order_mark:
        stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in COLUMN_NAMES])


def csv_text(rows: Iterable[dict]) -> str:
    stream = io.StringIO(newline="")
    write_decision_makers(rows, stream)
    return stream.getvalue()
