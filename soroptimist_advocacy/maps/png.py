"""A world map as a PNG (for a federation's reports and social posts), when CairoSVG is installed.

CairoSVG (``pip install "soroptimist-advocacy[png]"``, with Debian's ``libcairo2``) is an
optional dependency: without it, or without the cairo library it loads, :func:`png_available`
is False and the PNG route says so. It is loaded on the first PNG, not when the map's modules
are: its import costs the better part of a second, which no campaign page should pay.

CairoSVG draws text with cairo's simple text calls: one font per text, no fallback to another
font for a missing glyph, no shaping of joined scripts, no right-to-left ordering. So the PNG's
text is set in a font of its language's script (``SCRIPT_FONTS``, Debian's DejaVu and Noto CJK
fonts), and right-to-left text is shaped and put in visual order first (arabic-reshaper and
python-bidi, in the same extra). The inline and downloadable SVGs keep the plain text: browsers
do all of that themselves.
"""

from __future__ import annotations

import functools
import hashlib
import html
import importlib
import importlib.util
import logging
import re
from types import ModuleType

from django.core.cache import cache
from django.utils.translation import get_language_info

from soroptimist_advocacy.maps.cache import ENTRY_SECONDS, PREFIX

logger = logging.getLogger(__name__)

# Wide enough for a report page or a social post's image (the map is about 2:1).
PNG_WIDTH = 2000
# A font of each script the six languages use beyond Latin and Cyrillic (which the default
# sans-serif has); DejaVu Sans has Arabic's presentation forms, which the shaped text uses.
SCRIPT_FONTS = {"ar": "DejaVu Sans", "fa": "DejaVu Sans", "zh": "Noto Sans CJK SC", "ja": "Noto Sans CJK JP"}
TEXT = re.compile(r"(<text[^>]*>)([^<]*)(</text>)")


@functools.cache
def _module(name: str) -> ModuleType | None:
    if importlib.util.find_spec(name) is None:
        return None
    try:
        return importlib.import_module(name)
    except OSError as error:  # CairoSVG is installed, the cairo library it loads is not.
        logger.warning("PNG maps: %s cannot be loaded (%s); install libcairo2.", name, error)
        return None


def _cairosvg() -> ModuleType | None:
    return _module("cairosvg")


def png_available() -> bool:
    """True when this process can turn a map into a PNG."""
    return _cairosvg() is not None


@functools.cache
def _shaping() -> tuple[ModuleType, ModuleType] | None:
    reshaper, bidi = _module("arabic_reshaper"), _module("bidi")
    if reshaper is None or bidi is None:
        logger.warning("PNG maps: right-to-left text needs arabic-reshaper and python-bidi (the png extra).")
        return None
    return reshaper, bidi


def _visual_order(text: str) -> str:
    """Right-to-left *text* shaped (joined letter forms) and in the order cairo draws it, left to right."""
    shaping = _shaping()
    if shaping is None:
        return text
    reshaper, bidi = shaping
    return bidi.get_display(reshaper.reshape(text))


def for_cairo(svg: str, language: str) -> str:
    """*svg* with its text in a font of *language*'s script, right-to-left text shaped and ordered."""
    base = (language or "").split("-")[0].lower()
    font = SCRIPT_FONTS.get(base)
    if font:
        svg = svg.replace('font-family="sans-serif"', f'font-family="{font}"', 1)
    try:
        right_to_left = bool(language) and get_language_info(language)["bidi"]
    except KeyError:
        right_to_left = False
    if right_to_left:
        svg = TEXT.sub(
            lambda match: match[1] + html.escape(_visual_order(html.unescape(match[2])), quote=False) + match[3], svg
        )
    return svg


def svg_to_png(svg: str, language: str = "", width: int = PNG_WIDTH) -> bytes:
    """*svg* (a map of ours: no external file, no script) in *language* as a PNG *width* pixels wide on white."""
    cairosvg = _cairosvg()
    if cairosvg is None:
        raise RuntimeError("CairoSVG is not installed: pip install 'soroptimist-advocacy[png]'")
    return cairosvg.svg2png(
        bytestring=for_cairo(svg, language).encode("utf-8"), output_width=width, background_color="white"
    )


def cached_png(svg: str, language: str = "") -> bytes:
    """:func:`svg_to_png`, kept in the shared cache: a conversion costs a few tenths of a second of
    CPU, which repeated downloads (a social network fetching a preview) must not repeat."""
    key = f"{PREFIX}png:{language}:{hashlib.sha256(svg.encode('utf-8')).hexdigest()}"
    png = cache.get(key)
    if png is None:
        png = svg_to_png(svg, language)
        cache.set(key, png, ENTRY_SECONDS)
    return png
