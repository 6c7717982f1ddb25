"""A rendered map kept in the shared cache, keyed by what it shows and the language it is in.

A map is drawn from figures that are themselves cached (``campaigns.figures_cache``) or from a
handful of grouped rows (coverage); its key is a digest of exactly those inputs, the active
language and ``RENDER_VERSION``, so new figures make a new key and nothing needs purging, and
every visitor and process after the first reads the same text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from django.core.cache import cache
from django.utils import translation

# Bump when the drawing changes, so maps cached by an older release are not served.
RENDER_VERSION = 1
ENTRY_SECONDS = 24 * 3600
PREFIX = "sa:map:"


def map_cache_key(kind: str, inputs) -> str:
    """The key of the *kind* map ("campaign", "coverage", ...) drawn from *inputs* (JSON-able) in the active language."""
    text = json.dumps([RENDER_VERSION, translation.get_language(), inputs], sort_keys=True, separators=(",", ":"))
    return f"{PREFIX}{kind}:{hashlib.sha256(text.encode('utf-8')).hexdigest()}"


def cached_map(kind: str, inputs, draw: Callable[[], dict[str, str]]) -> dict[str, str]:
    """What *draw* returns (the map's SVG and its table, as text) for *inputs*, drawn at most once
    per key while the cache keeps it."""
    key = map_cache_key(kind, inputs)
    drawn = cache.get(key)
    if drawn is None:
        drawn = draw()
        cache.set(key, drawn, ENTRY_SECONDS)
    return drawn
