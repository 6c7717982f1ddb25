"""A partner's ``figures.json`` as the roll-up accepts it: checked as strictly as an upload.

The document itself (what this site publishes) is ``campaigns.figures_json``'s; only the
fields the roll-up uses are kept, aggregates only.
"""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django_countries import countries

from soroptimist_advocacy.campaigns.figures_json import SCHEMA_VERSION
from soroptimist_advocacy.models.report import ResponseStatus

MAX_COUNTRIES = 300  # More rows than countries exist means the file is not a figures feed.
MAX_COUNT = 10**9


def _count(value, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise ValidationError(gettext("%(where)s is not a count.") % {"where": where})
    return value


# What each country entry counts; a feed from before letters were counted as sent has no
# "letters_sent", read as 0.
COUNTED = ("letters", "letters_sent", "actions", "responses")


def validate_figures(data: bytes) -> dict:
    """The feed *data* reduced to the fields we use, or ValidationError: a partner's file
    is checked as strictly as an upload, and nothing else in it is kept."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: deeply nested arrays.
        raise ValidationError(gettext("The figures feed is not valid JSON.")) from None
    if not isinstance(document, dict) or document.get("schema") != SCHEMA_VERSION:
        raise ValidationError(gettext("The file is not a figures feed of a version this site reads."))
    campaign = document.get("campaign")
    if not isinstance(campaign, dict) or not isinstance(campaign.get("title"), str):
        raise ValidationError(gettext("The figures feed names no campaign."))
    rows = document.get("countries")
    if not isinstance(rows, list) or len(rows) > MAX_COUNTRIES:
        raise ValidationError(gettext("The figures feed has no valid list of countries."))
    known = dict(countries)
    clean_rows, seen = [], set()
    for row in rows:
        code = row.get("country") if isinstance(row, dict) else None
        if not isinstance(code, str) or code not in known or code in seen:
            raise ValidationError(gettext("The figures feed lists an unknown or repeated country."))
        seen.add(code)
        clean_rows.append(
            {
                "country": code,
                **{name: _count(row.get(name, 0), f"{code} {name}") for name in COUNTED},
            }
        )
    statuses = document.get("responses_by_status") or {}
    if not isinstance(statuses, dict):
        raise ValidationError(gettext("The figures feed has no valid responses by status."))
    valid_statuses = dict(ResponseStatus.choices)
    clean_statuses = {status: _count(count, status) for status, count in statuses.items() if status in valid_statuses}
    generated_at = document.get("generated_at")
    return {
        "schema": SCHEMA_VERSION,
        "campaign": {"key": str(campaign.get("key", ""))[:64], "title": campaign["title"][:255]},
        "generated_at": generated_at[:40] if isinstance(generated_at, str) else "",
        "countries": clean_rows,
        "responses_by_status": clean_statuses,
        "totals": {
            "letters": sum(row["letters"] for row in clean_rows),
            "letters_sent": sum(row["letters_sent"] for row in clean_rows),
            "actions": sum(row["actions"] for row in clean_rows),
            "responses": sum(row["responses"] for row in clean_rows),
            "countries_reached": len(clean_rows),
        },
    }
