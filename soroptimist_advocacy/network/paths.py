"""Let ``figures.json``, ``map.svg``, ``map.png``, ``export.csv`` and ``export.json`` reach their pages.

Wagtail's URL pattern admits only ``[\\w-]`` path segments (ending in a slash unless
``WAGTAIL_APPEND_SLASH`` is off), on Wagtail 7.4 and 8 alike, so a request for
``/campaign/figures.json`` never reaches Wagtail's ``serve`` view, nor therefore the page's
routes (a ``RoutablePageMixin`` route cannot match what Wagtail's URL pattern refused).
:class:`NetworkFilesMiddleware` rewrites those few file names to a slash-ended alias
(``figures_json/``) that the page also routes, before URL resolution; the public URL stays
the file name. Only GET and HEAD, only these names.
"""

from __future__ import annotations

import re

NETWORK_FILES = {
    "figures.json": "figures_json/",
    "map.svg": "map_svg/",
    "map.png": "map_png/",
    "export.csv": "export_csv/",
    "export.json": "export_json/",
}
NETWORK_FILE_PATH = re.compile(r"^(/(?:[\w\-]+/)*)(figures\.json|map\.svg|map\.png|export\.csv|export\.json)$")


def rewrite_network_file_path(request) -> None:
    if request.method not in ("GET", "HEAD"):
        return
    match = NETWORK_FILE_PATH.match(request.path_info)
    if match is None:
        return
    alias = match.group(1) + NETWORK_FILES[match.group(2)]
    request.path = request.path[: len(request.path) - len(request.path_info)] + alias
    request.path_info = alias


class NetworkFilesMiddleware:
    """Serves ``figures.json``, ``export.csv`` and ``export.json`` at their file names; see the
    module docstring. The README places it right after the CSRF middleware, where the app's
    one middleware used to do this job: after ``LocaleMiddleware`` and ``CommonMiddleware``
    have read the path the visitor asked for."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        rewrite_network_file_path(request)
        return self.get_response(request)
