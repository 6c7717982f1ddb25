"""``<campaign>/map.svg`` and ``<campaign>/map.png``: the campaign's world map as files, for a
federation's reports and social posts. Aggregates only and the same for everyone, so public and
cacheable like ``figures.json``; in the language of the page they are a route of.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext

from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.maps.figure import WorldMap
from soroptimist_advocacy.maps.png import cached_png, png_available

# The file is ours, drawn and escaped by the app; this keeps a browser that opens it from
# loading or running anything even so (colours are attributes, which this allows).
FILE_POLICY = "default-src 'none'"


def _method_not_allowed() -> HttpResponse:
    response = HttpResponse(status=405)
    response["Allow"] = "GET, HEAD"
    return response


def _public_file(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Content-Security-Policy"] = FILE_POLICY
    patch_cache_control(response, public=True, max_age=settings.FIGURES_MAX_AGE)
    return response


def map_svg_response(request, world_map: WorldMap, filename: str) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        return _method_not_allowed()
    svg = '<?xml version="1.0" encoding="UTF-8"?>\n' + world_map.svg
    return _public_file(HttpResponse(svg, content_type="image/svg+xml; charset=utf-8"), filename)


def map_png_response(request, world_map: WorldMap, filename: str) -> HttpResponse:
    """The PNG, or a 404 saying the site makes none when CairoSVG is not installed."""
    if request.method not in ("GET", "HEAD"):
        return _method_not_allowed()
    if not png_available():
        message = gettext("This site does not make PNG maps; the map is available as SVG.")
        return HttpResponse(message, status=404, content_type="text/plain; charset=utf-8")
    png = cached_png(str(world_map.svg), translation.get_language() or "")
    return _public_file(HttpResponse(png, content_type="image/png"), filename)
