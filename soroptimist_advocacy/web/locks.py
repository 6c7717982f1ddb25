"""Locks held by one owner across the site's processes, released atomically by that owner only.

A lock here guards work that should be done once (counting a campaign's figures,
rendering a page-cache miss), never correctness: its holder can die, stall or
lose the lock when it expires, so every caller must cope with doing the work
twice or waiting for nothing. What a lock must never do is let one process
free another's lock. ``cache.add`` then ``cache.delete`` does exactly that: the
first holder, past the timeout, deletes the lock a second holder took since.

So each lock has an owner (a random token, or a database session), expires so a
dead holder frees it, and is released by a compare-and-delete that the backend
does in one step. The backend follows what the site runs, from the cache alias the
lock guards (:func:`lock_backend`):

* **Redis** (Django's ``RedisCache``): redis-py's ``Lock`` (``SET NX PX`` with a
  token; release is a Lua script that deletes the key only if it still holds the
  token) on a client built from the alias's ``LOCATION`` (its first server, the
  one Django writes to) and ``OPTIONS``. redis-py stays optional: Django's
  ``RedisCache`` cannot run without it, so a site that selects this backend has it.
* **Local memory** (``LocMemCache``, or ``DummyCache``): a lock in this process.
  What it guards lives in this process too, so one holder per process is the
  whole job.
* **PostgreSQL** (any other cache, the database on PostgreSQL): a transaction-
  level advisory lock (``pg_try_advisory_xact_lock``) on a dedicated connection,
  held in an open transaction and released by ending it. A transaction-level
  lock, not a session one, because a pooler in transaction mode (PgBouncer) may
  give a session's ``pg_advisory_unlock`` to another server connection and leave
  the lock behind; the open transaction pins one server connection until release.
  The server frees the lock when the holder's connection dies, and
  ``idle_in_transaction_session_timeout`` (set for that transaction only) ends a
  holder that outlives the lock's expiry. The dedicated connection keeps the lock
  out of the request's own transaction; it costs one connection per acquisition.
* **Any other shared cache with any other database** (Memcached with SQLite or
  MySQL, say): a lock in this process. Memcached has no atomic compare-and-delete
  (``add`` with a token and a read-then-delete leaves a gap in which a holder
  frees its successor's lock), so the work may be done once per process rather
  than once per site: more work, never a wrong release.

Every backend's failure (Redis or the database unreachable) raises
:class:`LockUnavailable`, so a caller can do its work without the lock rather
than fail the request.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import threading
import time
import uuid

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db import Error as DatabaseError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils.module_loading import import_string

try:
    import redis
except ImportError:  # only Django's RedisCache selects the Redis backend, and it needs redis-py
    redis = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

POLL_SECONDS = 0.05
# A lock operation waits this long at most for an unreachable Redis (unless OPTIONS say otherwise).
REDIS_SOCKET_SECONDS = 2.0


class LockUnavailable(Exception):
    """The lock's backend could not be reached: do the work without it, or give up."""


class OwnedLock:
    """A named lock with one owner: acquired without blocking (or waiting a bounded time),
    expiring after *expires* seconds, released only by its owner.

    Used as a context manager, it tries once and gives whether it got the lock::

        with shared_lock("report", expires=60) as held:
            if held:
                ...
    """

    def __init__(self, name: str, *, expires: float) -> None:
        if expires <= 0:
            raise ValueError("A lock must expire, so that a dead holder frees it.")
        self.name = name
        self.expires = expires
        self.token = uuid.uuid4().hex
        self.held = False

    def acquire(self, wait: float = 0.0) -> bool:
        """True when this owner now holds the lock; tries for up to *wait* seconds (0: once)."""
        deadline = time.monotonic() + wait
        try:
            while not self._try_acquire():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self._give_up()
                    return False
                time.sleep(min(POLL_SECONDS, remaining))
        except LockUnavailable:
            self._give_up()
            raise
        self.held = True
        return True

    def release(self) -> bool:
        """Let go; True when this owner still held the lock (False once it expired and, perhaps,
        another owner took it: that owner keeps it). Never raises: a lock the backend cannot
        reach expires by itself."""
        self.held = False
        try:
            return self._release()
        except LockUnavailable:
            logger.warning("Lock %s could not be released; it expires by itself.", self.name)
            return False

    def locked(self) -> bool:
        """Whether any owner holds the lock now (LockUnavailable when the backend cannot say)."""
        raise NotImplementedError

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *exc_info) -> None:
        if self.held:
            self.release()

    def _try_acquire(self) -> bool:
        raise NotImplementedError

    def _release(self) -> bool:
        raise NotImplementedError

    def _give_up(self) -> None:
        """Called when acquiring ends without the lock."""


# -- this process ---------------------------------------------------------------

_process_owners: dict[str, tuple[str, float]] = {}  # name -> (owner token, monotonic expiry)
_process_table_lock = threading.Lock()


class ProcessLock(OwnedLock):
    """Held by one owner in this process (any thread); another process has its own."""

    def _try_acquire(self) -> bool:
        now = time.monotonic()
        with _process_table_lock:
            owner = _process_owners.get(self.name)
            if owner is not None and owner[1] > now and owner[0] != self.token:
                return False
            _process_owners[self.name] = (self.token, now + self.expires)
            return True

    def _release(self) -> bool:
        with _process_table_lock:
            owner = _process_owners.get(self.name)
            if owner is None or owner[0] != self.token:
                return False
            del _process_owners[self.name]
            return owner[1] > time.monotonic()

    def locked(self) -> bool:
        with _process_table_lock:
            owner = _process_owners.get(self.name)
            return owner is not None and owner[1] > time.monotonic()


# -- Redis ----------------------------------------------------------------------

_redis_clients: dict[tuple[str, str], object] = {}
_redis_clients_lock = threading.Lock()


def redis_client(url: str, options: dict | None = None):
    """A redis-py client for *url*, one per URL and options in this process (its pool is fork-safe)."""
    options = dict(options or {})
    options.pop("serializer", None)  # Django's own: values, not locks
    key = (url, repr(sorted(options.items(), key=lambda item: item[0])))
    with _redis_clients_lock:
        client = _redis_clients.get(key)
        if client is None:
            pool_class = options.pop("pool_class", None) or redis.ConnectionPool
            if isinstance(pool_class, str):
                pool_class = import_string(pool_class)
            if isinstance(options.get("parser_class"), str):
                options["parser_class"] = import_string(options["parser_class"])
            options.setdefault("socket_connect_timeout", REDIS_SOCKET_SECONDS)
            options.setdefault("socket_timeout", REDIS_SOCKET_SECONDS)
            client = _redis_clients[key] = redis.Redis(connection_pool=pool_class.from_url(url, **options))
    return client


class RedisLock(OwnedLock):
    """redis-py's ``Lock``: a key holding the owner's token, with a time to live."""

    def __init__(self, name: str, *, expires: float, client) -> None:
        super().__init__(name, expires=expires)
        # thread_local=False: the token belongs to this object, which one request uses.
        self._lock = client.lock(name, timeout=expires, thread_local=False)

    def _try_acquire(self) -> bool:
        try:
            return bool(self._lock.acquire(blocking=False, token=self.token))
        except redis.RedisError as error:
            raise LockUnavailable(str(error)) from error

    def _release(self) -> bool:
        try:
            # Always asked of Redis with this owner's token: the script deletes the key only
            # while it holds that token, whatever this object believes.
            self._lock.do_release(self.token)
        except redis.exceptions.LockNotOwnedError:
            return False
        except redis.RedisError as error:
            raise LockUnavailable(str(error)) from error
        return True

    def locked(self) -> bool:
        try:
            return bool(self._lock.locked())
        except redis.RedisError as error:
            raise LockUnavailable(str(error)) from error


# -- PostgreSQL -----------------------------------------------------------------

TRY_LOCK_SQL = (
    # The expiry, for this transaction only: the server ends a holder idle past it, which frees the lock.
    "SELECT set_config('idle_in_transaction_session_timeout', %s, true), pg_try_advisory_xact_lock(%s)"
)
HELD_SQL = (
    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
    " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    " AND classid = %s::bigint::oid AND objid = %s::bigint::oid AND objsubid = 1)"
)


def advisory_key(name: str) -> int:
    """The signed 64-bit advisory lock key for *name* (namespaced: other apps use advisory locks too)."""
    digest = hashlib.sha256(f"soroptimist_advocacy:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class AdvisoryLock(OwnedLock):
    """A PostgreSQL transaction-level advisory lock, held by a dedicated connection's open transaction."""

    def __init__(self, name: str, *, expires: float, database: str = DEFAULT_DB_ALIAS) -> None:
        super().__init__(name, expires=expires)
        self.database = database
        self.key = advisory_key(name)
        self._connection: BaseDatabaseWrapper | None = None

    def _try_acquire(self) -> bool:
        try:
            connection = self._connection
            if connection is None:
                connection = self._connection = connections.create_connection(self.database)
                connection.set_autocommit(False)
            with connection.cursor() as cursor:
                cursor.execute(TRY_LOCK_SQL, [str(max(1, round(self.expires * 1000))), self.key])
                return bool(cursor.fetchone()[1])
        except DatabaseError as error:
            raise LockUnavailable(str(error)) from error

    def _release(self) -> bool:
        connection, self._connection = self._connection, None
        if connection is None:
            return False
        try:
            connection.rollback()  # ends the transaction, and with it the lock
            return True
        except DatabaseError:
            return False  # ended by the server past the expiry: the lock was gone already
        finally:
            self._close(connection)

    def _give_up(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            self._close(connection)

    @staticmethod
    def _close(connection) -> None:
        with contextlib.suppress(DatabaseError):  # already closed by the server
            connection.close()

    def locked(self) -> bool:
        high, low = (self.key >> 32) & 0xFFFFFFFF, self.key & 0xFFFFFFFF
        try:
            with connections[self.database].cursor() as cursor:
                cursor.execute(HELD_SQL, [high, low])
                return bool(cursor.fetchone()[0])
        except DatabaseError as error:
            raise LockUnavailable(str(error)) from error


# -- choosing -------------------------------------------------------------------


def lock_backend(cache_alias: str = DEFAULT_CACHE_ALIAS) -> str:
    """``"redis"``, ``"process"`` or ``"postgresql"``: which lock guards what *cache_alias* holds."""
    cache = caches[cache_alias]
    if isinstance(cache, RedisCache) and redis is not None:
        return "redis"
    if isinstance(cache, LocMemCache | DummyCache):
        return "process"
    if connections[DEFAULT_DB_ALIAS].vendor == "postgresql":
        return "postgresql"
    return "process"


def redis_location(cache_alias: str) -> tuple[str, dict]:
    """The URL of the server Django's RedisCache writes to (the first of LOCATION), and its OPTIONS."""
    params = caches.settings[cache_alias]
    location = params["LOCATION"]
    servers = re.split("[;,]", location) if isinstance(location, str) else list(location)
    return servers[0], params.get("OPTIONS", {})


def shared_lock(name: str, *, expires: float, cache_alias: str = DEFAULT_CACHE_ALIAS) -> OwnedLock:
    """A lock named *name* for work whose result goes to *cache_alias*, expiring after *expires* seconds."""
    backend = lock_backend(cache_alias)
    if backend == "redis":
        url, options = redis_location(cache_alias)
        return RedisLock(
            caches[cache_alias].make_key(f"sa:lock:{name}"), expires=expires, client=redis_client(url, options)
        )
    if backend == "postgresql":
        return AdvisoryLock(name, expires=expires)
    return ProcessLock(name, expires=expires)


def wait_for(lock: OwnedLock, result, *, seconds: float):
    """Wait at most *seconds* for work another owner of *lock* is doing: *result()*'s first
    value other than None, or None when the owner let go without one (or never came back).

    The lock is read before the result, so work stored just before its owner let go is
    found. A backend that cannot say whether the lock is held ends the wait.
    """
    deadline = time.monotonic() + seconds
    while (remaining := deadline - time.monotonic()) > 0:
        time.sleep(min(POLL_SECONDS, remaining))
        try:
            owner_done = not lock.locked()
        except LockUnavailable:
            owner_done = True
        found = result()
        if found is not None or owner_done:
            return found
    return None
