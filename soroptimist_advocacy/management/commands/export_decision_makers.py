"""``manage.py export_decision_makers [--directory 12] [--format csv|popolo] [--output FILE] [--locale en]``"""

from __future__ import annotations

import io
import json

from django.core.management.base import BaseCommand, CommandError, CommandParser
from wagtail.models import Locale

from soroptimist_advocacy.directory.csv_format import write_decision_makers
from soroptimist_advocacy.directory.locate import DirectoryNotFound, decision_makers_for_export, find_directory
from soroptimist_advocacy.directory.popolo import popolo_document
from soroptimist_advocacy.directory.records import page_values


class Command(BaseCommand):
    help = (
        "Write the live decision makers as the import CSV (so that importing the file again changes nothing) "
        "or as Popolo JSON for other civic-tech tools."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--directory", help="A directory's page ID or URL path (default: every directory in the locale)."
        )
        parser.add_argument("--format", choices=["csv", "popolo"], default="csv")
        parser.add_argument("--output", help="File to write (default: standard output).")
        parser.add_argument("--locale", help="Language code (default: the directory's own, else the default locale).")

    def handle(self, *args, directory, format, output, locale, **options) -> None:
        try:
            target = find_directory(directory, locale) if directory else None
            pages = list(decision_makers_for_export(target, locale))
        except DirectoryNotFound as error:
            raise CommandError(str(error)) from None

        if format == "popolo":
            language = target.locale.language_code if target else (locale or Locale.get_default().language_code)
            text = json.dumps(popolo_document(pages, language), ensure_ascii=False, indent=2) + "\n"
        else:
            stream = io.StringIO(newline="")
            write_decision_makers((page_values(page) for page in pages), stream)
            text = stream.getvalue()
            unidentified = sum(1 for page in pages if not page.external_id)
            if unidentified:
                self.stderr.write(
                    f"{unidentified} decision maker(s) have no external_id: give them one in the admin before "
                    "importing this file again, or the import will refuse those lines."
                )

        if output:
            try:
                with open(output, "w", encoding="utf-8", newline="") as handle:
                    handle.write(text)
            except OSError as error:
                raise CommandError(f"Cannot write {output}: {error.strerror}.") from None
            self.stderr.write(f"{len(pages)} decision maker(s) written to {output}.")
        else:
            self.stdout.write(text, ending="")
