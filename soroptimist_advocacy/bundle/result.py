"""What an import did (or, in a dry run, would do) under its parent: each object and its change."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from wagtail.models import Page

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
ACTION_LABELS = {CREATED: _("created"), UPDATED: _("updated"), UNCHANGED: _("unchanged")}

CAMPAIGN = _("campaign")
DIRECTORY = _("directory")
DECISION_MAKER = _("decision maker")
RESOURCE_LISTING = _("resource listing")
RESOURCE = _("resource")
LETTER_TEMPLATE = _("letter template")
DOCUMENT = _("document")


@dataclass
class ImportedItem:
    kind: str
    title: str
    action: str
    where: str = ""  # A page's URL path; "" for snippets and documents.
    note: str = ""  # E.g. "draft", "waiting for approval".
    object: object = None  # The page, template or document (gone again after a dry run).

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS[self.action])


@dataclass
class ImportResult:
    live: bool = False
    dry_run: bool = False
    page: Page | None = None  # The campaign page, once the import has saved it.
    items: list[ImportedItem] = field(default_factory=list)

    def add(self, kind, title: str, action: str, *, where: str = "", note: str = "", obj=None) -> ImportedItem:
        item = ImportedItem(str(kind), title, action, where, note, obj)
        self.items.append(item)
        return item

    def note_on(self, obj, note: str) -> None:
        """Add *note* to what the result says about *obj* (a page it already lists)."""
        for item in self.items:
            if item.object is obj:
                item.note = "; ".join(text for text in (item.note, note) if text)

    def with_action(self, action: str) -> list[ImportedItem]:
        return [item for item in self.items if item.action == action]

    @property
    def created(self) -> list[ImportedItem]:
        return self.with_action(CREATED)

    @property
    def updated(self) -> list[ImportedItem]:
        return self.with_action(UPDATED)

    @property
    def unchanged(self) -> list[ImportedItem]:
        return self.with_action(UNCHANGED)

    @property
    def campaign_page(self) -> Page:
        """The campaign page of an import that has run (saved, or saved and rolled back in a dry run)."""
        if self.page is None:
            raise LookupError("The import has not saved its campaign page.")
        return self.page

    @property
    def has_changes(self) -> bool:
        return bool(self.created or self.updated)

    def summary(self) -> str:
        return gettext("%(created)s created, %(updated)s updated, %(unchanged)s unchanged.") % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
        }
