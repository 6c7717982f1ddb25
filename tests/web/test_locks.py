"""A shared lock has one owner: nobody else frees it, not even a former owner whose time ran out.

The same guarantees on each backend the site may run: Redis (another process holds the
other end), PostgreSQL advisory locks (another connection) and this process's own locks
(local memory). Expiry is real time here: a lock of a fifth of a second, and a wait past it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.db import connection

from soroptimist_advocacy.web import locks
from soroptimist_advocacy.web.locks import AdvisoryLock, LockUnavailable, ProcessLock, RedisLock, shared_lock

# Not database 0: these keys are written by hand (each test's lock has a name of its own).
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/12")
SHORT = 0.2  # a lock's lifetime when a test lets it run out
PAST_SHORT = 0.35


def lock_name() -> str:
    return f"test-{uuid.uuid4().hex}"


@pytest.fixture
def redis_cache(settings):
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        pytest.skip(f"needs Redis at {REDIS_URL} (TEST_REDIS_URL): {error}")
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}


@pytest.fixture
def postgresql(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (TEST_DATABASE_URL): advisory locks")


def owners_cannot_free_each_others_lock(new_lock) -> None:
    """What every backend guarantees, with *new_lock()* giving a fresh owner of one lock."""
    first, second = new_lock(60), new_lock(60)
    assert first.acquire()
    assert not second.acquire()
    assert not second.release()  # not its lock: refused, and the first still holds it
    assert first.locked() and not new_lock(60).acquire()
    assert first.release()
    assert not first.locked()
    assert second.acquire()
    assert second.release()


def an_expired_owner_cannot_free_its_successors_lock(new_lock) -> None:
    stalled = new_lock(SHORT)
    assert stalled.acquire()
    time.sleep(PAST_SHORT)  # the holder stalled past its lock's lifetime
    successor = new_lock(60)
    assert successor.acquire()
    assert not stalled.release()  # too late: the lock is the successor's now
    assert successor.locked() and not new_lock(60).acquire()
    assert successor.release()


# -- this process (local memory) ------------------------------------------------


def test_local_memory_locks_are_this_process_own():
    assert isinstance(shared_lock(lock_name(), expires=60), ProcessLock)


def test_a_process_lock_has_one_owner():
    name = lock_name()
    owners_cannot_free_each_others_lock(lambda expires: shared_lock(name, expires=expires))


def test_a_process_lock_past_its_lifetime_belongs_to_the_next_owner():
    name = lock_name()
    an_expired_owner_cannot_free_its_successors_lock(lambda expires: shared_lock(name, expires=expires))


def test_the_lock_as_a_context_manager_says_whether_it_was_taken():
    name = lock_name()
    with shared_lock(name, expires=60) as held:
        assert held
        with shared_lock(name, expires=60) as also_held:
            assert not also_held
        assert shared_lock(name, expires=60).locked()  # the one that was not taken freed nothing
    assert not shared_lock(name, expires=60).locked()


def test_a_lock_waits_a_bounded_time_for_its_owner():
    name = lock_name()
    assert shared_lock(name, expires=SHORT).acquire()
    assert shared_lock(name, expires=60).acquire(wait=PAST_SHORT)  # freed by expiry during the wait


def test_a_lock_must_expire():
    with pytest.raises(ValueError):
        ProcessLock(lock_name(), expires=0)


# -- Redis ----------------------------------------------------------------------


def test_a_redis_cache_gives_redis_locks_at_its_location(redis_cache):
    lock = shared_lock(lock_name(), expires=60)
    assert isinstance(lock, RedisLock)
    with lock as held:
        assert held
        assert redis.Redis.from_url(REDIS_URL).exists(lock.name) == 1


def test_a_redis_lock_has_one_owner(redis_cache):
    name = lock_name()
    owners_cannot_free_each_others_lock(lambda expires: shared_lock(name, expires=expires))


def test_a_redis_lock_past_its_lifetime_belongs_to_the_next_owner(redis_cache):
    name = lock_name()
    an_expired_owner_cannot_free_its_successors_lock(lambda expires: shared_lock(name, expires=expires))


class OtherProcess:
    """tests/web/lock_holder.py: the same lock, taken and released from another process."""

    def __init__(self, name: str):
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("lock_holder.py")), REDIS_URL, name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, command: str):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def test_another_process_cannot_release_a_redis_lock_even_after_it_expired(redis_cache):
    name = lock_name()
    other = OtherProcess(name)
    try:
        mine = shared_lock(name, expires=60)
        assert mine.acquire()
        assert other.ask("acquire 60") is False
        assert other.ask("release") is False
        assert mine.locked() and other.ask("locked") is True
        assert mine.release()

        stalled = shared_lock(name, expires=SHORT)
        assert stalled.acquire()
        time.sleep(PAST_SHORT)
        assert other.ask("acquire 60") is True  # the other process holds it now
        assert not stalled.release()  # and this one's late release leaves it alone
        assert other.ask("locked") is True and not shared_lock(name, expires=60).acquire()
        assert other.ask("release") is True
        assert not mine.locked()
    finally:
        other.stop()


def test_an_unreachable_redis_makes_the_lock_unavailable_not_a_crash(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/12"}
    }
    lock = shared_lock(lock_name(), expires=60)
    with pytest.raises(LockUnavailable):
        lock.acquire()
    assert lock.release() is False


# -- PostgreSQL -----------------------------------------------------------------


@pytest.fixture
def file_cache(settings, tmp_path):
    """A shared cache that is neither Redis nor local memory (Memcached would do the same)."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)}
    }


def test_other_shared_caches_on_postgresql_use_advisory_locks(postgresql, file_cache):
    assert isinstance(shared_lock(lock_name(), expires=60), AdvisoryLock)


def test_other_shared_caches_without_postgresql_use_process_locks(db, file_cache):
    if connection.vendor == "postgresql":
        pytest.skip("runs on a database other than PostgreSQL")
    assert locks.lock_backend() == "process"


def test_an_advisory_lock_has_one_owner(postgresql):
    name = lock_name()
    owners_cannot_free_each_others_lock(lambda expires: AdvisoryLock(name, expires=expires))


def test_an_advisory_lock_past_its_lifetime_belongs_to_the_next_owner(postgresql):
    name = lock_name()
    an_expired_owner_cannot_free_its_successors_lock(lambda expires: AdvisoryLock(name, expires=expires))
