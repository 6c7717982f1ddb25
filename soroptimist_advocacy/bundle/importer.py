"""Read a campaign bundle into a parent page: every part checked as an upload is, then
all written in one transaction, or nothing.

Pages are matched by the source's ``translation_key`` in the parent's locale,
letter templates likewise, documents by the SHA-1 of their bytes: importing the
same bundle again updates in place. New and updated pages are saved as drafts
unless ``live`` is asked for, so an editor reviews a shared campaign before it
goes out under her site's name.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext
from django_countries import countries
from wagtail.documents import get_document_model
from wagtail.models import Page

from soroptimist_advocacy.bundle import FORMAT, VERSION
from soroptimist_advocacy.bundle.export import CAMPAIGN_FIELDS, RESOURCE_FIELDS
from soroptimist_advocacy.bundle.refs import remap
from soroptimist_advocacy.bundle.zipcheck import MAX_TOTAL_SIZE, check_bundle
from soroptimist_advocacy.directory.csv_format import read_decision_makers
from soroptimist_advocacy.directory.importer import import_decision_makers
from soroptimist_advocacy.letters import clean_template, validate
from soroptimist_advocacy.models.action_kit import ActionKitPage
from soroptimist_advocacy.models.decision_maker import DecisionMakerIndexPage
from soroptimist_advocacy.models.letter_template import LetterTemplate
from soroptimist_advocacy.models.resource import ResourceIndexPage, ResourcePage

MAX_MANIFEST = 5 * 1024 * 1024
MAX_DOCUMENT = 20 * 1024 * 1024


class BundleRefused(Exception):
    def __init__(self, messages):
        super().__init__("; ".join(messages))
        self.messages = list(messages)


@dataclass
class ImportResult:
    page: Page | None = None
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)


def _allowed_extensions() -> set[str]:
    return {
        extension.lower()
        for extension in getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
        or ["pdf", "docx", "doc", "odt", "xlsx", "csv", "txt"]
    }


def _read(package, name: str, limit: int) -> bytes:
    info = package.getinfo(name)
    if info.file_size > limit:
        raise BundleRefused([gettext("A file in the bundle is too large: %(name)s") % {"name": name}])
    with package.open(info) as handle:
        data = handle.read(limit + 1)  # Never trust the declared size alone.
    if len(data) > limit:
        raise BundleRefused([gettext("A file in the bundle is too large: %(name)s") % {"name": name}])
    return data


def _manifest(package) -> dict:
    try:
        manifest = json.loads(_read(package, "manifest.json", MAX_MANIFEST).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BundleRefused([gettext("The bundle's manifest.json is not valid JSON.")]) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BundleRefused([gettext("The file is not a campaign bundle of a version this site reads.")])
    if not isinstance(manifest.get("campaign"), dict):
        raise BundleRefused([gettext("The bundle has no campaign.")])
    for key in ("documents", "letter_templates", "resources"):
        if not isinstance(manifest.get(key, []), list) or not all(isinstance(i, dict) for i in manifest.get(key, [])):
            raise BundleRefused([gettext("The bundle's “%(key)s” is not a list.") % {"key": key}])
    return manifest


def _checked_documents(package, manifest) -> dict[str, tuple[dict, bytes]]:
    """Document id -> (entry, bytes), each of an allowed type and size, its bytes matching its id."""
    documents, names = {}, set(package.namelist())
    for entry in manifest.get("documents", []):
        name, digest = str(entry.get("file", "")), str(entry.get("id", ""))
        extension = posixpath.splitext(name)[1].lower().lstrip(".")
        if name not in names or not name.startswith("documents/"):
            raise BundleRefused([gettext("The bundle lists a document it does not hold.")])
        if extension not in _allowed_extensions():
            raise BundleRefused([gettext("Documents of type “%(type)s” are not allowed.") % {"type": extension}])
        data = _read(package, name, MAX_DOCUMENT)
        if hashlib.sha1(data).hexdigest() != digest:
            raise BundleRefused([gettext("A document of the bundle does not match its checksum.")])
        documents[digest] = (entry, data)
    return documents


def _check_templates(manifest, documents) -> None:
    for entry in manifest.get("letter_templates", []):
        document_id = entry.get("document")
        if document_id is None:
            continue
        if document_id not in documents:
            raise BundleRefused([gettext("A letter template's document is missing from the bundle.")])
        try:
            validate(clean_template(documents[document_id][1]))
        except ValidationError as error:
            raise BundleRefused(
                [
                    gettext("Letter template “%(name)s”: %(error)s")
                    % {"name": str(entry.get("name", ""))[:100], "error": " ".join(error.messages)}
                ]
            ) from error


def _store_document(entry: dict, data: bytes, cache: dict[str, int]) -> int:
    if entry["id"] in cache:
        return cache[entry["id"]]
    Document = get_document_model()
    existing = Document.objects.filter(file_hash=entry["id"]).first()
    if existing is None:
        # Only the sanitised base name is used: the bundle never chooses a storage path.
        filename = os.path.basename(str(entry.get("filename") or "document")).replace("\x00", "")[:100] or "document"
        extension = posixpath.splitext(entry["file"])[1].lower()
        if not filename.lower().endswith(extension):
            filename += extension
        existing = Document(title=str(entry.get("title") or filename)[:255])
        existing.file.save(filename, ContentFile(data), save=False)
        existing._set_document_file_metadata()
        existing.save()
    cache[entry["id"]] = existing.pk
    return existing.pk


def _upsert_page(parent, model, key, values, live, result):
    page = model.objects.filter(translation_key=key, locale=parent.locale).first() if key else None
    if page is None:
        page = model(locale=parent.locale, live=False, **values)
        if key:
            page.translation_key = key
        if Page.objects.child_of(parent).filter(slug=page.slug).exists():
            raise BundleRefused([gettext("The parent already has a page at “%(slug)s”.") % {"slug": page.slug}])
        parent.add_child(instance=page)
        result.created.append(page.title)
    else:
        for name, value in values.items():
            setattr(page, name, value)
        page.full_clean()
        result.updated.append(page.title)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def import_campaign(path, parent, *, live: bool = False, user=None) -> ImportResult:
    """Import the bundle at *path* under *parent*; BundleRefused, with nothing written, on any problem."""
    if os.path.getsize(path) > MAX_TOTAL_SIZE:
        raise BundleRefused([gettext("The bundle is too large.")])
    try:
        package = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise BundleRefused([gettext("The file is not a zip bundle.")]) from None
    with package:
        try:
            check_bundle(package)
        except ValidationError as error:
            raise BundleRefused(error.messages) from None
        manifest = _manifest(package)
        documents = _checked_documents(package, manifest)
        _check_templates(manifest, documents)
        directory_entry = manifest.get("directory")
        directory_csv = None
        if isinstance(directory_entry, dict):
            directory_csv = _read(package, "directory.csv", 1_000_000)
            parsed = read_decision_makers(directory_csv)
            if not parsed.is_valid:
                raise BundleRefused([str(error) for error in parsed.errors])
        try:
            with transaction.atomic():
                return _write(parent.specific, manifest, documents, directory_entry, directory_csv, live, user)
        except ValidationError as error:
            raise BundleRefused(error.messages) from None
        except (KeyError, TypeError, ValueError, AttributeError):
            # A manifest whose values have the wrong shape; the transaction has undone every write.
            raise BundleRefused([gettext("The bundle's manifest.json is malformed.")]) from None


def _target_countries(value) -> list[str]:
    """The bundle's target countries as ISO codes; a bundle written before targets were a
    list holds a number (or nothing), which means every country."""
    if not isinstance(value, list):
        return []
    known = dict(countries)
    codes = [str(code).upper() for code in value]
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise BundleRefused(
            [
                gettext("The bundle's target countries include unknown codes: %(codes)s")
                % {"codes": ", ".join(unknown[:10])}
            ]
        )
    return codes


def _write(
    parent, manifest, documents: dict[str, tuple[dict, bytes]], directory_entry, directory_csv, live, user
) -> ImportResult:
    result = ImportResult()
    document_ids: dict[str, int] = {}
    template_ids: dict[str, int] = {}
    for entry in manifest.get("letter_templates", []):
        template = LetterTemplate.objects.filter(translation_key=entry["id"], locale=parent.locale).first()
        template = template or LetterTemplate(translation_key=entry["id"], locale=parent.locale)
        template.name = str(entry.get("name", ""))[:255]
        template.notes = str(entry.get("notes", ""))
        document_id = entry.get("document")
        template.document_id = _store_document(*documents[document_id], document_ids) if document_id else None
        template.full_clean()  # Validates the .docx once more, as the snippet form does.
        template.save()
        template_ids[entry["id"]] = template.pk

    if directory_entry:
        directory = _upsert_page(
            parent,
            DecisionMakerIndexPage,
            directory_entry["id"],
            {
                "title": str(directory_entry.get("title", ""))[:255],
                "slug": str(directory_entry.get("slug", ""))[:255],
            },
            True,
            result,
        )  # Decision makers are only published under a live directory.
        plan = import_decision_makers(directory, directory_csv, user=user)
        if not plan.is_valid:
            raise BundleRefused([str(error) for error in plan.errors])

    resource_entries = manifest.get("resources", [])
    if resource_entries:
        index = ResourceIndexPage.objects.child_of(parent).first() or _upsert_page(
            parent, ResourceIndexPage, None, {"title": gettext("Resources"), "slug": "resources"}, True, result
        )
        for entry in resource_entries:
            values = {name: entry.get(name) for name in RESOURCE_FIELDS}
            values["external_url"] = values["external_url"] or ""
            values["summary"] = values["summary"] or ""
            if entry.get("document"):
                values["document_id"] = _store_document(*documents[entry["document"]], document_ids)
            _upsert_page(index, ResourcePage, entry["id"], values, True, result)

    def local(kind, reference):
        if not isinstance(reference, dict):
            return None
        if "document" in reference:
            entry = documents.get(reference["document"])
            return _store_document(*entry, document_ids) if entry else None
        if "letter_template" in reference:
            return template_ids.get(reference["letter_template"])
        return (
            Page.objects.filter(translation_key=reference.get("page"), locale=parent.locale)
            .values_list("pk", flat=True)
            .first()
        )

    campaign = manifest["campaign"]
    page_class = ActionKitPage
    values = {name: campaign.get(name) for name in CAMPAIGN_FIELDS}
    for name in ("intro", "closed_message", "privacy_text"):
        values[name] = values[name] or ""
    values["target_countries"] = _target_countries(values["target_countries"])
    values["body"] = json.dumps(remap(page_class.body.field.stream_block, campaign.get("body") or [], local))
    if campaign.get("directory"):
        values["directory_id"] = local("page", {"page": campaign["directory"]})
    result.page = _upsert_page(parent, page_class, campaign["id"], values, live, result)
    return result
