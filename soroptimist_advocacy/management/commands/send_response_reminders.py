"""``manage.py send_response_reminders [--dry-run] [--enqueue]``: run it daily from cron."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from soroptimist_advocacy.reports.reminders import reports_due_for_reminder, send_due_reminders
from soroptimist_advocacy.reports.tasks import send_response_reminders_task


class Command(BaseCommand):
    help = (
        'Email the one "Did you get a response?" reminder to every member who asked for emails, reported '
        "at least REMINDER_DAYS ago and has not added a response. Safe to run as often as you like: each "
        "report is claimed before its email is sent, so no member is ever reminded twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Count the reminders that are due; send nothing.")
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the work to the django-tasks backend (TASKS setting) instead of sending now.",
        )

    def handle(self, *args, dry_run, enqueue, verbosity, **options) -> None:
        if dry_run:
            self.stdout.write(f"{reports_due_for_reminder().count()} reminder(s) due.")
            return
        if enqueue:
            result = send_response_reminders_task.enqueue()
            self.stdout.write(f"Enqueued as task {result.id}.")
            return
        sent = send_due_reminders()
        if verbosity:
            self.stdout.write(f"{sent} reminder(s) sent.")
