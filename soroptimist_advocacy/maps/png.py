"""A world map as a PNG (for a federation's reports and social posts), when CairoSVG is installed.

CairoSVG (``pip install "soroptimist-advocacy[png]"``, with Debian's ``libcairo2``) is an
optional dependency: without it, or without the cairo library it loads, :func:`png_available`
is False and the PNG route says so. It is loaded on the first PNG, not when the map's modules
are: its import costs the better part of a second, which no campaign page should pay.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.util
import logging
from types import ModuleType

from django.core.cache import cache

from soroptimist_advocacy.maps.cache import ENTRY_SECONDS, PREFIX

logger = logging.getLogger(__name__)

# Wide enough for a report page or a social post's image (the map is about 2:1).
PNG_WIDTH = 2000


@functools.cache
def _cairosvg() -> ModuleType | None:
    if importlib.util.find_spec("cairosvg") is None:
        return None
    try:
        return importlib.import_module("cairosvg")
    except OSError as error:  # CairoSVG is installed, the cairo library it loads is not.
        logger.warning("PNG maps are off: CairoSVG cannot load the cairo library (%s); install libcairo2.", error)
        return None


def png_available() -> bool:
    """True when this process can turn a map into a PNG."""
    return _cairosvg() is not None


def svg_to_png(svg: str, width: int = PNG_WIDTH) -> bytes:
    """*svg* (a map of ours: no external file, no script) as a PNG *width* pixels wide on white."""
    cairosvg = _cairosvg()
    if cairosvg is None:
        raise RuntimeError("CairoSVG is not installed: pip install 'soroptimist-advocacy[png]'")
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=width, background_color="white")


def cached_png(svg: str) -> bytes:
    """:func:`svg_to_png` of *svg*, kept in the shared cache: a conversion costs a few tenths of a
    second of CPU, which repeated downloads (a social network fetching a preview) must not repeat."""
    key = f"{PREFIX}png:{hashlib.sha256(svg.encode('utf-8')).hexdigest()}"
    png = cache.get(key)
    if png is None:
        png = svg_to_png(svg)
        cache.set(key, png, ENTRY_SECONDS)
    return png
