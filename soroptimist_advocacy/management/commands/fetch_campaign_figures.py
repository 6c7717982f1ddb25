"""``manage.py fetch_campaign_figures [--enqueue]``: refresh every active partner feed."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from soroptimist_advocacy.models.network import PartnerFeed
from soroptimist_advocacy.network.partners import fetch_partner
from soroptimist_advocacy.reports.tasks import fetch_campaign_figures_task


class Command(BaseCommand):
    help = (
        "Fetch the figures.json of every active partner feed (snippet “Partner feeds”). A feed that fails "
        "or is malformed keeps its last good figures and is marked stale."
    )

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Run it as a django-tasks task instead.")

    def handle(self, *args, enqueue, **options):
        if enqueue:
            result = fetch_campaign_figures_task.enqueue()
            self.stdout.write(f"Enqueued as task {result.id}.")
            return
        failed = 0
        for feed in PartnerFeed.objects.filter(active=True):
            if fetch_partner(feed):
                self.stdout.write(f"{feed.name}: fresh.")
            else:
                failed += 1
                self.stderr.write(f"{feed.name}: not updated ({feed.last_error}); last good figures kept.")
        self.stdout.write(f"{failed} partner feed(s) failed." if failed else "Every partner feed is fresh.")
