"""Cache headers of the app's per-visitor responses."""

from django.utils.cache import add_never_cache_headers, patch_cache_control


def no_store(response):
    """Letters, forms with a token or a member's input, private pages: never cached anywhere."""
    patch_cache_control(response, private=True)
    add_never_cache_headers(response)
    return response
