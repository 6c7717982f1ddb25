"""A campaign's ``figures.json``: what partners publish and what the roll-up accepts.

The feed is built from :func:`campaign_figures`, the same numbers as the campaign
summary, so it holds aggregates only: no name, email, town or free text of any report.
"""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django_countries import countries

from soroptimist_advocacy.campaigns.figures import CampaignFigures, campaign_figures, figure_counts, per_source_counts
from soroptimist_advocacy.campaigns.sources import page_sources
from soroptimist_advocacy.models.report import ResponseStatus

SCHEMA_VERSION = 1
MAX_COUNTRIES = 300  # More rows than countries exist means the file is not a figures feed.
MAX_COUNT = 10**9


def per_source_figures(page, counts: dict | None = None) -> dict | None:
    """Letters and reports per campaign source (``?source=``), across all translations;
    ``""`` holds those that came with no defined source. None when the page defines no source.
    *counts* are :func:`figure_counts` as cached; without them they are counted now."""
    if not page_sources(page):
        return None
    return per_source_counts(counts if counts is not None else figure_counts(page.translation_key))


def figures_document(page, figures: CampaignFigures | None = None, counts: dict | None = None, as_of=None) -> dict:
    """The JSON document of *page*'s campaign, across all its translations; *counts* are the
    cached :func:`figure_counts` the *figures* come from and *as_of* when they were counted
    (the route passes all three from the figures cache)."""
    figures = figures or campaign_figures(page.translation_key, page.target_country_codes())
    document = {
        "schema": SCHEMA_VERSION,
        "campaign": {"key": str(page.translation_key), "title": page.title},
        "generated_at": (as_of or timezone.now()).isoformat(),
        "target_countries": figures.target_countries,
        "countries": [
            {"country": row.code, "letters": row.letters, "actions": row.actions, "responses": row.responses}
            for row in figures.countries
        ],
        "responses_by_status": {figure.status: figure.count for figure in figures.responses_by_status},
        "totals": {
            "letters": figures.letters,
            "actions": figures.actions,
            "responses": figures.responses,
            "countries_reached": figures.countries_reached,
        },
    }
    sources = per_source_figures(page, counts)
    if sources is not None:
        document["sources"] = sources
    return document


def _count(value, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise ValidationError(gettext("%(where)s is not a count.") % {"where": where})
    return value


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
                **{name: _count(row.get(name, 0), f"{code} {name}") for name in ("letters", "actions", "responses")},
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
            "actions": sum(row["actions"] for row in clean_rows),
            "responses": sum(row["responses"] for row in clean_rows),
            "countries_reached": len(clean_rows),
        },
    }
