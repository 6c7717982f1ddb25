"""Cache headers of the app's per-visitor responses."""

from django.utils.cache import add_never_cache_headers


def no_store(response):
    """Letters, forms with a token or a member's input, private pages: never cached anywhere.

    Django's ``never_cache`` headers say all of it (``no-store`` and ``private``
    included); this only returns the response, for handlers that build one and
    pass it on rather than being views a decorator could wrap.
    """
    add_never_cache_headers(response)
    return response
