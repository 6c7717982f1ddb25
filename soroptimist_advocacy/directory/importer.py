"""Import a decision-maker CSV into a directory: plan every change first, then
write all of it in one transaction, or nothing.

:func:`import_decision_makers` is what the ``import_decision_makers`` command
and the admin upload call; a dry run returns the same plan without writing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Page

from soroptimist_advocacy.directory.csv_format import ParsedFile, RowError, read_decision_makers
from soroptimist_advocacy.directory.records import assign, changed_columns, new_page_values
from soroptimist_advocacy.directory.translations import directory_locales, translate_decision_maker

CREATE = "create"
UPDATE = "update"
UNCHANGED = "unchanged"
ACTION_LABELS = {CREATE: _("create"), UPDATE: _("update"), UNCHANGED: _("unchanged")}
# Not a column: an unpublished page that the file lists is published again.
REPUBLISH = "published"


@dataclass
class PlannedChange:
    """What the import does with one line of the file."""

    line: int
    action: str
    values: dict
    page: Page | None = None  # of the directory's decision-maker type (get_decision_maker_model())
    changed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def external_id(self) -> str:
        return self.values["external_id"]

    @property
    def name(self) -> str:
        return self.values.get("full_name") or (self.page.title if self.page else "")

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS[self.action])


@dataclass
class ImportPlan:
    """Every planned change, or the errors that stop the import; ``applied`` once written."""

    directory: Page
    changes: list[PlannedChange] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    applied: bool = False
    translations_synced: int = 0
    # False: every change is saved as a draft revision that an editor publishes; the
    # published pages (what members and other sites see) stay as they are.
    publish: bool = True

    @property
    def is_valid(self) -> bool:
        return not self.errors

    def with_action(self, action: str) -> list[PlannedChange]:
        return [change for change in self.changes if change.action == action]

    @property
    def created(self) -> list[PlannedChange]:
        return self.with_action(CREATE)

    @property
    def updated(self) -> list[PlannedChange]:
        return self.with_action(UPDATE)

    @property
    def unchanged(self) -> list[PlannedChange]:
        return self.with_action(UNCHANGED)

    @property
    def has_changes(self) -> bool:
        return any(change.action != UNCHANGED for change in self.changes)

    def summary(self) -> str:
        return gettext("%(created)s to create, %(updated)s to update, %(unchanged)s unchanged.") % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
        }


class ImportRejected(Exception):
    """Raised inside the transaction so that a write refused late undoes every earlier one."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


def existing_pages_by_external_id(directory, external_ids) -> dict[str, list[Page]]:
    """The directory's decision makers (its own page type, ``get_decision_maker_model()``) by external ID."""
    pages = defaultdict(list)
    decision_makers = directory.get_decision_maker_model().objects.child_of(directory)
    for page in decision_makers.filter(external_id__in=external_ids).order_by("path"):
        pages[page.external_id].append(page)
    return pages


def plan_import(directory, parsed: ParsedFile, *, publish: bool = True) -> ImportPlan:
    """Compare each valid line with the directory's pages (with their latest drafts when the
    import saves drafts); change nothing."""
    plan = ImportPlan(directory=directory, errors=list(parsed.errors), publish=publish)
    if parsed.errors:
        return plan
    existing = existing_pages_by_external_id(directory, [row.values["external_id"] for row in parsed.rows])
    for row in parsed.rows:
        matches = existing.get(row.values["external_id"], [])
        if len(matches) > 1:
            plan.errors.append(
                RowError(
                    row.line,
                    gettext(
                        "%(count)s pages of this directory already have external_id “%(id)s”; give each its "
                        "own in the admin before importing."
                    )
                    % {"count": len(matches), "id": row.values["external_id"]},
                    "external_id",
                )
            )
            continue
        if not matches:
            plan.changes.append(PlannedChange(row.line, CREATE, row.values))
            continue
        page = matches[0]
        if not publish:
            # What an editor would see and publish: the latest draft, not the published page.
            draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
            changed = changed_columns(draft, row.values)
            notes = [gettext("Saved as a draft; the published page stays as it is.")] if changed else []
            plan.changes.append(
                PlannedChange(row.line, UPDATE if changed else UNCHANGED, row.values, page, changed, notes)
            )
            continue
        changed = changed_columns(page, row.values)
        notes = []
        if not page.live:
            changed.append(REPUBLISH)
            notes.append(gettext("It is unpublished; the import publishes it again."))
        if changed and page.has_unpublished_changes:
            notes.append(
                gettext(
                    "It has unpublished draft changes; they stay in its history, but the "
                    "published version will be the file's."
                )
            )
        plan.changes.append(PlannedChange(row.line, UPDATE if changed else UNCHANGED, row.values, page, changed, notes))
    return plan


def available_slug(directory, name: str, external_id: str) -> str:
    """A slug free among the directory's children, from the name (or the ID for a name of symbols)."""
    # As Wagtail's editor does: accented slugs unless the site says otherwise.
    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    base = slugify(name, allow_unicode=allow_unicode)[:200] or slugify(external_id)[:200] or "decision-maker"
    candidate, suffix = base, 1
    while not Page._slug_is_available(candidate, directory):
        suffix += 1
        candidate = f"{base}-{suffix}"
    return candidate


def _publish(page, user) -> None:
    page.save_revision(user=user, log_action=True).publish(user=user)


def _create(directory, change: PlannedChange, user) -> Page:
    values = new_page_values(change.values)
    # Created as a draft and then published through a revision, as the page editor does.
    page = directory.get_decision_maker_model()(owner=user, live=False)
    assign(page, values)
    page.slug = available_slug(directory, values["full_name"], values["external_id"])
    directory.add_child(instance=page)
    log(instance=page, action="wagtail.create", user=user)
    _publish(page, user)
    return page


def _update(change: PlannedChange, user) -> Page:
    page = change.page
    assert page is not None  # an update always names the page it changes
    assign(page, change.values)
    _publish(page, user)
    return page


def _create_draft(directory, change: PlannedChange, user) -> Page:
    """A new page, unpublished, with its first revision: an editor publishes it."""
    page = directory.get_decision_maker_model()(owner=user, live=False)
    assign(page, new_page_values(change.values))
    page.slug = available_slug(directory, page.title, page.external_id)
    directory.add_child(instance=page)
    log(instance=page, action="wagtail.create", user=user)
    page.save_revision(user=user, log_action=True)
    return page


def _update_draft(change: PlannedChange, user) -> Page:
    """A new draft revision on top of the latest one; the published page is left as it is."""
    page = change.page
    assert page is not None  # an update always names the page it changes
    draft = page.get_latest_revision_as_object()
    assign(draft, change.values)
    draft.save_revision(user=user, log_action=True)
    return page


def _row_errors(line: int, error: ValidationError) -> list[RowError]:
    if not hasattr(error, "error_dict"):
        return [RowError(line, message) for message in error.messages]
    return [
        RowError(line, message, "" if name == "__all__" else name)
        for name, messages in error.message_dict.items()
        for message in messages
    ]


def apply_import(plan: ImportPlan, user=None) -> ImportPlan:
    """Write *plan*. Call inside ``transaction.atomic``; raises ImportRejected, undoing all, on a late refusal."""
    if plan.errors:
        raise ImportRejected(plan.errors)
    # Once per import: every page written is translated into the directory's languages.
    locales = directory_locales(plan.directory) if plan.has_changes else []
    for change in plan.changes:
        if change.action == UNCHANGED:
            continue
        try:
            if not plan.publish:
                # Existing translations are synced when an editor publishes the draft, not before.
                if change.action == CREATE:
                    change.page = _create_draft(plan.directory, change, user)
                    # Draft translations, so every language has her page once she is published.
                    translate_decision_maker(change.page, user, locales)
                else:
                    _update_draft(change, user)
            else:
                if change.action == CREATE:
                    change.page = _create(plan.directory, change, user)
                else:
                    _update(change, user)
                plan.translations_synced += translate_decision_maker(change.page, user, locales)
        except ValidationError as error:
            raise ImportRejected(_row_errors(change.line, error)) from error
    plan.applied = True
    return plan


def import_decision_makers(
    directory, data: bytes, *, dry_run: bool = False, user=None, publish: bool = True
) -> ImportPlan:
    """Read *data*, plan the import into *directory* and, unless *dry_run*, write it
    (published, or as drafts when not *publish*).

    The plan is made inside the same transaction as the writes, with the directory
    locked, so two imports at once cannot both create the same decision maker.
    """
    parsed = read_decision_makers(data)
    if not parsed.is_valid:
        return ImportPlan(directory=directory, errors=parsed.errors, publish=publish)
    try:
        with transaction.atomic():
            list(Page.objects.select_for_update().filter(pk=directory.pk).values_list("pk", flat=True))
            plan = plan_import(directory, parsed, publish=publish)
            if plan.errors or dry_run:
                return plan
            return apply_import(plan, user)
    except ImportRejected as rejected:
        return ImportPlan(directory=directory, errors=rejected.errors, publish=publish)
