"""The network's background work through django-tasks, Wagtail's task library: partner figures
fetched and directories synced out of the request (``--enqueue`` of the commands).

A task whose work failed raises, as the command exits non-zero: the queue then records it as
failed (django-tasks-db's results, RQ's failed job registry) with the reason, where a worker's
operator looks, instead of a "successful" task that changed nothing.
"""

from __future__ import annotations

from django_tasks import task

from soroptimist_advocacy.directory.locate import find_directory
from soroptimist_advocacy.network.partners import fetch_all_partners
from soroptimist_advocacy.network.sync import sync_directory


class NetworkTaskFailed(Exception):
    """A partner fetch or a directory sync run by a worker did not do its work."""


@task()
def fetch_campaign_figures_task() -> list[int]:
    """Refresh every active partner feed; [fresh, failed]. Raises after storing the good
    feeds when one failed (each failed feed keeps its reason, shown in the impact view)."""
    roll_up = fetch_all_partners()
    if roll_up.failed:
        reasons = "; ".join(f"{outcome.feed.name}: {outcome.error}" for outcome in roll_up.failed)
        raise NetworkTaskFailed(f"{len(roll_up.failed)} of {len(roll_up.outcomes)} partner feed(s) failed: {reasons}")
    return [len(roll_up.fresh), len(roll_up.failed)]


@task()
def sync_decision_makers_task(url: str, directory: str, dry_run: bool = False) -> dict:
    """Run ``sync_decision_makers`` in the background; the counts of the diff. Raises when
    upstream could not be fetched or its file was refused (nothing was written then)."""
    result = sync_directory(url, find_directory(directory), dry_run=dry_run)
    if not result.ok:
        raise NetworkTaskFailed(f"Not synced from {url}: " + " ".join(result.errors))
    return result.counts()
