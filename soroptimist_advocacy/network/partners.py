"""Fetch partner figures: the latest good snapshot per partner, never lost to a bad fetch.

A roll-up fetches partners side by side, at most :data:`CONCURRENT_FETCHES` at once, and
all of it within ``NETWORK_ROLLUP_TIMEOUT`` seconds: every fetch ends by that deadline (and by
its own ``NETWORK_TIMEOUT``), so one slow partner holds one worker, never the others, and a
partner still waiting for a worker when the time is up is recorded as failed. Workers only
fetch and validate; what they bring back is written by the calling thread.
"""

from __future__ import annotations

import datetime
import logging
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connections
from django.utils import timezone, translation
from django.utils.translation import gettext

from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.models.network import PartnerFeed
from soroptimist_advocacy.network.fetch import FetchError, fetch
from soroptimist_advocacy.network.figures_feed import validate_figures

logger = logging.getLogger(__name__)

# Partners fetched at once: enough that a few slow partners leave the others their turn,
# few enough that a roll-up never floods a small server's threads or our own.
CONCURRENT_FETCHES = 4


@dataclass(frozen=True)
class _Request:
    """What a worker needs of a feed, read in the calling thread: workers touch no model."""

    url: str
    etag: str
    last_modified: str
    has_snapshot: bool


@dataclass(frozen=True)
class _Download:
    attempted_at: datetime.datetime
    status: int = 0  # 200 with *snapshot*, 304 when the stored one is still current, 0 on error.
    snapshot: dict | None = None
    etag: str = ""
    last_modified: str = ""
    error: str = ""


@dataclass(frozen=True)
class FeedOutcome:
    feed: PartnerFeed
    fresh: bool
    error: str = ""


@dataclass
class RollUp:
    """Every feed of one roll-up with how its fetch went, in the feeds' order."""

    outcomes: list[FeedOutcome] = field(default_factory=list)

    @property
    def fresh(self) -> list[FeedOutcome]:
        return [outcome for outcome in self.outcomes if outcome.fresh]

    @property
    def failed(self) -> list[FeedOutcome]:
        return [outcome for outcome in self.outcomes if not outcome.fresh]


def _download(request: _Request, deadline: float, language: str | None) -> _Download:
    """Fetch and validate one feed before *deadline*, in a worker thread; never raises for a bad feed."""
    attempted_at = timezone.now()
    try:
        # The active language is per thread: messages are written in the caller's.
        with translation.override(language):
            try:
                if time.monotonic() >= deadline:
                    raise FetchError(
                        gettext(
                            "Not fetched: the time for all partner fetches ran out first "
                            "(setting NETWORK_ROLLUP_TIMEOUT)."
                        )
                    )
                fetched = fetch(
                    request.url,
                    etag=request.etag,
                    last_modified=request.last_modified,
                    accept="application/json",
                    deadline=deadline,
                )
                if fetched.status == 304:
                    if not request.has_snapshot:  # Validators without a snapshot: nothing to reuse.
                        raise FetchError(gettext("The partner answered “not modified” but no figures are stored."))
                    return _Download(attempted_at, status=304)
                return _Download(
                    attempted_at,
                    status=200,
                    snapshot=validate_figures(fetched.body),
                    etag=fetched.etag[:255],
                    last_modified=fetched.last_modified[:64],
                )
            except (FetchError, ValidationError) as error:
                message = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
                return _Download(attempted_at, error=message[:2000])
    finally:
        # Nothing here queries the database, but a connection a thread opened is its own to close.
        connections.close_all()


def _store(feed: PartnerFeed, download: _Download) -> FeedOutcome:
    feed.last_attempt_at = download.attempted_at
    if download.error:
        logger.warning("Partner feed %s (%s) not updated: %s", feed.name, feed.feed_url, download.error)
        # Only the error fields change: the last good snapshot stays for the roll-up.
        feed.last_error = download.error
        feed.save(update_fields=["last_attempt_at", "last_error"])
        return FeedOutcome(feed, fresh=False, error=download.error)
    if download.status == 200:
        feed.snapshot, feed.etag, feed.last_modified = download.snapshot, download.etag, download.last_modified
    feed.fetched_at, feed.last_error = download.attempted_at, ""
    feed.save(update_fields=["snapshot", "etag", "last_modified", "fetched_at", "last_error", "last_attempt_at"])
    return FeedOutcome(feed, fresh=True)


def fetch_all_partners(feeds=None) -> RollUp:
    """Fetch *feeds* (by default every active one) side by side within NETWORK_ROLLUP_TIMEOUT
    seconds and store what came back: fresh figures, or the error beside the last good ones."""
    feeds = list(feeds if feeds is not None else PartnerFeed.objects.filter(active=True))
    if not feeds:
        return RollUp()
    deadline = time.monotonic() + settings.NETWORK_ROLLUP_TIMEOUT
    language = translation.get_language()
    stored: dict[int, FeedOutcome] = {}
    # Every fetch ends by the deadline, so leaving this block never waits much past it.
    with ThreadPoolExecutor(max_workers=min(CONCURRENT_FETCHES, len(feeds)), thread_name_prefix="partner") as pool:
        futures = {
            pool.submit(
                _download,
                _Request(feed.feed_url, feed.etag, feed.last_modified, feed.snapshot is not None),
                deadline,
                language,
            ): index
            for index, feed in enumerate(feeds)
        }
        for future in as_completed(futures):
            index = futures[future]
            try:
                download = future.result()
            except Exception:  # A bug, not the partner's doing: logged whole, the other feeds still stored.
                logger.exception("Partner feed %s (%s) failed unexpectedly", feeds[index].name, feeds[index].feed_url)
                download = _Download(timezone.now(), error=gettext("Unexpected error; see the server log."))
            stored[index] = _store(feeds[index], download)
    return RollUp([stored[index] for index in range(len(feeds))])
