"""A campaign's figures from the shared cache, refreshed at most every few minutes.

Counting a large campaign reads every report and letter counter, so no visitor should
pay for it: the counts live in Django's default cache (Redis in production, shared by
every worker) with the time they were counted. Past ``FIGURES_REFRESH_SECONDS`` the
first request that takes the lock counts again; every other request meanwhile gets
the figures as they were (stale-while-revalidate). Only a campaign with no counts in
the cache at all is counted while its visitor waits, by one process at a time. The
lock (``web.locks``) has an owner, expires, and is released by its owner only.
"""

from __future__ import annotations

import datetime
import logging
import uuid
from collections.abc import Collection
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone

from soroptimist_advocacy.campaigns.figures import CampaignFigures, figure_counts, figures_from_counts
from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.web.locks import LockUnavailable, shared_lock, wait_for

logger = logging.getLogger(__name__)

ENTRY_PREFIX = "sa:figures:counts:"
LOCK_PREFIX = "figures:"
# A process that dies (or stalls) while counting frees the lock after this long; the
# lock has an owner, so the stalled one's late release leaves its successor's lock alone.
LOCK_SECONDS = 60
# With no counts cached yet and another process counting, wait this long for its result
# before counting too: a cold start under load costs one count, not one per worker.
COLD_WAIT_SECONDS = 5.0
# Counts nobody asked for in this long leave the cache; the next visitor counts again.
ENTRY_SECONDS = 7 * 24 * 3600


@dataclass(frozen=True)
class CachedFigures:
    figures: CampaignFigures
    as_of: datetime.datetime  # When these counts were made.
    counts: dict  # figure_counts() as cached: the per-source totals come from here.


def refresh_seconds() -> int:
    return int(settings.FIGURES_REFRESH_SECONDS)


def now() -> datetime.datetime:
    """The clock the cache reads (tests move it)."""
    return timezone.now()


def cached_campaign_figures(
    campaign_key: uuid.UUID, target_countries: int | Collection[str] | None = None, *, refresh: bool = False
) -> CachedFigures:
    """The campaign's figures as last counted; *refresh* counts now (an editor's "Aggregate now")."""
    entry = cached_counts(campaign_key, refresh=refresh)
    return CachedFigures(
        figures=figures_from_counts(entry["counts"], target_countries), as_of=entry["as_of"], counts=entry["counts"]
    )


def is_fresh(entry: dict | None) -> bool:
    """Counted less than ``FIGURES_REFRESH_SECONDS`` ago."""
    return entry is not None and (now() - entry["as_of"]).total_seconds() < refresh_seconds()


def figures_lock(campaign_key: uuid.UUID):
    """The lock of whoever counts *campaign_key*'s figures (one owner at a time, across processes)."""
    return shared_lock(f"{LOCK_PREFIX}{campaign_key}", expires=LOCK_SECONDS)


def cached_counts(campaign_key: uuid.UUID, *, refresh: bool = False) -> dict:
    """``{"counts": figure_counts(), "as_of": datetime}`` from the cache, counted again
    when missing, older than the refresh interval (by one process) or when *refresh*."""
    entry_key = f"{ENTRY_PREFIX}{campaign_key}"
    entry = cache.get(entry_key)
    if not refresh and is_fresh(entry):
        return entry
    lock = figures_lock(campaign_key)
    try:
        held = lock.acquire()
    except LockUnavailable:
        logger.warning("Campaign %s: no lock to count its figures with; counting without it.", campaign_key)
        held = None
    if held is False and not refresh:
        if entry is not None:
            return entry  # Another process is counting: these figures are at most one count behind.
        # Bounded: a lost lock-holder cannot hold a visitor long, and one that let go without
        # storing its count (it failed) stops the wait at once.
        entry = wait_for(lock, lambda: cache.get(entry_key), seconds=COLD_WAIT_SECONDS)
        if entry is not None:
            return entry
    try:
        if held and not refresh:
            # Another process may have counted and let go between our read and our lock: its
            # count is fresh, and counting again would make two counts where one was due.
            latest = cache.get(entry_key)
            if is_fresh(latest):
                return latest
        entry = {"counts": figure_counts(campaign_key), "as_of": now()}
        cache.set(entry_key, entry, ENTRY_SECONDS)
    finally:
        if held:
            lock.release()  # Only ours: past LOCK_SECONDS another counter's lock is left alone.
    return entry
