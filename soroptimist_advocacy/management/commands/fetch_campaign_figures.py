"""``manage.py fetch_campaign_figures [--enqueue]``: refresh every active partner feed."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from soroptimist_advocacy.network.partners import fetch_all_partners
from soroptimist_advocacy.network.tasks import fetch_campaign_figures_task


class Command(BaseCommand):
    help = (
        "Fetch the figures.json of every active partner feed (snippet “Partner feeds”), several at once, "
        "within the NETWORK_ROLLUP_TIMEOUT setting. A feed that fails or is malformed keeps its last good "
        "figures and is marked stale; the command then exits with status 1, after storing the good ones."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enqueue", action="store_true", help="Run it as a django-tasks task instead.")

    def handle(self, *args, enqueue, **options) -> None:
        if enqueue:
            result = fetch_campaign_figures_task.enqueue()
            self.stdout.write(f"Enqueued as task {result.id}.")
            return
        roll_up = fetch_all_partners()
        for outcome in roll_up.outcomes:
            if outcome.fresh:
                self.stdout.write(f"{outcome.feed.name}: fresh.")
            else:
                self.stderr.write(f"{outcome.feed.name}: not updated ({outcome.error}); last good figures kept.")
        if roll_up.failed:
            # Non-zero, so cron and monitoring notice a partner that stopped answering.
            names = ", ".join(outcome.feed.name for outcome in roll_up.failed)
            raise CommandError(f"{len(roll_up.failed)} of {len(roll_up.outcomes)} partner feed(s) failed: {names}.")
        self.stdout.write("Every partner feed is fresh." if roll_up.outcomes else "There is no active partner feed.")
