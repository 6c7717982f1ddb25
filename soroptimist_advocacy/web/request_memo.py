"""What one request works out about a page once, kept for that request only.

A page's live translations are read by the letter form, the hreflang tags and a
site's language switcher; the texts a translation left in its source language by
every block that marks them. Each is worked out once per request and page. The memo
belongs to the request (it goes when the request goes) and is keyed by the page
instance, so nothing is set on the page and nothing outlives the request.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any

# request -> {(name, id(page)): (page, value)}; weak, so a finished request takes its memo along.
_memos: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def remembered(request, page, name: str, compute: Callable[[], Any]) -> Any:
    """*compute()*, once per *request*, *page* (this instance) and *name*; without a request,
    every time it is asked."""
    if request is None:
        return compute()
    with _lock:
        memo = _memos.setdefault(request, {})
    key = (name, id(page))
    found = memo.get(key)
    if found is None or found[0] is not page:  # the page is kept along, so its id is not reused meanwhile
        found = (page, compute())
        memo[key] = found
    return found[1]
