"""Turn whatever the caller passes into the exact context a template sees.

Every value becomes a plain string that XML 1.0 can hold, with newlines as
``\\n`` (docxtpl renders them as Word line breaks) and a bounded length. Missing
keys become empty strings and unknown keys are dropped, so a template error is
the only thing StrictUndefined ever reports, never a member's empty field.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.functional import Promise

from soroptimist_advocacy.letters.limits import MAX_FIELD_LENGTH, MAX_PARAGRAPH_LENGTH, MAX_PARAGRAPHS, MAX_RECIPIENTS
from soroptimist_advocacy.letters.variables import RECIPIENT_FIELDS, RECORDS, TEXTS

# XML 1.0 forbids these code points outright: C0 controls other than tab, line
# feed and carriage return, the surrogates (in a Python string always lone ones)
# and the two non-characters U+FFFE and U+FFFF. \a and \f go too, which also
# keeps members away from docxtpl's paragraph- and page-break listing codes.
_ILLEGAL_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile("\r\n?")


def clean_text(value: Any, limit: int = MAX_FIELD_LENGTH) -> str:
    """*value* as a string that is safe to put in a letter, at most *limit* characters long."""
    text = _NEWLINES.sub("\n", _as_text(value))
    return _ILLEGAL_IN_XML.sub("", text)[:limit]


def _as_text(value: Any) -> str:
    # bool is an int, but "True" in a letter is always a caller's mistake.
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Promise) or (isinstance(value, (int, float, decimal.Decimal)) and not isinstance(value, bool)):
        return str(value)
    raise TypeError(f"letter values must be text, not {type(value).__name__}")


def _record(value: Any, fields: Sequence[str]) -> dict[str, str]:
    if value is None:
        value = {}
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a mapping with keys {', '.join(fields)}, not {type(value).__name__}")
    return {field: clean_text(value.get(field)) for field in fields}


def _items(value: Any, limit: int) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (str, Promise)):
        return [value]  # one paragraph given as a plain string
    if not isinstance(value, Sequence):
        raise TypeError(f"expected a list, not {type(value).__name__}")
    return list(value[:limit])


def normalise_context(context: Mapping[str, Any]) -> dict[str, Any]:
    """The context in exactly the documented shape, every value cleaned and capped."""
    normalised: dict[str, Any] = {name: _record(context.get(name), fields) for name, fields in RECORDS.items()}
    normalised.update({name: clean_text(context.get(name)) for name in TEXTS})
    paragraphs = _items(context.get("body"), MAX_PARAGRAPHS)
    normalised["body"] = [clean_text(paragraph, MAX_PARAGRAPH_LENGTH) for paragraph in paragraphs]
    recipients = _items(context.get("recipients"), MAX_RECIPIENTS)
    normalised["recipients"] = [_record(recipient, RECIPIENT_FIELDS) for recipient in recipients]
    return normalised
