"""Campaign sources: where a visitor came from (``?source=newsletter-nov``), with no personal data.

Editors define a campaign's sources (slug + label, ``blocks.sources``) on the page. A campaign URL with
``?source=<slug>`` -- or ``utm_source``/``utm_campaign`` naming a defined slug --
carries the slug into the letter and report forms as a hidden field, which the
server renders only for slugs the page defines; letters are counted per source and
reports keep theirs. Unknown values are dropped, so the page stays cacheable.
"""

from __future__ import annotations

import json
import time

from wagtail.models import get_page_models

from soroptimist_advocacy.blocks.sources import SOURCE_MAX_LENGTH
from soroptimist_advocacy.web.page_cache import UTM_PARAMETERS

DEFINED_SOURCES_TTL = 60  # seconds a process trusts its list; publishing in the process resets it

_memo: dict = {"slugs": None, "at": 0.0}


def normal_slug(value) -> str:
    return str(value or "").strip().lower()[:SOURCE_MAX_LENGTH]


def page_sources(page) -> dict[str, str]:
    """Slug -> label of *page*'s defined sources, in the page's order."""
    sources = getattr(page, "sources", None)
    if sources is None:
        return {}
    found: dict[str, str] = {}
    for raw in sources.raw_data:
        value = raw.get("value") or {}
        slug = normal_slug(value.get("slug"))
        if slug:
            found.setdefault(slug, value.get("label") or slug)
    return found


def page_source(page, value) -> str:
    """*value* when it is a source *page* defines, else ""."""
    slug = normal_slug(value)
    return slug if slug and slug in page_sources(page) else ""


def requested_source(page, query) -> str:
    """The defined source a campaign URL's query names (``source`` first, then ``utm_*``)."""
    for name in ("source", *UTM_PARAMETERS):
        slug = page_source(page, query.get(name))
        if slug:
            return slug
    return ""


def source_page_models() -> list:
    """The page types that read ``?source=`` (they declare it in ``cache_query_parameters``) and define sources."""
    return [
        model
        for model in get_page_models()
        if "source" in (getattr(model, "cache_query_parameters", None) or {}) and hasattr(model, "sources")
    ]


def source_query_value(value: str) -> str:
    """A ``?source=`` value as the page cache keys it: a slug some campaign defines, else "" (dropped)."""
    slug = value.strip().lower()
    return slug if slug in all_defined_sources() else ""


def all_defined_sources() -> frozenset[str]:
    """Every slug any campaign defines; one query per process and minute, not per request."""
    now = time.monotonic()
    if _memo["slugs"] is None or now - _memo["at"] > DEFINED_SOURCES_TTL:
        slugs = set()
        for model in source_page_models():
            for sources in model.objects.values_list("sources", flat=True):
                for raw in _raw_items(sources):
                    slug = normal_slug((raw.get("value") or {}).get("slug"))
                    if slug:
                        slugs.add(slug)
        _memo.update(slugs=frozenset(slugs), at=now)
    return _memo["slugs"]


def _raw_items(sources) -> list:
    if sources is None:
        return []
    raw = getattr(sources, "raw_data", sources)
    if isinstance(raw, str):
        raw = json.loads(raw or "[]")
    return list(raw or [])


def forget_defined_sources() -> None:
    """Re-read the defined slugs on next use (after a publish, in tests)."""
    _memo.update(slugs=None, at=0.0)
