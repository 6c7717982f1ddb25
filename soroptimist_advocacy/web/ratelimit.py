"""Per-client rate limits through Django's cache, atomic across processes, and the page a member
sees when she is over one."""

from __future__ import annotations

import hashlib

from django.core.cache import cache

from soroptimist_advocacy.web.caching import no_store
from soroptimist_advocacy.web.client_address import address_group, client_address


def _key(scope: str, request, window: int) -> str:
    # Hash the address: the cache holds no readable personal data.
    digest = hashlib.sha256(f"{scope}|{address_group(client_address(request))}".encode()).hexdigest()[:32]
    return f"sa-rate:{scope}:{window}:{digest}"


def hit(request, scope: str, *, limit: int, window: int) -> bool:
    """Count one attempt for this client; False when it is over *limit* in *window* seconds.

    ``add`` creates the counter with its expiry only if it is missing and ``incr``
    is atomic on Redis and Memcached, so concurrent workers never lose a hit.
    """
    key = _key(scope, request, window)
    if cache.add(key, 1, timeout=window):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # Expired between add and incr: start a new window.
            cache.add(key, 1, timeout=window)
            count = 1
    return count <= limit


def rate_limited_page(request, page, template: str, window: int, context: dict | None = None):
    """HTTP 429: *page* rendered with *template* and *context*, saying when to try again (in
    ``retry_minutes`` and ``Retry-After``), never cached. Every public form's refusal (letter,
    report, correction, suggestion) is this response; only its template's words differ."""
    retry_minutes = max(1, (window + 59) // 60)
    response = page.render(
        request, template=template, context_overrides={"retry_minutes": retry_minutes, **(context or {})}
    )
    response.status_code = 429
    response["Retry-After"] = str(window)
    return no_store(response)
