"""``manage.py sync_decision_makers URL --directory PATH [--dry-run] [--enqueue]``"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from soroptimist_advocacy.directory.locate import DirectoryNotFound, find_directory
from soroptimist_advocacy.network.sync import sync_directory
from soroptimist_advocacy.network.tasks import sync_decision_makers_task


class Command(BaseCommand):
    help = (
        "Bring a directory in line with another site's export (its <directory>/export.csv or export.json), "
        "matching records by external_id. The file is checked like an import: all or nothing. Nothing is "
        "deleted: records upstream no longer lists are flagged “missing upstream”; records marked “managed "
        "locally” are left alone. The host must be listed in the NETWORK_ALLOWED_HOSTS setting."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url", help="The other site's export URL.")
        parser.add_argument("--directory", help="This site's directory: page ID or URL path.")
        parser.add_argument("--locale", help="Language code of the directory's translation to sync into.")
        parser.add_argument("--dry-run", action="store_true", help="Print what would change; write nothing.")
        parser.add_argument("--force", action="store_true", help="Fetch even when upstream says “not modified”.")
        parser.add_argument("--enqueue", action="store_true", help="Run it as a django-tasks task instead.")

    def handle(self, *args, url, directory, locale, dry_run, force, enqueue, verbosity, **options) -> None:
        try:
            target = find_directory(directory, locale)
        except DirectoryNotFound as error:
            raise CommandError(str(error)) from None
        if enqueue:
            task = sync_decision_makers_task.enqueue(url, str(target.pk), dry_run)
            self.stdout.write(f"Enqueued as task {task.id}.")
            return

        result = sync_directory(url, target, dry_run=dry_run, force=force)
        if result.fetch_error:
            raise CommandError(f"Not synced: {result.fetch_error} Nothing was written to {target.url_path}.")
        if not result.ok:
            for problem in result.errors:
                self.stderr.write(problem)
            raise CommandError(f"{len(result.errors)} problem(s) in {url}; nothing was written to {target.url_path}.")
        if result.not_modified:
            self.stdout.write(self.style.SUCCESS(f"{url} is not modified since the last sync; nothing to do."))
            return
        plan = result.plan
        assert plan is not None  # a sync that was accepted and is modified was planned
        for change in plan.created:
            self.stdout.write(f"+ added {change.name!r} ({change.external_id})")
        for change in plan.updated:
            self.stdout.write(f"~ changed {change.name!r} ({change.external_id}): {', '.join(change.changed)}")
        if verbosity >= 2:
            for change in plan.unchanged:
                self.stdout.write(f"= unchanged {change.name!r} ({change.external_id})")
        for page in result.managed_locally:
            self.stdout.write(f"! managed locally, left alone: {page.title!r} ({page.external_id})")
        for page in result.missing_upstream:
            self.stdout.write(f"? missing upstream, kept: {page.title!r} ({page.external_id})")
        counts = result.counts()
        prefix = "Dry run, nothing written: " if dry_run else f"Synced {target.url_path}: "
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix}{counts['added']} added, {counts['changed']} changed, {counts['unchanged']} unchanged, "
                f"{counts['missing_upstream']} missing upstream, {counts['managed_locally']} managed locally."
            )
        )
