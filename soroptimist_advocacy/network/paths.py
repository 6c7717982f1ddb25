"""Let ``figures.json``, ``map.svg``, ``map.png``, ``export.csv`` and ``export.json`` reach their pages.

Wagtail's URL pattern admits only ``[\\w-]`` path segments ending in a slash, so a
request for ``/campaign/figures.json`` never reaches the page's route. The app's
middleware (already required for the letter form) rewrites those few file names to
a slash-ended alias (``figures_json/``) that the page also routes; the public URL
stays the file name. Only GET and HEAD, only these names.
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
