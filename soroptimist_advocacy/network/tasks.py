"""The network's background work through django-tasks, Wagtail's task library: partner figures
fetched and directories synced out of the request (``--enqueue`` of the commands)."""

from __future__ import annotations

from django_tasks import task

from soroptimist_advocacy.directory.locate import find_directory
from soroptimist_advocacy.network.partners import fetch_all_partners
from soroptimist_advocacy.network.sync import sync_directory


@task()
def fetch_campaign_figures_task() -> list[int]:
    """Refresh every active partner feed; [fresh, failed]."""
    roll_up = fetch_all_partners()
    return [len(roll_up.fresh), len(roll_up.failed)]


@task()
def sync_decision_makers_task(url: str, directory: str, dry_run: bool = False) -> dict:
    """Run ``sync_decision_makers`` in the background; the counts of the diff."""
    result = sync_directory(url, find_directory(directory), dry_run=dry_run)
    return result.counts()
