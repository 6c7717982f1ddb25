"""Write a campaign bundle (see the package docstring)."""

from __future__ import annotations

import hashlib
import json
import posixpath
import zipfile

from wagtail.documents import get_document_model
from wagtail.models import Page

from soroptimist_advocacy.bundle import FORMAT, VERSION
from soroptimist_advocacy.bundle.images import IMAGE_FIELDS, image_entry
from soroptimist_advocacy.bundle.refs import remap
from soroptimist_advocacy.bundle.translation_strings import live_translations
from soroptimist_advocacy.directory.csv_format import csv_text
from soroptimist_advocacy.directory.public_export import public_decision_makers
from soroptimist_advocacy.directory.records import page_values
from soroptimist_advocacy.models.letter_template import LetterTemplate, read_document_bytes
from soroptimist_advocacy.models.resource import resource_page_models
from soroptimist_advocacy.web.privacy import publicly_visible

CAMPAIGN_FIELDS = (
    "title",
    "slug",
    "intro",
    "opens_on",
    "closes_on",
    "closed_message",
    "privacy_text",
    "target_countries",
    "share_text",
)
RESOURCE_FIELDS = ("title", "slug", "resource_type", "publication_date", "summary", "external_url")


def _jsonable(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _campaign_value(page, name):
    if name == "target_countries":  # A multiple CountryField: its ISO codes, as the import expects.
        return [country.code for country in page.target_countries]
    return _jsonable(getattr(page, name))


class BundleWriter:
    def __init__(self) -> None:
        self.documents: dict[int, dict] = {}  # By local id.
        self.files: dict[str, bytes] = {}
        self.templates: dict[int, dict] = {}
        self.images: dict[int, dict] = {}  # By local id.
        self.pages: dict[int, str] = {}  # Local page id -> translation_key, for references.

    def document(self, document_id) -> str | None:
        """The document's bundle id (SHA-1 of its bytes), adding it to the bundle."""
        Document = get_document_model()
        document = Document.objects.filter(pk=document_id).first()
        if document is None:
            return None
        if document.pk not in self.documents:
            data = read_document_bytes(document)
            digest = hashlib.sha1(data).hexdigest()
            extension = posixpath.splitext(document.file.name)[1].lower()[:10]
            name = f"documents/{digest}{extension}"
            self.files[name] = data
            self.documents[document.pk] = {
                "id": digest,
                "title": document.title,
                "file": name,
                "filename": posixpath.basename(document.file.name)[:100],
            }
        return self.documents[document.pk]["id"]

    def image(self, image) -> str | None:
        """The image's bundle id (SHA-1 of its bytes), adding it to the bundle."""
        if image is None:
            return None
        if image.pk not in self.images:
            entry, data = image_entry(image)
            self.files[entry["file"]] = data
            self.images[image.pk] = entry
        return self.images[image.pk]["id"]

    def template(self, template_id) -> str | None:
        template = LetterTemplate.objects.filter(pk=template_id).first()
        if template is None:
            return None
        if template.pk not in self.templates:
            self.templates[template.pk] = {
                "id": str(template.translation_key),
                "name": template.name,
                "notes": template.notes,
                "document": self.document(template.document_id) if template.document_id else None,
            }
        return self.templates[template.pk]["id"]

    def reference(self, kind, value):
        if kind == "document":
            return {"document": self.document(value)}
        if kind == "snippet":
            return {"letter_template": self.template(value)}
        key = Page.objects.filter(pk=value).values_list("translation_key", flat=True).first()
        return {"page": str(key)} if key else None


def campaign_bundle(page, path) -> None:
    """Write *page*'s bundle to *path*."""
    page = page.specific
    writer = BundleWriter()
    body = remap(page.body.stream_block, list(page.body.raw_data), writer.reference)
    resources = []
    resource_keys = {key["page"] for key in _page_refs(body)}
    # Only what a visitor may see travels: a resource under a view restriction stays on this site.
    # Of any resource page type (a site's own included): what the campaign's resource lists chose.
    resource_pages = Page.objects.type(*resource_page_models()).filter(
        translation_key__in=resource_keys, locale=page.locale
    )
    resource_pages = list(publicly_visible(resource_pages).specific())
    for resource in resource_pages:
        resources.append(
            {
                "id": str(resource.translation_key),
                **{name: _jsonable(getattr(resource, name)) for name in RESOURCE_FIELDS},
                "document": writer.document(resource.document_id) if resource.document_id else None,
            }
        )
    directory = page.get_directory()
    # Before the manifest's image list: a translation's own images are added to the bundle here.
    translations = {
        **_translations(page, resource_pages, directory),
        "campaign_images": _image_overrides(page, writer),
    }
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "campaign": {
            "id": str(page.translation_key),
            "language": page.locale.language_code,
            **{name: _campaign_value(page, name) for name in CAMPAIGN_FIELDS},
            "body": body,
            "sources": list(page.sources.raw_data),
            "hero_image": writer.image(page.hero_image),
            "share_image": writer.image(page.share_image),
            "directory": str(directory.translation_key) if directory else None,
        },
        "resources": resources,
        "letter_templates": list(writer.templates.values()),
        "documents": list(writer.documents.values()),
        "images": list(writer.images.values()),
        "directory": {
            "id": str(directory.translation_key),
            "title": directory.title,
            "slug": directory.slug,
            "file": "directory.csv",
        }
        if directory
        else None,
        # Each page's live translations, as wagtail-localize's strings (see translation_strings.py).
        "translations": translations,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        for name, data in writer.files.items():
            bundle.writestr(name, data)
        if directory:
            bundle.writestr("directory.csv", csv_text(page_values(dm) for dm in public_decision_makers(directory)))


def _translations(page, resource_pages, directory) -> dict:
    """The live translations of the campaign and of the pages that travel with it; decision makers
    by ``external_id``, as the directory's CSV names them."""
    listings = {resource.get_parent() for resource in resource_pages}
    return {
        "campaign": live_translations(page),
        "resource_listing": live_translations(next(iter(listings))) if len(listings) == 1 else {},
        "resources": {str(resource.translation_key): live_translations(resource) for resource in resource_pages},
        "directory": live_translations(directory) if directory else {},
        "decision_makers": {
            decision_maker.external_id: live_translations(decision_maker)
            for decision_maker in public_decision_makers(directory)
            if decision_maker.external_id
        }
        if directory
        else {},
    }


def _image_overrides(page, writer) -> dict:
    """The hero and share images a live translation chose instead of the campaign's (a wagtail-localize
    override), by language: the images travel as the bundle's own files."""
    overrides = {}
    translations = type(page).objects.filter(translation_key=page.translation_key, live=True).exclude(pk=page.pk)
    for translated in translations.select_related("locale"):
        chosen = {
            name: writer.image(getattr(translated, name))
            for name in IMAGE_FIELDS
            if getattr(translated, f"{name}_id") not in (None, getattr(page, f"{name}_id"))
        }
        if chosen:
            overrides[translated.locale.language_code] = chosen
    return overrides


def _page_refs(value):
    if isinstance(value, dict):
        if set(value) == {"page"}:
            yield value
        else:
            for item in value.values():
                yield from _page_refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from _page_refs(item)
