"""Keep a directory in sync with another site's public export.

The upstream file is fetched through :mod:`.fetch`, read by exactly the CSV
import's reader and planned and written by the importer: all or nothing, matched
by ``external_id``. A sync never deletes: a record upstream no longer lists is
flagged "missing upstream". A record an editor marked "managed locally" is left
alone. A dry run prints the same diff and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Page

from soroptimist_advocacy.directory.csv_format import MAX_FILE_BYTES, ParsedFile, RowError, read_decision_makers
from soroptimist_advocacy.directory.importer import ImportPlan, ImportRejected, apply_import, plan_import
from soroptimist_advocacy.directory.popolo_read import PopoloError, looks_like_json, popolo_to_csv
from soroptimist_advocacy.models.sync_state import DecisionMakerSyncState, DirectorySyncSource
from soroptimist_advocacy.network.fetch import FetchError, fetch


@dataclass
class SyncResult:
    url: str
    dry_run: bool
    not_modified: bool = False
    plan: ImportPlan | None = None
    errors: list[str] = field(default_factory=list)
    fetch_error: str = ""  # Upstream could not be fetched at all (also in *errors*).
    # Decision makers of the directory's own page type (its get_decision_maker_model()).
    managed_locally: list[Page] = field(default_factory=list)
    missing_upstream: list[Page] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self) -> dict:
        plan = self.plan
        return {
            "added": len(plan.created) if plan else 0,
            "changed": len(plan.updated) if plan else 0,
            "unchanged": len(plan.unchanged) if plan else 0,
            "managed_locally": len(self.managed_locally),
            "missing_upstream": len(self.missing_upstream),
            "not_modified": self.not_modified,
            "errors": len(self.errors),
        }


def _read_upstream(body: bytes, content_type: str) -> ParsedFile:
    """CSV or Popolo JSON, validated exactly as ``import_decision_makers`` validates a file."""
    if looks_like_json(body, content_type):
        try:
            body = popolo_to_csv(body)
        except PopoloError as error:
            return ParsedFile(errors=[RowError(1, str(error))])
    if len(body) > MAX_FILE_BYTES:
        return ParsedFile(
            errors=[
                RowError(
                    1, gettext("The file is larger than %(size)s MB; split it.") % {"size": MAX_FILE_BYTES // 1_000_000}
                )
            ]
        )
    return read_decision_makers(body)


def _states(pages) -> dict[int, DecisionMakerSyncState]:
    return {state.page_id: state for state in DecisionMakerSyncState.objects.filter(page__in=[p.pk for p in pages])}


def sync_directory(url: str, directory, *, dry_run: bool = False, user=None, force: bool = False) -> SyncResult:
    """Fetch *url* and apply it to *directory* (unless *dry_run*); never raises for bad input."""
    result = SyncResult(url=url, dry_run=dry_run)
    source = DirectorySyncSource.objects.filter(directory=directory, url=url).first()
    # The last fetch's validators make the request conditional, unless a dry run or force wants the whole file.
    validators = source if not dry_run and not force else None
    try:
        fetched = fetch(
            url,
            etag=validators.etag if validators else "",
            last_modified=validators.last_modified if validators else "",
            accept="text/csv, application/json",
        )
    except FetchError as error:
        result.fetch_error = str(error)
        result.errors.append(result.fetch_error)
        return result
    # A 304 to a request without validators (a misbehaving server) is read as an empty file.
    if fetched.status == 304 and source is not None:
        result.not_modified = True
        DirectorySyncSource.objects.filter(pk=source.pk).update(last_synced_at=timezone.now())
        return result

    parsed = _read_upstream(fetched.body, fetched.content_type)
    if not parsed.is_valid:
        result.errors.extend(str(error) for error in parsed.errors)
        return result

    upstream_ids = {row.values["external_id"] for row in parsed.rows}
    try:
        with transaction.atomic():
            # The same lock as the importer: two syncs or imports at once never both create a record.
            list(type(directory).objects.select_for_update().filter(pk=directory.pk).values_list("pk", flat=True))
            decision_makers = directory.get_decision_maker_model().objects.child_of(directory)
            children = list(decision_makers.exclude(external_id=""))
            states = _states(children)
            local_ids = {
                page.external_id for page in children if states.get(page.pk) and states[page.pk].managed_locally
            }
            result.managed_locally = [
                p for p in children if p.external_id in local_ids and p.external_id in upstream_ids
            ]
            result.missing_upstream = [
                p for p in children if p.external_id not in upstream_ids and p.external_id not in local_ids
            ]
            kept = ParsedFile(
                columns=parsed.columns, rows=[row for row in parsed.rows if row.values["external_id"] not in local_ids]
            )
            result.plan = plan = plan_import(directory, kept)
            if plan.errors:
                result.errors.extend(str(error) for error in plan.errors)
                return result
            if dry_run:
                return result
            apply_import(plan, user)
            _record(result, plan, directory, url, fetched, states)
    except ImportRejected as rejected:
        result.errors.extend(str(error) for error in rejected.errors)
    return result


def _record(result: SyncResult, plan: ImportPlan, directory, url, fetched, states) -> None:
    """Sync bookkeeping for the applied *plan*, inside the import's transaction."""
    now = timezone.now()
    for change in plan.changes:
        assert change.page is not None  # apply_import gave each created row its page
        DecisionMakerSyncState.objects.update_or_create(
            page_id=change.page.pk,
            defaults={"source": url, "last_synced_at": now, "missing_upstream": False},
        )
    for page in result.missing_upstream:
        state = states.get(page.pk)
        if state is None or not state.missing_upstream:
            DecisionMakerSyncState.objects.update_or_create(page_id=page.pk, defaults={"missing_upstream": True})
    DirectorySyncSource.objects.update_or_create(
        directory=directory,
        url=url,
        defaults={"etag": fetched.etag[:255], "last_modified": fetched.last_modified[:64], "last_synced_at": now},
    )
