"""The bundle's documents: checked as uploads are, then stored once each.

A document is matched by the SHA-1 of its bytes (Wagtail's ``file_hash``), so a
file the site already holds is reused, never changed. Files written to storage are
not part of the database transaction: :class:`DocumentStore` remembers the ones it
wrote so that a refused import or a dry run deletes them again.
"""

from __future__ import annotations

import hashlib
import os
import posixpath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import Q
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument

from soroptimist_advocacy.bundle.errors import BundleDamaged, Refusals
from soroptimist_advocacy.bundle.reader import BundleReader
from soroptimist_advocacy.models.template_versions import read_document_bytes

MAX_DOCUMENT = 20 * 1024 * 1024
DEFAULT_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "csv", "txt"]
# Documents saved without a hash (by scripts, or before Wagtail kept one) that are read to find a match.
MAX_UNHASHED_READS = 20


def allowed_extensions() -> set[str]:
    return {extension.lower() for extension in getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or DEFAULT_EXTENSIONS}


def read_documents(reader: BundleReader, manifest: dict, refusals: Refusals) -> dict[str, tuple[dict, bytes]]:
    """Document id -> (manifest entry, bytes): each listed file of an allowed type, its bytes matching its id."""
    documents = {}
    for index, entry in enumerate(manifest["documents"]):
        name, digest = str(entry.get("file", "")), str(entry.get("id", ""))
        extension = posixpath.splitext(name)[1].lower().lstrip(".")
        if not name.startswith("documents/"):
            refusals.add(f"documents[{index}].file", gettext("is not in the bundle's documents/ folder."))
            continue
        if extension not in allowed_extensions():
            refusals.add(
                f"documents[{index}].file",
                gettext("Documents of type “%(type)s” are not allowed.") % {"type": extension},
            )
            continue
        if not reader.has(name):
            raise BundleDamaged(gettext("The bundle lists a document it does not hold: %(name)s") % {"name": name})
        data = reader.read(name, MAX_DOCUMENT)
        if hashlib.sha1(data).hexdigest() != digest:
            refusals.add(f"documents[{index}]", gettext("A document of the bundle does not match its checksum."))
            continue
        documents[digest] = (entry, data)
    return documents


class DocumentStore:
    """Stores the bundle's documents as Wagtail documents, one per checksum."""

    def __init__(self, documents: dict[str, tuple[dict, bytes]]) -> None:
        self.documents = documents
        self.stored: dict[str, AbstractDocument] = {}
        self.created: list[AbstractDocument] = []

    def get(self, digest, keep=None):
        """The site's document with the bytes of the bundle's document *digest*, stored if new; None if unknown.

        *keep*, a document the object already has, is the answer when it holds those bytes.
        """
        if digest not in self.documents:
            return None
        if keep is not None and holds(keep, digest):
            self.stored.setdefault(digest, keep)
            return keep
        if digest not in self.stored:
            entry, data = self.documents[digest]
            document = self._existing(digest, len(data))
            if document is None:
                document = get_document_model()(title=str(entry.get("title") or "")[:255] or _filename(entry))
                document.file.save(_filename(entry), ContentFile(data), save=False)
                self.created.append(document)  # Before saving: a failed save leaves a file behind too.
                document._set_document_file_metadata()
                document.save()
            self.stored[digest] = document
        return self.stored[digest]

    @staticmethod
    def _existing(digest: str, size: int):
        """A document of the site with these bytes: by its hash, else (saved without one) by reading it."""
        Document = get_document_model()
        document = Document.objects.filter(file_hash=digest).first()
        if document is not None:
            return document
        unhashed = Document.objects.filter(file_hash="").filter(Q(file_size=size) | Q(file_size__isnull=True))
        return next((candidate for candidate in unhashed[:MAX_UNHASHED_READS] if holds(candidate, digest)), None)

    def delete_created_files(self) -> None:
        """Delete the files this store wrote (their rows go with the rolled-back transaction)."""
        for document in self.created:
            document.file.storage.delete(document.file.name)
        self.created.clear()
        self.stored.clear()


def holds(document, digest: str) -> bool:
    """Whether *document*'s file has the SHA-1 *digest* (documents saved without their hash are read)."""
    if document.file_hash:
        return document.file_hash == digest
    try:
        return hashlib.sha1(read_document_bytes(document)).hexdigest() == digest
    except OSError:
        return False


def _filename(entry: dict) -> str:
    # Only the sanitised base name is used: the bundle never chooses a storage path.
    filename = os.path.basename(str(entry.get("filename") or "document")).replace("\x00", "")[:100] or "document"
    extension = posixpath.splitext(str(entry["file"]))[1].lower()
    return filename if filename.lower().endswith(extension) else filename + extension
