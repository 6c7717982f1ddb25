"""Django's CSRF check, letting the embedded letter form post without a token from this site only.

The Action Kit page must stay cacheable, so its letter form carries no per-visitor token.
Wagtail's page view is not CSRF-exempt and Django's ``CsrfViewMiddleware`` refuses a
token-less POST before the page's ``letter/`` route runs, so ``@csrf_exempt`` on the route
does nothing: Django reads ``csrf_exempt`` from the view it resolved, Wagtail's ``serve``.

:class:`LetterCsrfViewMiddleware` *replaces* ``CsrfViewMiddleware`` in ``MIDDLEWARE``. It is
Django's class, with one decision added where Django makes its own: in ``process_view``, a
POST to a ``.../letter/`` or ``.../letter/text/`` path whose ``Origin`` (or ``Sec-Fetch-Site: same-origin``) shows
that it comes from this very site is let through exactly as Django lets a ``csrf_exempt``
view through (``process_view`` returns None, after the CSRF cookie is read, so
``get_token`` keeps working). Every other request, ``report/`` included, gets Django's own
checks, unchanged. A letter only returns a document built from what was posted, so a forged
cross-site POST could gain nothing from it; the origin check keeps it so.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import DisallowedHost
from django.middleware.csrf import CsrfViewMiddleware

# The letter as a .docx, and as a page (the text view); both only answer with what was posted.
LETTER_SUFFIXES = ("/letter/", "/letter/text/")


def is_same_origin(request) -> bool:
    """True when the browser says the request comes from this site."""
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        parts = urlsplit(origin)
        try:
            host = request.get_host()
        except DisallowedHost:  # Django's own CSRF check refuses it as usual.
            return False
        scheme = "https" if request.is_secure() else "http"
        return parts.scheme == scheme and parts.netloc.lower() == host.lower()
    # Browsers that omit Origin on same-origin POSTs still send Fetch Metadata.
    return request.headers.get("Sec-Fetch-Site") == "same-origin"


def is_letter_post_from_this_site(request) -> bool:
    """A letter POST the embedded, token-less letter form of this site sent."""
    return request.method == "POST" and request.path.endswith(LETTER_SUFFIXES) and is_same_origin(request)


class LetterCsrfViewMiddleware(CsrfViewMiddleware):
    """Django's ``CsrfViewMiddleware``, with same-origin letter POSTs exempt; see the module docstring."""

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if is_letter_post_from_this_site(request):
            return None  # what Django's own process_view does for a csrf_exempt view
        return super().process_view(request, callback, callback_args, callback_kwargs)
