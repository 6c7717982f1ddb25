"""The app's middleware, by the names a site's ``MIDDLEWARE`` lists (one job each):

* :class:`LetterCsrfViewMiddleware` (``web/csrf.py``) replaces Django's
  ``CsrfViewMiddleware``: Django's CSRF check, letting the embedded letter form post
  without a token when the request comes from the site itself.
* :class:`NetworkFilesMiddleware` (``network/paths.py``) lets ``figures.json``,
  ``export.csv`` and ``export.json`` reach their pages.
* ``soroptimist_advocacy.web.page_cache.PageCacheMiddleware`` (optional) serves stored
  page views before Wagtail's routing.

:class:`LetterCsrfMiddleware` is the deprecated middleware that did the first two jobs in one.
"""

from __future__ import annotations

import warnings

from soroptimist_advocacy.network.paths import NetworkFilesMiddleware, rewrite_network_file_path
from soroptimist_advocacy.web.csrf import LetterCsrfViewMiddleware, is_letter_post_from_this_site

__all__ = ["LetterCsrfMiddleware", "LetterCsrfViewMiddleware", "NetworkFilesMiddleware"]

DEPRECATION = (
    "soroptimist_advocacy.middleware.LetterCsrfMiddleware is deprecated and will be removed in 0.2: "
    "put soroptimist_advocacy.middleware.LetterCsrfViewMiddleware in place of "
    "django.middleware.csrf.CsrfViewMiddleware, followed by soroptimist_advocacy.middleware.NetworkFilesMiddleware "
    "(see the README's 'Install in a Wagtail site')."
)


class LetterCsrfMiddleware:
    """Deprecated: both jobs in one, placed before ``CsrfViewMiddleware``, kept working for the
    sites that list it (system check ``soroptimist_advocacy.W006`` says what to list instead)."""

    def __init__(self, get_response) -> None:
        warnings.warn(DEPRECATION, DeprecationWarning, stacklevel=2)
        self.get_response = get_response

    def __call__(self, request):
        if is_letter_post_from_this_site(request):
            # Django's private test-suite switch, the reason this middleware is deprecated:
            # LetterCsrfViewMiddleware makes the same decision inside Django's own CSRF check.
            request._dont_enforce_csrf_checks = True
        rewrite_network_file_path(request)
        return self.get_response(request)
