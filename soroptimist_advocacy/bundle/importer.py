"""Read a campaign bundle into a parent page, through the doors the admin uses, or not at all.

1. The zip is opened and its members read in one place (:mod:`.reader`): a damaged
   or incomplete bundle is refused, never a traceback.
2. Every value is checked before anything is written: the manifest's shapes
   (:mod:`.manifest`), every rich text as the editor would save it (:mod:`.rich_text`,
   :mod:`.stream`), documents and letter templates as uploads are, the directory as
   its CSV import is.
3. In one transaction, with the parent locked: what the bundle names must be under
   the parent (:mod:`.placement`); pages go through their own ``full_clean`` and
   StreamField values through their blocks' ``to_python`` and ``clean``. Any refusal
   anywhere undoes every write and is reported with the bundle path of its value.

Without ``live`` nothing reaches visitors or members: new pages are unpublished
drafts, existing pages get a draft revision (their published content unchanged),
decision makers likewise, and a letter template's new document waits on the
template for an editor's approval (``LetterTemplate.pending_document``). A dry run is
the same import, rolled back.
"""

from __future__ import annotations

import contextlib
import json
import re
import uuid
from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.fields import RichTextField, StreamField
from wagtail.log_actions import log
from wagtail.models import Page

from soroptimist_advocacy.bundle import result as kinds
from soroptimist_advocacy.bundle.documents import DocumentStore, read_documents
from soroptimist_advocacy.bundle.errors import BundleRefused, Refusals
from soroptimist_advocacy.bundle.export import CAMPAIGN_FIELDS, RESOURCE_FIELDS
from soroptimist_advocacy.bundle.images import IMAGE_FIELDS, ImageStore, read_images
from soroptimist_advocacy.bundle.manifest import check_manifest, parse_manifest
from soroptimist_advocacy.bundle.placement import Placement
from soroptimist_advocacy.bundle.reader import BundleReader
from soroptimist_advocacy.bundle.refs import remap
from soroptimist_advocacy.bundle.result import CREATED, UNCHANGED, UPDATED, ImportResult
from soroptimist_advocacy.bundle.rich_text import checked_rich_text
from soroptimist_advocacy.bundle.stream import StreamCheck, cleaned_stream
from soroptimist_advocacy.bundle.translation_import import TranslationWriter
from soroptimist_advocacy.bundle.translation_strings import check_translations
from soroptimist_advocacy.directory.csv_format import read_decision_makers
from soroptimist_advocacy.directory.importer import import_decision_makers
from soroptimist_advocacy.letters import clean_template, validate
from soroptimist_advocacy.models.action_kit import ActionKitPage
from soroptimist_advocacy.models.letter_template import LetterTemplate
from soroptimist_advocacy.models.resource import ResourceIndexPage

MAX_MANIFEST = 5 * 1024 * 1024
MAX_DIRECTORY = 1_000_000
DIRECTORY_FILE = "directory.csv"
CAMPAIGN_PAGE = ActionKitPage


def directory_page_model():
    """The directory page type a campaign of the bundle's type offers (its ``directory`` field's);
    the directory's decision makers are of that type's ``get_decision_maker_model()``."""
    return CAMPAIGN_PAGE.get_directory_page_model()


TREE_FIELDS = ["path", "depth"]
BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


def _editor_widget(name: str):
    """The widget the admin edits the campaign's rich text field *name* with (its features included)."""
    form_field = cast(forms.Field, CAMPAIGN_PAGE._meta.get_field(name).formfield())  # type: ignore[union-attr]
    return form_field.widget


class _RolledBack(Exception):
    """Leaves a dry run's transaction, carrying what the import would have done."""

    def __init__(self, result) -> None:
        super().__init__()
        self.result = result


class BundleContents:
    """Everything read from the zip and checked without the database: then the zip is closed."""

    def __init__(self, reader: BundleReader) -> None:
        # Problems of single values are kept, not raised: the import goes on (and is rolled back)
        # so that the block checks it makes find theirs too, and one attempt shows them all.
        self.refusals = refusals = Refusals()
        self.manifest = parse_manifest(reader.read("manifest.json", MAX_MANIFEST))
        check_manifest(self.manifest, refusals)
        refusals.raise_if_any()
        self.documents = read_documents(reader, self.manifest, refusals)
        self.images = read_images(reader, self.manifest, refusals)
        self.image_store = ImageStore(self.images)  # The import deletes the files it wrote if refused.
        self.directory_csv = None
        # A directory whose decision makers are all samples (never exported) travels as a header
        # alone: it imports empty, with a note, rather than refusing the whole campaign.
        self.directory_without_rows = False
        if self.manifest.get("directory") is not None:
            csv_data = reader.read(DIRECTORY_FILE, MAX_DIRECTORY)
            lines = [line for line in csv_data.decode("utf-8", "replace").splitlines() if line.strip()]
            self.directory_without_rows = len(lines) <= 1
            if not self.directory_without_rows:
                parsed = read_decision_makers(csv_data)
                for error in parsed.errors:
                    refusals.add(DIRECTORY_FILE, str(error))
                self.directory_csv = None if parsed.errors else csv_data
        self._check_letter_templates(refusals)
        campaign = self.manifest["campaign"]
        for name in ("intro", "privacy_text"):
            campaign[name] = checked_rich_text(_editor_widget(name), campaign.get(name), f"campaign.{name}", refusals)
        stream_block = CAMPAIGN_PAGE.body.field.stream_block
        body_check = StreamCheck(refusals)
        campaign["body"] = body_check.checked(stream_block, campaign.get("body") or [], "campaign.body")
        # The campaign's sources (a slug and a label each) travel with it: a bundle written before
        # they did has none, and the page keeps none.
        campaign["sources"] = body_check.checked(
            CAMPAIGN_PAGE.sources.field.stream_block, campaign.get("sources") or [], "campaign.sources"
        )
        self.body_misshapen = body_check.misshapen
        self.translations = _checked_translations(self.manifest.get("translations"), refusals)

    def _check_letter_templates(self, refusals: Refusals) -> None:
        for index, entry in enumerate(self.manifest["letter_templates"]):
            document_id = entry.get("document")
            if document_id is None:
                continue
            if document_id not in self.documents:
                refusals.add(f"letter_templates[{index}].document", gettext("is not a document of this bundle."))
                continue
            try:
                validate(clean_template(self.documents[document_id][1]))
            except ValidationError as error:
                del self.documents[document_id]  # Not stored, nor checked again, in an import that is refused.
                refusals.add(
                    f"letter_templates[{index}].document",
                    gettext("Letter template “%(name)s”: %(error)s")
                    % {"name": str(entry.get("name", ""))[:100], "error": " ".join(error.messages)},
                )


SINGLE_PAGES = ("campaign", "resource_listing", "directory")  # The translations of one page each.
PAGES_BY_KEY = ("resources", "decision_makers")  # Of many pages, by translation key or external_id.


def _checked_translations(translations, refusals: Refusals) -> dict:
    """The manifest's ``translations`` of the right shape (see translation_strings.py); refusals recorded."""
    if translations is None:
        translations = {}
    if not isinstance(translations, dict):
        refusals.add("translations", gettext("must be an object of translations by page."))
        translations = {}
    checked: dict = {
        name: check_translations(translations.get(name), f"translations.{name}", refusals) for name in SINGLE_PAGES
    }
    for name in PAGES_BY_KEY:
        pages = translations.get(name) or {}
        if not isinstance(pages, dict):
            refusals.add(f"translations.{name}", gettext("must be an object of translations by page."))
            pages = {}
        checked[name] = {
            key: check_translations(value, f"translations.{name}.{key[:100]}", refusals) for key, value in pages.items()
        }
    images = translations.get("campaign_images") or {}
    if not isinstance(images, dict) or not all(
        isinstance(chosen, dict)
        and set(chosen) <= set(IMAGE_FIELDS)
        and all(isinstance(v, str) for v in chosen.values())
        for chosen in images.values()
    ):
        refusals.add("translations.campaign_images", gettext("must be an object of translations by language."))
        images = {}
    checked["campaign_images"] = images
    return checked


def import_campaign(source, parent, *, live: bool = False, user=None, dry_run: bool = False) -> ImportResult:
    """Import the bundle *source* (a path or a binary file) under *parent*.

    Raises BundleRefused, with nothing written, on any problem. A *dry_run* makes
    every write and check, returns what it did, and rolls it all back.
    """
    with BundleReader(source) as reader:
        contents = BundleContents(reader)
    parent = parent.specific
    store = DocumentStore(contents.documents)
    try:
        with transaction.atomic():
            result = _Import(parent, contents, store, live=live, user=user).run()
            result.dry_run = dry_run
            if dry_run:
                raise _RolledBack(result)
    except _RolledBack as rolled_back:
        store.delete_created_files()
        contents.image_store.delete_created_files()
        return rolled_back.result
    except IntegrityError:
        store.delete_created_files()
        contents.image_store.delete_created_files()
        raise BundleRefused(
            [gettext("Another change to these pages was saved at the same time; import the bundle again.")]
        ) from None
    except BaseException:
        store.delete_created_files()
        contents.image_store.delete_created_files()
        raise
    return result


def _comparable(page, names) -> dict:
    """The values of fields *names* of *page* in a form two versions can be compared in."""
    values = {}
    for name in names:
        model_field = page._meta.get_field(name)
        if isinstance(model_field, StreamField):
            stream_block, value = model_field.stream_block, getattr(page, name)
            # Cleaned as the bundle's value was (an unset checkbox is False); stored content that no
            # longer validates is compared as it is, and differs from any bundle's.
            with contextlib.suppress(ValidationError):
                value = stream_block.clean(value)
            raw = stream_block.get_prep_value(value)  # Dates and the like as StreamField stores them:
            values[name] = json.dumps(_canonical(raw), sort_keys=True, cls=DjangoJSONEncoder)
        else:
            values[name] = _canonical(model_field.value_to_string(page))
    return values


def _canonical(value):
    """Stored data without what differs between equal contents: block ids, the newer list item
    wrapping, the editor's block keys in rich text (a bundle written by hand has none of them)."""
    if isinstance(value, dict):
        if value.get("type") == "item" and set(value) <= {"type", "value", "id"}:
            return _canonical(value.get("value"))
        return {key: _canonical(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_canonical(item) for item in value]
    if isinstance(value, str):
        return BLOCK_KEY.sub("", value)
    return value


class _Import:
    def __init__(self, parent, contents: BundleContents, store: DocumentStore, *, live: bool, user) -> None:
        self.parent = parent
        self.manifest = contents.manifest
        self.directory_csv = contents.directory_csv
        self.directory_without_rows = contents.directory_without_rows
        self.body_misshapen = contents.body_misshapen
        self.translations = contents.translations
        self.store = store
        self.images = contents.image_store
        self.live = live
        self.user = user
        self.refusals = contents.refusals
        self.placement = Placement(parent, self.refusals)
        self.result = ImportResult(live=live)
        self.translator = TranslationWriter(self.refusals, self.result, live=live, user=user)

    def run(self) -> ImportResult:
        # One import under a parent at a time: the second waits, then sees the first's pages.
        list(Page.objects.select_for_update().filter(pk=self.parent.pk).values_list("pk", flat=True))
        existing = self._find_existing()
        if self.placement.refused:
            self.refusals.raise_if_any()  # Nothing outside the parent is touched, nor anything written.
        templates = self._write_letter_templates(existing["templates"])
        directory = self._write_directory(existing["directory"])
        self._write_resources(existing["resources"])
        self._write_campaign(existing["campaign"], templates, directory)
        self.translator.translate(
            self.result.page,
            self.translations["campaign"],
            "translations.campaign",
            kinds.CAMPAIGN,
            self._check_page,
            overrides=self._image_overrides(),
        )
        self.translator.note_skipped()
        self.refusals.raise_if_any()
        for document in self.store.stored.values():
            action = CREATED if document in self.store.created else UNCHANGED
            self.result.add(kinds.DOCUMENT, document.title, action, obj=document)
        return self.result

    # -- what exists already, and where ----------------------------------------------------

    def _find_existing(self) -> dict:
        campaign = self.manifest["campaign"]
        directory_entry = self.manifest.get("directory")
        return {
            "campaign": self.placement.existing_page(campaign["id"], CAMPAIGN_PAGE, "campaign.id"),
            "directory": self.placement.existing_page(directory_entry["id"], directory_page_model(), "directory.id")
            if directory_entry
            else None,
            "resources": {
                entry["id"]: self.placement.existing_page(
                    entry["id"], ResourceIndexPage.get_resource_page_model(), f"resources[{index}].id"
                )
                for index, entry in enumerate(self.manifest["resources"])
            },
            "templates": {
                entry["id"]: self.placement.existing_template(entry["id"], f"letter_templates[{index}].id")
                for index, entry in enumerate(self.manifest["letter_templates"])
            },
        }

    # -- pages -------------------------------------------------------------------------------

    def _save_page(self, parent, model, existing, values: dict, path: str, kind, key=None):
        """Create or update a page as the page editor does; None (refusal recorded) when its values are invalid."""
        if existing is None:
            page = model(locale=self.parent.locale, live=False, owner=self.user, **values)
            if key:
                page.translation_key = uuid.UUID(key)
            try:
                page.full_clean(exclude=TREE_FIELDS)  # add_child sets them, and cleans the page again.
            except ValidationError as error:
                self.refusals.add_error(path, error)
                return None
            if not Page._slug_is_available(page.slug, parent):
                self.refusals.add(
                    f"{path}.slug", gettext("The parent already has a page at “%(slug)s”.") % {"slug": page.slug}
                )
                return None
            parent.add_child(instance=page)
            log(instance=page, action="wagtail.create", user=self.user)
            revision = page.save_revision(user=self.user, log_action=True)
            if self.live:
                revision.publish(user=self.user)
            self.result.add(kind, page.title, CREATED, where=page.url_path, note=self._note(), obj=page)
            return page
        if self.live and existing.live:
            # Published on top of what is published, as the directory import does: an editor's
            # unfinished draft is not published with it (it stays in the page's history).
            base = existing
        else:
            # The latest revision is what an editor sees and would change; the published page
            # stays as it is until someone publishes.
            base = existing.get_latest_revision_as_object()
        before = _comparable(base, values)
        for name, value in values.items():
            setattr(base, name, value)
        try:
            base.full_clean()
        except ValidationError as error:
            self.refusals.add_error(path, error)
            return None
        # With --live an unpublished page is published even when its content is the bundle's.
        if _comparable(base, values) == before and (existing.live or not self.live):
            self.result.add(kind, existing.title, UNCHANGED, where=existing.url_path, obj=existing)
            return existing
        note = self._note()
        if self.live and existing.live and existing.has_unpublished_changes:
            note = gettext("its unpublished draft stays in its history")
        revision = base.save_revision(user=self.user, log_action=True)
        if self.live:
            revision.publish(user=self.user)
        self.result.add(kind, base.title, UPDATED, where=existing.url_path, note=note, obj=existing)
        return existing

    def _note(self) -> str:
        return "" if self.live else gettext("draft")

    def _write_directory(self, existing):
        entry = self.manifest.get("directory")
        if not entry:
            return None
        values = {"title": entry.get("title"), "slug": entry.get("slug") or ""}
        directory = self._save_page(
            self.parent, directory_page_model(), existing, values, "directory", kinds.DIRECTORY, entry["id"]
        )
        self.translator.translate(
            directory, self.translations["directory"], "translations.directory", kinds.DIRECTORY, self._check_page
        )
        if directory is not None and self.directory_without_rows:
            self.result.note_on(
                directory,
                gettext("no decision makers came with it (the partner's are samples or private): import or add yours"),
            )
        if directory is None or self.directory_csv is None:
            return directory  # No decision makers, or its CSV was refused already, line by line.
        plan = import_decision_makers(directory, self.directory_csv, user=self.user, publish=self.live)
        if not plan.is_valid:
            for error in plan.errors:
                self.refusals.add(DIRECTORY_FILE, str(error))
            return directory
        for change in plan.changes:
            self.result.add(
                kinds.DECISION_MAKER,
                change.name,
                {"create": CREATED, "update": UPDATED}.get(change.action, UNCHANGED),
                where=change.page.url_path if change.page else "",
                note=self._note() if change.action != "unchanged" else "",
                obj=change.page,
            )
        self._translate_decision_makers(directory)
        return directory

    def _translate_decision_makers(self, directory) -> None:
        """Each decision maker's translations, found by her ``external_id`` as the CSV import finds her."""
        by_external_id = self.translations["decision_makers"]
        if not by_external_id:
            return
        pages = (
            directory.get_decision_maker_model()
            .objects.child_of(directory)
            .filter(external_id__in=list(by_external_id))
        )
        for page in pages.order_by("path"):
            self.translator.translate(
                page,
                by_external_id[page.external_id],
                f"translations.decision_makers.{page.external_id}",
                kinds.DECISION_MAKER,
                self._check_page,
            )

    def _write_resources(self, existing: dict) -> None:
        entries = self.manifest["resources"]
        if not entries:
            return
        index = ResourceIndexPage.objects.child_of(self.parent).first()
        # A new listing gets a title and slug; one already there is left as it is (and published with --live).
        values = {"title": gettext("Resources"), "slug": "resources"} if index is None else {}
        index = self._save_page(self.parent, ResourceIndexPage, index, values, "resources", kinds.RESOURCE_LISTING)
        if index is None:
            return
        self.translator.translate(
            index,
            self.translations["resource_listing"],
            "translations.resource_listing",
            kinds.RESOURCE_LISTING,
            self._check_page,
        )
        for position, entry in enumerate(entries):
            page = existing[entry["id"]]
            values = {name: entry.get(name) for name in RESOURCE_FIELDS}
            values.update(
                summary=values["summary"] or "",
                external_url=values["external_url"] or "",
                slug=values["slug"] or "",
                document=self.store.get(entry.get("document"), keep=page.document if page else None),
            )
            if values["resource_type"] is None:
                values.pop("resource_type")
            if entry.get("document") and values["document"] is None:
                self.refusals.add(f"resources[{position}].document", gettext("is not a document of this bundle."))
                continue
            path = f"resources[{position}]"
            page = self._save_page(
                index, index.get_resource_page_model(), page, values, path, kinds.RESOURCE, entry["id"]
            )
            self.translator.translate(
                page,
                self.translations["resources"].get(entry["id"]),
                f"translations.resources.{entry['id']}",
                kinds.RESOURCE,
                self._check_page,
            )

    def _write_campaign(self, existing, templates: dict, directory) -> None:
        campaign = self.manifest["campaign"]
        values = {name: campaign.get(name) for name in CAMPAIGN_FIELDS}
        for name in ("slug", "intro", "closed_message", "privacy_text", "share_text"):
            values[name] = values[name] or ""
        targets = values["target_countries"]
        # A bundle written before targets were a list holds a number (or nothing): every country.
        values["target_countries"] = [code.upper() for code in targets] if isinstance(targets, list) else []
        body = None
        if not self.body_misshapen:  # Else refused already, at the paths of the values.
            raw_body = remap(CAMPAIGN_PAGE.body.field.stream_block, campaign["body"] or [], self._local(templates))
            body = cleaned_stream(CAMPAIGN_PAGE.body.field.stream_block, raw_body, "campaign.body", self.refusals)
        # A refused body still lets the page's own checks of its other fields speak (the import is refused).
        values["body"] = body if body is not None else []
        sources = None
        if not self.body_misshapen:
            sources_block = CAMPAIGN_PAGE.sources.field.stream_block
            sources = cleaned_stream(sources_block, campaign["sources"] or [], "campaign.sources", self.refusals)
        values["sources"] = sources if sources is not None else []
        for name in IMAGE_FIELDS:
            values[name] = self.images.get(campaign.get(name))
            if campaign.get(name) is not None and values[name] is None:
                self.refusals.add(f"campaign.{name}", gettext("is not an image of this bundle."))
        values["directory"] = self._campaign_directory(campaign.get("directory"), directory)
        self.result.page = self._save_page(
            self.parent, CAMPAIGN_PAGE, existing, values, "campaign", kinds.CAMPAIGN, campaign["id"]
        )

    def _image_overrides(self) -> dict[str, dict[str, int]]:
        """The images a translation chose instead of the campaign's, as ids of this site, by language."""
        overrides: dict[str, dict[str, int]] = {}
        for code, chosen in self.translations["campaign_images"].items():
            for name, digest in chosen.items():
                image = self.images.get(digest)
                if image is None:
                    self.refusals.add(
                        f"translations.campaign_images.{code[:20]}.{name}", gettext("is not an image of this bundle.")
                    )
                else:
                    overrides.setdefault(code, {})[name] = image.pk
        return overrides

    def _check_page(self, page, path: str) -> None:
        """A translated page through the doors its source went through: the editor's converters for
        its rich text, its blocks' checks and its own ``full_clean``."""
        for model_field in page._meta.concrete_fields:
            value, where = getattr(page, model_field.name), f"{path}.{model_field.name}"
            if isinstance(model_field, RichTextField):
                widget = cast(forms.Field, model_field.formfield()).widget
                checked_rich_text(widget, value, where, self.refusals)
            elif isinstance(model_field, StreamField):
                stream_block = model_field.stream_block
                body_check = StreamCheck(self.refusals)
                raw = body_check.checked(stream_block, list(value.raw_data), where)
                if not body_check.misshapen:
                    cleaned_stream(stream_block, raw, where, self.refusals)
        try:
            page.full_clean()
        except ValidationError as error:
            self.refusals.add_error(path, error)

    def _campaign_directory(self, key, imported):
        """The directory the campaign offers: the bundle's own, else a directory of *key* under the parent."""
        if key is None:
            return None
        if imported is not None and str(imported.translation_key) == key:
            return imported
        page = self.placement.local_page(key)
        page = page.specific if page is not None else None
        return page if isinstance(page, directory_page_model()) else None

    def _local(self, templates: dict):
        """The bundle's references in the campaign body, as ids of this site (pages only under the parent)."""

        def local(kind, reference):
            if not isinstance(reference, dict):
                return None
            if "document" in reference:
                document = self.store.get(reference["document"])
                return document.pk if document is not None else None
            if "letter_template" in reference:
                return templates.get(reference["letter_template"])
            page = self.placement.local_page(reference.get("page")) if reference.get("page") else None
            return page.pk if page is not None else None

        return local

    # -- letter templates ----------------------------------------------------------------------

    def _write_letter_templates(self, existing: dict) -> dict[str, int]:
        """Bundle template key -> local template id."""
        ids = {}
        for index, entry in enumerate(self.manifest["letter_templates"]):
            path = f"letter_templates[{index}]"
            template = existing[entry["id"]]
            document = self.store.get(entry.get("document"), keep=template.document if template else None)
            created = template is None
            if created:
                template = LetterTemplate(translation_key=uuid.UUID(entry["id"]), locale=self.parent.locale)
            before = (template.name, template.notes, template.document_id, template.pending_document_id)
            template.name = entry.get("name") or ""
            template.notes = entry.get("notes") or ""
            new_document_id = document.pk if document is not None else None
            if self.live or (created and new_document_id is None):
                template.document_id = new_document_id
                template.pending_document_id, template.pending_since = None, None
            elif new_document_id == template.document_id:
                template.pending_document_id, template.pending_since = None, None  # The bundle agrees with it.
            elif new_document_id is not None and new_document_id != template.pending_document_id:
                # Members keep the document they get until an editor approves this one.
                template.pending_document_id, template.pending_since = new_document_id, timezone.now()
            try:
                template.full_clean()  # Validates the .docx once more, as the snippet form does.
            except ValidationError as error:
                self.refusals.add_error(path, error)
                continue
            after = (template.name, template.notes, template.document_id, template.pending_document_id)
            if created or after != before:
                template.save()
            action = CREATED if created else (UNCHANGED if after == before else UPDATED)
            note = gettext("waiting for approval") if template.pending_document_id else ""
            self.result.add(kinds.LETTER_TEMPLATE, template.name, action, note=note, obj=template)
            ids[entry["id"]] = template.pk
        return ids


__all__ = ["BundleRefused", "ImportResult", "import_campaign"]
