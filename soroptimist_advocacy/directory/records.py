"""A decision maker page seen as a row of values keyed by CSV column name.

The import compares and assigns through these functions and the export reads
through them, so both speak exactly the same columns and types.
"""

from __future__ import annotations

import datetime

# Every column but ``full_name`` is the model field of the same name.
FIELD_FOR_COLUMN = {"full_name": "title"}

COLUMN_NAMES = (
    "external_id",
    "full_name",
    "salutation",
    "position_title",
    "address_line",
    "organisation",
    "country",
    "rank",
    "postal_address",
    "email",
    "phone",
    "website",
    "source_url",
    "last_verified",
    "is_sample",
)

# What a new page gets for a column the file leaves out.
DEFAULTS = {"rank": 1, "last_verified": None, "is_sample": False}


def field_name(column: str) -> str:
    return FIELD_FOR_COLUMN.get(column, column)


def page_values(page) -> dict[str, str | int | bool | datetime.date | None]:
    """Every column's value on *page*, in the types the CSV reader produces."""
    values = {}
    for column in COLUMN_NAMES:
        value = getattr(page, field_name(column))
        if column == "country":
            value = value.code if value else ""
        values[column] = value
    return values


def changed_columns(page, values: dict) -> list[str]:
    """The columns of *values* that differ from *page*, in column order."""
    current = page_values(page)
    return [column for column in COLUMN_NAMES if column in values and values[column] != current[column]]


def assign(page, values: dict) -> None:
    """Set *values* on *page* (unsaved); columns absent from *values* stay as they are."""
    for column, value in values.items():
        setattr(page, field_name(column), value)


def new_page_values(values: dict) -> dict:
    """*values* completed with blanks and defaults for the columns a file leaves out."""
    completed = {column: DEFAULTS.get(column, "") for column in COLUMN_NAMES}
    completed.update(values)
    return completed
