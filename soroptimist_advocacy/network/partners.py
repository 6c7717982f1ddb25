"""Fetch partner figures: the latest good snapshot per partner, never lost to a bad fetch."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from soroptimist_advocacy.models.network import PartnerFeed
from soroptimist_advocacy.network.fetch import FetchError, fetch
from soroptimist_advocacy.network.figures_feed import validate_figures

logger = logging.getLogger(__name__)


def fetch_partner(feed: PartnerFeed) -> bool:
    """Fetch and store *feed*'s figures; True when they are fresh. Never raises for a bad feed."""
    now = timezone.now()
    feed.last_attempt_at = now
    try:
        fetched = fetch(feed.feed_url, etag=feed.etag, last_modified=feed.last_modified, accept="application/json")
        if fetched.status == 304 and feed.snapshot is not None:
            feed.fetched_at, feed.last_error = now, ""
        else:
            if fetched.status == 304:  # Validators without a snapshot: nothing to reuse.
                raise FetchError(gettext("The partner answered “not modified” but no figures are stored."))
            feed.snapshot = validate_figures(fetched.body)
            feed.etag, feed.last_modified = fetched.etag[:255], fetched.last_modified[:64]
            feed.fetched_at, feed.last_error = now, ""
    except (FetchError, ValidationError) as error:
        message = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        logger.warning("Partner feed %s (%s) not updated: %s", feed.name, feed.feed_url, message)
        # Only the error fields change: the last good snapshot stays for the roll-up.
        feed.last_error = message[:2000]
        feed.save(update_fields=["last_attempt_at", "last_error"])
        return False
    feed.save(update_fields=["snapshot", "etag", "last_modified", "fetched_at", "last_error", "last_attempt_at"])
    return True


def fetch_all_partners(feeds=None) -> tuple[int, int]:
    """Fetch every active feed; (fresh, failed)."""
    fresh = failed = 0
    for feed in feeds if feeds is not None else PartnerFeed.objects.filter(active=True):
        if fetch_partner(feed):
            fresh += 1
        else:
            failed += 1
    return fresh, failed
