"""A campaign's figures from the shared cache, refreshed at most every few minutes.

Counting a large campaign reads every report and letter counter, so no visitor should
pay for it: the counts live in Django's default cache (Redis in production, shared by
every worker) with the time they were counted. Past ``FIGURES_REFRESH_SECONDS`` the
first request that takes the lock counts again; every other request meanwhile gets
the figures as they were (stale-while-revalidate). Only a campaign with no counts in
the cache at all is counted while its visitor waits, by one process at a time.
"""

from __future__ import annotations

import datetime
import time
import uuid
from collections.abc import Collection
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone

from soroptimist_advocacy.campaigns.figures import CampaignFigures, figure_counts, figures_from_counts
from soroptimist_advocacy.conf import get_setting

ENTRY_PREFIX = "sa:figures:counts:"
LOCK_PREFIX = "sa:figures:lock:"
# A process that dies while counting frees the lock after this long.
LOCK_SECONDS = 60
# With no counts cached yet and another process counting, wait this long for its result
# before counting too: a cold start under load costs one count, not one per worker.
COLD_WAIT_SECONDS = 5.0
COLD_POLL_SECONDS = 0.05
# Counts nobody asked for in this long leave the cache; the next visitor counts again.
ENTRY_SECONDS = 7 * 24 * 3600


@dataclass(frozen=True)
class CachedFigures:
    figures: CampaignFigures
    as_of: datetime.datetime  # When these counts were made.
    counts: dict  # figure_counts() as cached: the per-source totals come from here.


def refresh_seconds() -> int:
    return int(get_setting("FIGURES_REFRESH_SECONDS"))


def now() -> datetime.datetime:
    """The clock the cache reads (tests move it)."""
    return timezone.now()


def campaign_target(page) -> list[str] | None:
    """The country codes the campaign targets, or None for no page or a page that is no campaign
    (a summary block placed on another page type)."""
    codes = getattr(page, "target_country_codes", None)
    return codes() if codes is not None else None


def cached_campaign_figures(
    campaign_key: uuid.UUID, target_countries: int | Collection[str] | None = None, *, refresh: bool = False
) -> CachedFigures:
    """The campaign's figures as last counted; *refresh* counts now (an editor's "Aggregate now")."""
    entry = cached_counts(campaign_key, refresh=refresh)
    return CachedFigures(
        figures=figures_from_counts(entry["counts"], target_countries), as_of=entry["as_of"], counts=entry["counts"]
    )


def cached_counts(campaign_key: uuid.UUID, *, refresh: bool = False) -> dict:
    """``{"counts": figure_counts(), "as_of": datetime}`` from the cache, counted again
    when missing, older than the refresh interval (by one process) or when *refresh*."""
    entry_key = f"{ENTRY_PREFIX}{campaign_key}"
    lock_key = f"{LOCK_PREFIX}{campaign_key}"
    entry = cache.get(entry_key)
    if refresh:
        return _count_and_store(campaign_key, entry_key, lock_key, locked=cache.add(lock_key, 1, LOCK_SECONDS))
    if entry is not None:
        if (now() - entry["as_of"]).total_seconds() < refresh_seconds():
            return entry
        if not cache.add(lock_key, 1, LOCK_SECONDS):
            return entry  # Another process is counting: these figures are at most one count behind.
        return _count_and_store(campaign_key, entry_key, lock_key, locked=True)
    if cache.add(lock_key, 1, LOCK_SECONDS):
        return _count_and_store(campaign_key, entry_key, lock_key, locked=True)
    waited = 0.0
    while waited < COLD_WAIT_SECONDS:  # Bounded: a lost lock-holder cannot hold a visitor long.
        time.sleep(COLD_POLL_SECONDS)
        waited += COLD_POLL_SECONDS
        entry = cache.get(entry_key)
        if entry is not None:
            return entry
    return _count_and_store(campaign_key, entry_key, lock_key, locked=False)


def _count_and_store(campaign_key, entry_key: str, lock_key: str, *, locked: bool) -> dict:
    try:
        entry = {"counts": figure_counts(campaign_key), "as_of": now()}
        cache.set(entry_key, entry, ENTRY_SECONDS)
    finally:
        if locked:
            cache.delete(lock_key)
    return entry
