"""A shared cache that is down costs speed, never a page.

Where the shared cache only saves work (the page cache, the letter setup's version), a
failure of its backend (Redis unreachable, a timeout, a memcached server gone) must let the
request do the work without it. Backends raise their own exceptions (redis-py's
``RedisError``, pymemcache's, ``OSError``, a database error), so every ``Exception`` from
the cache calls inside the block is caught: keep only cache calls inside it.

The first failure is logged as a warning (with the error), and the first success after it
as information: once per outage per process, not once per request. A lock that guards the
same work and cannot be had (``web.locks.LockUnavailable``) is reported to the same outage.
"""

from __future__ import annotations

import logging
from types import TracebackType

logger = logging.getLogger(__name__)


class CacheOutage:
    """``with outage:`` around cache calls whose failure the caller can do without: an error
    leaves the block (suppressed, logged when the outage starts) and the caller goes on with
    what it had before the block. *what* names the cache's use in the log."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.down = False

    def __enter__(self) -> CacheOutage:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> bool:
        if error is None:
            self.answered()
            return False
        if not isinstance(error, Exception):  # KeyboardInterrupt, SystemExit: never swallowed
            return False
        self.failed(error)
        return True

    def failed(self, error: Exception) -> None:
        """The cache (or what guards its work, a lock) failed: logged if it answered until now."""
        if not self.down:
            self.down = True
            logger.warning(
                "%s failed (%s); going on without it until it answers again.", self.what, error, exc_info=error
            )

    def answered(self) -> None:
        if self.down:
            self.down = False
            logger.info("%s answers again.", self.what)
