from django.core.management.base import BaseCommand

from demo.build import build_demo


class Command(BaseCommand):
    help = "Build the demo campaign (idempotent: running it again updates, never duplicates)."

    def handle(self, *args, **options):
        campaign = build_demo()
        self.stdout.write(self.style.SUCCESS(f"Demo campaign ready at {campaign.url}"))
