"""``<campaign>/figures.json``: a campaign's anonymous figures for partner sites."""

from __future__ import annotations

from django.http import JsonResponse
from django.utils.cache import patch_cache_control

from soroptimist_advocacy.campaigns.figures_cache import cached_campaign_figures, campaign_target
from soroptimist_advocacy.conf import get_setting
from soroptimist_advocacy.network.figures_feed import figures_document


def figures_json_response(request, page):
    """Aggregates only, identical for everyone: publicly cacheable."""
    if request.method not in ("GET", "HEAD"):
        response = JsonResponse({"error": "method not allowed"}, status=405)
        response["Allow"] = "GET, HEAD"
        return response
    # From the shared cache like the summary block: a partner polling the feed never triggers a count.
    cached = cached_campaign_figures(page.translation_key, campaign_target(page))
    document = figures_document(page, cached.figures, cached.counts, cached.as_of)
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=get_setting("FIGURES_MAX_AGE"))
    return response
