"""``manage.py import_campaign BUNDLE --parent PAGE [--live] [--dry-run]``"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from soroptimist_advocacy.bundle.importer import BundleRefused, import_campaign
from soroptimist_advocacy.management.commands.export_campaign import find_page


class Command(BaseCommand):
    help = (
        "Read a campaign bundle written by export_campaign under a parent page. Every value goes through the "
        "checks of the admin's forms (rich text as the editor saves it, blocks, page fields, documents, letter "
        "templates, the directory's CSV); pages the bundle names must be under the parent. On any problem "
        "nothing is written. Importing the same bundle again updates what it created. Without --live every "
        "page is saved as a draft and a letter template's new document waits for an editor's approval."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("bundle")
        parser.add_argument(
            "--parent", required=True, help="The parent page: its ID or its URL path, such as /home/ or /campaigns/."
        )
        parser.add_argument(
            "--live",
            action="store_true",
            help="Publish the pages and use the letter templates' documents at once, without review.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check everything and list what would change; write nothing."
        )

    def handle(self, *args, bundle, parent, live, dry_run, verbosity, **options) -> None:
        target = find_page(parent)
        try:
            result = import_campaign(bundle, target, live=live, dry_run=dry_run)
        except BundleRefused as refused:
            for message in refused.messages:
                self.stderr.write(message)
            raise CommandError(f"{bundle} refused; nothing was imported.") from None
        except OSError as error:
            raise CommandError(f"Cannot read {bundle}: {error.strerror}.") from None
        for item in result.items:
            if item.action != "unchanged" or verbosity > 1:
                where = f" ({item.where})" if item.where else ""
                note = f", {item.note}" if item.note else ""
                self.stdout.write(f"  {item.action_label}: {item.kind} {item.title!r}{where}{note}")
        if dry_run:
            prefix = "Dry run, nothing written"
        else:
            prefix = f"Imported {result.campaign_page.title!r} ({'live' if live else 'draft'})"
        self.stdout.write(self.style.SUCCESS(f"{prefix} under {target.url_path}: {result.summary()}"))
