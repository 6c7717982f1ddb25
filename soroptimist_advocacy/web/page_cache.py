"""Anonymous page views from the shared Django cache, for sites without a CDN.

A campaign page on campaign day is the same bytes for every anonymous visitor,
so it is rendered once and then served from the shared cache (Redis in
production) until its ``max-age`` runs out or publishing changes what it shows.

* **Key:** host, path, active language and a *normalised* query: only the
  parameters page types declare they read (``cache_query_parameters``; the app's
  pages read ``country``, ``type``, ``source``) with a valid value; anything else
  (``fbclid``, ``utm_*``...) is dropped from the key and from the request the page renders, so junk parameters neither flood the cache nor
  change the page. A known parameter with an invalid value (the no-JS country
  step with a typo) bypasses the cache: the page renders its error.
* **Invalidation:** every stored entry carries the version of its path; the
  publish signal handlers give each purged page's path a new random version
  (:func:`invalidate`), so the next GET in any process renders afresh. A random
  version, not a counter, so an evicted version key cannot resurrect old entries.
* **Privacy wins:** a page under a view restriction (its own or a parent's) is
  never stored, and an entry is served only while the site's *privacy version*
  is the one it was stored under. The version is read before the page is checked
  for restrictions, and any restriction added, changed or removed gives it a new
  value once committed (:func:`restrictions_changed`), so an entry stored while
  the page was public is never served after a restriction arrives, by the
  middleware (which answers before Wagtail's own check) in any process either.
* **Never cached:** logged-in users (any request with a session cookie or an
  ``Authorization`` header), previews, non-GET requests, non-200 responses,
  responses that set cookies, vary on ``Cookie`` or are not ``public`` with a
  ``max-age``. An entry never outlives the response's ``max-age``, and a hit is
  served with the ``max-age`` that remains, so a CDN downstream never keeps it
  past the campaign's next open/close date either.
* **A cache that is down costs speed, never the page:** an error of the shared
  cache while looking up, versioning or storing a view (Redis unreachable) is
  logged once (``web.cache_outage``) and the page renders as if nothing were stored.

Pages opt in through :class:`soroptimist_advocacy.models.public.SharedCacheMixin`;
:class:`PageCacheMiddleware` (below) serves hits before
Wagtail's routing (optional, much faster).
"""

from __future__ import annotations

import functools
import hashlib
import time
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, QueryDict
from django.utils.cache import get_max_age, has_vary_header, patch_cache_control
from django.utils.translation import get_language
from wagtail.models import get_page_models

from soroptimist_advocacy.conf import settings as app_settings
from soroptimist_advocacy.web.cache_outage import CacheOutage
from soroptimist_advocacy.web.locks import LockUnavailable, shared_lock, wait_for
from soroptimist_advocacy.web.privacy import has_view_restriction

# Campaign links tagged for analytics: one naming a campaign's source slug stands for ``?source=``.
UTM_PARAMETERS = ("utm_source", "utm_campaign")

VERSION_PREFIX = "sa:page:version:"
PRIVACY_VERSION_KEY = "sa:page:privacy-version"
ENTRY_PREFIX = "sa:page:entry:"
HEADERS_NOT_STORED = {"set-cookie", "content-length"}
# A miss is rendered by one request per key; the others wait this long at most for its entry.
RENDER_WAIT_SECONDS = 1.0
# A renderer that dies or stalls frees its key after this long.
RENDER_LOCK_SECONDS = 30
# The shared cache's failures while serving pages, logged once per outage.
outage = CacheOutage("Page cache")


def enabled() -> bool:
    return bool(app_settings.PAGE_CACHE)


def shared_cache():
    return caches[app_settings.PAGE_CACHE_ALIAS]


# -- the normalised query -------------------------------------------------------


@functools.cache
def query_normalisers() -> dict:
    """Parameter -> normaliser, from every page type's ``cache_query_parameters``.

    A normaliser returns the normal form of a valid value, None for an invalid one
    (the page shows an error: not cached), "" to drop it silently. The page cache
    middleware keys a request before routing, so the key uses every page type's
    parameters, not only those of the page that will answer.
    """
    found: dict = {}
    for model in get_page_models():
        found.update(getattr(model, "cache_query_parameters", None) or {})
    return dict(sorted(found.items()))


def _with_mapped_source(query):
    """``utm_source``/``utm_campaign`` naming a defined slug stand for ``?source=``."""
    normalise_source = query_normalisers().get("source")
    if normalise_source is None or query.get("source", "").strip():
        return query
    for name in UTM_PARAMETERS:
        slug = normalise_source(query.get(name, ""))
        if slug:
            query = query.copy()
            query.setlist("source", [slug])
            return query
    return query


def normalised_query(query) -> str | None:
    """The query string of the page a visitor sees, or None when it has an error."""
    query = _with_mapped_source(query)
    pairs = []
    for name, normalise in query_normalisers().items():
        values = query.getlist(name)
        if not values:
            continue
        value = values[-1]
        if not value.strip():
            continue
        normal = normalise(value)
        if normal is None:
            return None
        if normal:
            pairs.append((name, normal))
    return urlencode(pairs)


# -- which requests and responses -----------------------------------------------


def request_is_cacheable(request) -> bool:
    """An anonymous GET without a session, a preview or a query error."""
    return (
        request.method == "GET"
        and enabled()
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not getattr(request, "is_preview", False)
        and normalised_query(request.GET) is not None
    )


def response_is_cacheable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and "public" in cache_control
        and "private" not in cache_control
        and "no-store" not in cache_control
        and (get_max_age(response) or 0) > 0
    )


def _keys(request) -> tuple[str, str]:
    path = request.path
    host = request.get_host()  # DisallowedHost propagates: never served or stored
    variant = "\x00".join([host, path, get_language() or "", normalised_query(request.GET) or ""])
    return VERSION_PREFIX + _digest(path), ENTRY_PREFIX + _digest(variant)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:40]


# -- serving, storing, invalidating -------------------------------------------


def cached_response(request) -> HttpResponse | None:
    """The stored response for *request*, or None; one round trip to the cache."""
    if not request_is_cacheable(request):
        return None
    try:
        version_key, entry_key = _keys(request)
    except DisallowedHost:  # Django answers 400 further in
        return None
    found = None
    with outage:
        found = shared_cache().get_many([version_key, PRIVACY_VERSION_KEY, entry_key])
    if found is None:  # the cache is down: render
        return None
    entry, version, privacy = found.get(entry_key), found.get(version_key), found.get(PRIVACY_VERSION_KEY)
    if entry is None or version is None or privacy is None or entry["version"] != _entry_version(version, privacy):
        return None
    remaining = int(entry["expires"] - time.time())
    if remaining <= 0:
        return None
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    patch_cache_control(response, max_age=remaining)
    return response


def _entry_version(path_version: str, privacy_version: str) -> str:
    return f"{path_version}:{privacy_version}"


def _read_or_start(cache, key: str) -> str:
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        version = cache.get(key)
    return version


def current_version(request) -> str | None:
    """The version an entry for *request* is stored under (its path's and the privacy
    version), read before the restriction check and the render: a publish or a restriction
    change meanwhile then orphans the entry instead of storing stale bytes under the new version.
    None when the cache is down (nothing is stored then)."""
    version_key, _entry_key = _keys(request)
    cache = shared_cache()
    with outage:
        return _entry_version(_read_or_start(cache, version_key), _read_or_start(cache, PRIVACY_VERSION_KEY))
    return None


def store(request, response, version: str | None) -> None:
    """Keep *response* for anonymous visitors when it may be shared."""
    if version is None or not response_is_cacheable(response):
        return
    # No user check here: touching request.user reads the session and adds ``Vary: Cookie``;
    # request_is_cacheable already refused every request that carries a session.
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    max_age = get_max_age(response)
    if not max_age:  # response_is_cacheable required one; this guard only narrows the type
        return
    _version_key, entry_key = _keys(request)
    entry = {
        "version": version,
        "status": response.status_code,
        "headers": [(name, value) for name, value in response.items() if name.lower() not in HEADERS_NOT_STORED],
        "content": response.content,
        "expires": time.time() + max_age,
    }
    with outage:
        shared_cache().set(entry_key, entry, timeout=max_age)


def strip_query(request) -> None:
    """Make *request* carry only its normalised query, so dropped parameters cannot change the page."""
    query = normalised_query(request.GET) or ""
    request.GET = QueryDict(query)
    request.META["QUERY_STRING"] = query


def page_paths(page, request=None) -> set[str]:
    """The path *page* is served at (as a set: nothing when it has no URL)."""
    url_parts = page.get_url_parts(request)
    return {url_parts[2]} if url_parts and url_parts[2] else set()


def invalidate(pages) -> None:
    """Give every path of *pages* a new version: their stored entries are never served again."""
    if not enabled():
        return
    versions = {}
    for page in pages:
        for path in page_paths(page):
            versions[VERSION_PREFIX + _digest(path)] = uuid.uuid4().hex
    if versions:
        shared_cache().set_many(versions, timeout=None)


def restrictions_changed() -> None:
    """A view restriction was added, changed or removed (call it once committed): no entry
    stored before is served again, whatever page it is (a restriction hides what other
    pages show of a page too). Restrictions change rarely; each page renders once more."""
    if enabled():
        shared_cache().set(PRIVACY_VERSION_KEY, uuid.uuid4().hex, timeout=None)


def site_changed() -> None:
    """A Wagtail Site was saved (call it once committed): its hostname, port or name is in every
    stored page's canonical, hreflang, share and Open Graph links, so none is served again."""
    if enabled():
        shared_cache().set(PRIVACY_VERSION_KEY, uuid.uuid4().hex, timeout=None)


def serve_with_cache(page, request, serve, *args, **kwargs):
    """Serve *page* from the shared cache, or render it with *serve* and store it."""
    if not request_is_cacheable(request) or request.path not in page_paths(page, request):
        return serve(request, *args, **kwargs)
    hit = cached_response(request)
    if hit is not None:
        return hit
    return render_once(page, request, serve, *args, **kwargs)


def render_once(page, request, serve, *args, **kwargs):
    """A miss, rendered by one request per key at a time (single flight): on campaign day a
    purge or an expiry would otherwise have every worker render the same page at once. The
    others wait for its entry (at most ``RENDER_WAIT_SECONDS``, less when the renderer lets go
    without storing one: a response that may not be shared), then render themselves. A lock
    backend that is down costs single flight, never the page."""
    lock = render_lock(request)
    try:
        held = lock.acquire()
    except LockUnavailable as error:
        outage.failed(error)
        held = None
    try:
        # Looked up again whether the lock was won or not: the renderer before may just have stored it.
        if held is False:
            hit = wait_for(lock, lambda: cached_response(request), seconds=RENDER_WAIT_SECONDS)
        else:
            hit = cached_response(request)
        if hit is not None:
            return hit
        version = current_version(request)
        # After reading the version: a restriction committed later gives the privacy version a new
        # value, so this render's entry is orphaned; one committed earlier is seen here.
        if has_view_restriction(page):
            return serve(request, *args, **kwargs)
        strip_query(request)
        response = serve(request, *args, **kwargs)
        store(request, response, version)
        return response
    finally:
        if held:
            lock.release()


def render_lock(request):
    """The lock of whoever renders *request*'s entry (one key, one renderer)."""
    _version_key, entry_key = _keys(request)
    return shared_lock("page:" + entry_key, expires=RENDER_LOCK_SECONDS, cache_alias=app_settings.PAGE_CACHE_ALIAS)


class PageCacheMiddleware:
    """Serves stored page views before Wagtail's routing (which costs a few queries).

    It answers before Wagtail's view-restriction check too, so it relies on the entries:
    only pages under no restriction are stored, and an entry stored before a restriction
    arrived is never served (see "Privacy wins" above).
    Optional: without it the pages still serve their stored views, after routing.
    Place it last in ``MIDDLEWARE`` so a hit gets every other middleware's headers
    (language, security, frame options) exactly as a rendered view does.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        hit = cached_response(request)
        return hit if hit is not None else self.get_response(request)
