"""``manage.py import_decision_makers FILE --directory 12 [--dry-run] [--locale en] [--country NG]``"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_countries import countries

from soroptimist_advocacy.directory.csv_format import MAX_FILE_BYTES
from soroptimist_advocacy.directory.importer import CREATE, UNCHANGED, import_decision_makers
from soroptimist_advocacy.directory.locate import DirectoryNotFound, find_directory
from soroptimist_advocacy.directory.popolo_read import MAX_JSON_BYTES, PopoloError, import_csv


class Command(BaseCommand):
    help = (
        "Create or update the decision makers of a directory from a CSV file (columns documented in "
        "soroptimist_advocacy.directory.csv_format) or a Popolo JSON file (export_decision_makers --format popolo, "
        "EveryPolitician), matching records by external_id. Every line is checked first: if any is invalid, each "
        "problem is listed with its line number and nothing is written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file",
            help="The CSV file (UTF-8, with or without a byte-order mark) or Popolo JSON file (.json, or starting with {).",
        )
        parser.add_argument(
            "--directory",
            help="The decision-maker directory: its page ID or URL path. Optional when the site has only one.",
        )
        parser.add_argument(
            "--locale",
            help="Language code of the directory's translation to import into (default: the directory's own).",
        )
        parser.add_argument(
            "--country",
            help="ISO code (NG) of the country of Popolo records whose area names none (EveryPolitician's constituencies).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; write nothing.")

    def handle(self, *args, file, directory, locale, country, dry_run, verbosity, **options) -> None:
        default_country = ""
        if country:
            default_country = country.strip().upper()
            if default_country not in countries:
                raise CommandError(f"--country {country}: not an ISO 3166-1 country code (such as NG or FR).")
        data = self.read(file)
        try:
            data = import_csv(data, file, default_country=default_country)
        except PopoloError as error:
            raise CommandError(f"{file}: {error}") from None
        if len(data) > MAX_FILE_BYTES:
            raise CommandError(f"{file} is larger than {MAX_FILE_BYTES // 1_000_000} MB as CSV; split it.")
        try:
            target = find_directory(directory, locale)
        except DirectoryNotFound as error:
            raise CommandError(str(error)) from None

        plan = import_decision_makers(target, data, dry_run=dry_run)
        if not plan.is_valid:
            for problem in plan.errors:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(plan.errors)} problem(s) in {file}; nothing was imported into {target.url_path}.")

        for change in plan.changes:
            if change.action == UNCHANGED and verbosity < 2:
                continue
            detail = "" if change.action in (CREATE, UNCHANGED) else ": " + ", ".join(change.changed)
            self.stdout.write(f"Line {change.line}: {change.action} {change.name!r} ({change.external_id}){detail}")
            for note in change.notes:
                self.stdout.write(f"    {note}")
        prefix = "Dry run, nothing written: " if dry_run else f"Imported into {target.url_path}: "
        summary = (
            f"{prefix}{len(plan.created)} created, {len(plan.updated)} updated, {len(plan.unchanged)} unchanged."
            if not dry_run
            else f"{prefix}{len(plan.created)} to create, {len(plan.updated)} to update, "
            f"{len(plan.unchanged)} unchanged."
        )
        if plan.translations_synced:
            summary += f" {plan.translations_synced} translation(s) synced."
        self.stdout.write(self.style.SUCCESS(summary))

    def read(self, file: str) -> bytes:
        path = Path(file)
        try:
            # The JSON limit here; a CSV (or the CSV a Popolo file becomes) is held to its own after.
            if path.stat().st_size > MAX_JSON_BYTES:
                raise CommandError(f"{file} is larger than {MAX_JSON_BYTES // 1_000_000} MB; split it.")
            return path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
