"""``<campaign>/figures.json``: a campaign's anonymous figures for partner sites.

The feed is built from :func:`campaign_figures`, the same numbers as the campaign
summary, so it holds aggregates only: no name, email, town or free text of any report.
Partners read it back with ``network.figures_feed.validate_figures``.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from soroptimist_advocacy.campaigns.figures import CampaignFigures, campaign_figures, figure_counts, per_source_counts
from soroptimist_advocacy.campaigns.figures_cache import cached_campaign_figures
from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.models.campaign_sources import page_sources

SCHEMA_VERSION = 1


def per_source_figures(page, counts: dict | None = None) -> dict | None:
    """Letters and reports per campaign source (``?source=``), across all translations;
    ``""`` holds those that came with no defined source. None when the page defines no source.
    *counts* are :func:`figure_counts` as cached; without them they are counted now."""
    if not page_sources(page):
        return None
    return per_source_counts(counts if counts is not None else figure_counts(page.translation_key))


def country_entries(figures: CampaignFigures) -> list[dict]:
    """The per-country entries of the document (``{"country", "letters", ...}``): the shape partners
    read and the world map draws from."""
    return [
        {
            "country": row.code,
            "letters": row.letters,
            "letters_sent": row.letters_sent,
            "actions": row.actions,
            "responses": row.responses,
        }
        for row in figures.countries
    ]


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
        # Letters members said they sent (the code on each letter), beside the letters made.
        "letters_sent": figures.letters_sent,
        "countries": country_entries(figures),
        "responses_by_status": {figure.status: figure.count for figure in figures.responses_by_status},
        "totals": {
            "letters": figures.letters,
            "letters_sent": figures.letters_sent,
            "actions": figures.actions,
            "responses": figures.responses,
            "countries_reached": figures.countries_reached,
        },
    }
    sources = per_source_figures(page, counts)
    if sources is not None:
        document["sources"] = sources
    return document


def figures_json_response(request, page):
    """Aggregates only, identical for everyone: publicly cacheable."""
    if request.method not in ("GET", "HEAD"):
        response = JsonResponse({"error": "method not allowed"}, status=405)
        response["Allow"] = "GET, HEAD"
        return response
    # From the shared cache like the summary block: a partner polling the feed never triggers a count.
    cached = cached_campaign_figures(page.translation_key, page.target_country_codes())
    document = figures_document(page, cached.figures, cached.counts, cached.as_of)
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=settings.FIGURES_MAX_AGE)
    return response
