"""``manage.py import_campaign BUNDLE --parent PATH [--live]``"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from soroptimist_advocacy.bundle.importer import BundleRefused, import_campaign
from soroptimist_advocacy.management.commands.export_campaign import find_page


class Command(BaseCommand):
    help = (
        "Read a campaign bundle written by export_campaign under a parent page. Every part is checked as an "
        "upload is (zip, documents, letter templates, directory); on any problem nothing is written. "
        "Importing the same bundle again updates what it created. The campaign is saved as a draft "
        "unless --live is given; its directory and resources are published."
    )

    def add_arguments(self, parser):
        parser.add_argument("bundle")
        parser.add_argument("--parent", required=True, help="The parent page: its ID or URL path.")
        parser.add_argument("--live", action="store_true", help="Publish the campaign page too.")

    def handle(self, *args, bundle, parent, live, **options):
        target = find_page(parent)
        try:
            result = import_campaign(bundle, target, live=live)
        except BundleRefused as refused:
            for message in refused.messages:
                self.stderr.write(message)
            raise CommandError(f"{bundle} refused; nothing was imported.") from None
        except OSError as error:
            raise CommandError(f"Cannot read {bundle}: {error.strerror}.") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {result.page.title!r} ({'live' if live else 'draft'}) under {target.url_path}: "
                f"{len(result.created)} page(s) created, {len(result.updated)} updated."
            )
        )
