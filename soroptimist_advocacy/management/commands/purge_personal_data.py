"""``manage.py purge_personal_data [--days N] [--dry-run]``: run it daily from cron."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from soroptimist_advocacy.campaigns.references import purge_references
from soroptimist_advocacy.reports.retention import purge_personal_data, reports_past_retention


class Command(BaseCommand):
    help = (
        "Blank the name, email, notes and response summary of every action report older than the retention "
        "period (the RETENTION_DAYS setting, 365 days by default) and revoke its private link, and blank what "
        "members wrote in decision-maker corrections and suggestions as old. Countries, clubs, actions, dates and response "
        "statuses stay, so campaign figures do not change. Letter reference codes as old are deleted (the letters "
        "they counted stay counted)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, help="Retention period in days, instead of RETENTION_DAYS.")
        parser.add_argument("--dry-run", action="store_true", help="Count the reports concerned; change nothing.")

    def handle(self, *args, days, dry_run, verbosity, **options) -> None:
        if days is not None and days < 0:
            raise CommandError("--days cannot be negative.")
        if dry_run:
            self.stdout.write(f"{reports_past_retention(days=days).count()} report(s) past retention.")
            return
        reports, corrections, suggestions = purge_personal_data(days=days)
        references = purge_references(days=days)
        if verbosity:
            self.stdout.write(
                f"Personal data erased from {reports} report(s) and {corrections} decision-maker correction(s)."
            )
            self.stdout.write(f"Personal data erased from {suggestions} decision-maker suggestion(s).")
            self.stdout.write(f"{references} letter reference code(s) deleted.")
