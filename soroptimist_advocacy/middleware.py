"""Let the embedded letter form post without a CSRF token, from this site only.

The Action Kit page must stay cacheable, so its letter form carries no
per-visitor token. Wagtail's page view is not CSRF-exempt and Django's
``CsrfViewMiddleware`` refuses a token-less POST before the page's
``letter/`` route runs, so ``@csrf_exempt`` on the route would do nothing.
This middleware, placed *before* ``CsrfViewMiddleware``, lifts the token
requirement only for a POST to a ``.../letter/`` path whose ``Origin`` (or
``Sec-Fetch-Site: same-origin``) shows that it comes from this very site.
Every other request, ``report/`` included, gets Django's normal CSRF checks.
A letter only returns a document built from what was posted, so a forged
cross-site POST could gain nothing from it; the origin check keeps it so.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from soroptimist_advocacy.network.paths import rewrite_network_file_path

LETTER_SUFFIX = "/letter/"


def is_same_origin(request) -> bool:
    """True when the browser says the request comes from this site."""
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        parts = urlsplit(origin)
        try:
            host = request.get_host()
        except Exception:  # DisallowedHost: let CsrfViewMiddleware refuse it as usual.
            return False
        scheme = "https" if request.is_secure() else "http"
        return parts.scheme == scheme and parts.netloc.lower() == host.lower()
    # Browsers that omit Origin on same-origin POSTs still send Fetch Metadata.
    return request.headers.get("Sec-Fetch-Site") == "same-origin"


class LetterCsrfMiddleware:
    """Exempts same-origin letter POSTs from the CSRF token; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path.endswith(LETTER_SUFFIX) and is_same_origin(request):
            request._dont_enforce_csrf_checks = True
        # Federation network: figures.json and export.csv/.json reach their pages' routes.

        rewrite_network_file_path(request)
        return self.get_response(request)
