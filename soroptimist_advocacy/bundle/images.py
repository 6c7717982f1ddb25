"""The campaign's hero and share images: the bundle's own files, checked as the image upload form checks them.

An image travels as a file of the bundle (``images/<sha1>.<ext>``), never as a number of
the partner's site, and is matched on import by the SHA-1 of its bytes (Wagtail's
``file_hash``), so an image the site already holds is reused. Each file goes through
Wagtail's own upload field (``WagtailImageField``: allowed formats, file size, pixel
count, a file Pillow can read) before it is stored; files written to storage are
deleted again when the import is refused or is a dry run, as documents are.
"""

from __future__ import annotations

import hashlib
import os
import posixpath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import get_image_dimensions
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField

from soroptimist_advocacy.bundle.errors import BundleDamaged, Refusals
from soroptimist_advocacy.bundle.reader import BundleReader

MAX_IMAGE = 20 * 1024 * 1024  # Read at most this much; Wagtail's own upload limit is checked after.
IMAGE_FIELDS = ("hero_image", "share_image")


def image_entry(image) -> tuple[dict, bytes]:
    """The manifest entry and bytes of *image*, for the exporter."""
    with image.open_file() as file:
        data = file.read()
    digest = hashlib.sha1(data).hexdigest()
    extension = posixpath.splitext(image.file.name)[1].lower()[:10]
    entry = {
        "id": digest,
        "title": image.title,
        "file": f"images/{digest}{extension}",
        "filename": posixpath.basename(image.file.name)[:100],
    }
    return entry, data


def read_images(reader: BundleReader, manifest: dict, refusals: Refusals) -> dict[str, tuple[dict, bytes]]:
    """Image id -> (manifest entry, bytes): each listed file an image Wagtail's upload form accepts, matching its id."""
    images = {}
    for index, entry in enumerate(manifest["images"]):
        name, digest = str(entry.get("file", "")), str(entry.get("id", ""))
        path = f"images[{index}]"
        if not name.startswith("images/"):
            refusals.add(f"{path}.file", gettext("is not in the bundle's images/ folder."))
            continue
        if not reader.has(name):
            raise BundleDamaged(gettext("The bundle lists an image it does not hold: %(name)s") % {"name": name})
        data = reader.read(name, MAX_IMAGE)
        if hashlib.sha1(data).hexdigest() != digest:
            refusals.add(path, gettext("An image of the bundle does not match its checksum."))
            continue
        try:
            WagtailImageField().clean(SimpleUploadedFile(_filename(entry), data))
        except ValidationError as error:
            refusals.add_error(f"{path}.file", error)
            continue
        images[digest] = (entry, data)
    return images


class ImageStore:
    """Stores the bundle's images as Wagtail images, one per checksum."""

    def __init__(self, images: dict[str, tuple[dict, bytes]]):
        self.images = images
        self.stored: dict = {}
        self.created: list = []

    def get(self, digest):
        """The site's image with the bytes of the bundle's image *digest*, stored if new; None if unknown."""
        if digest not in self.images:
            return None
        if digest not in self.stored:
            entry, data = self.images[digest]
            Image = get_image_model()
            image = Image.objects.filter(file_hash=digest).first()
            if image is None:
                image = Image(title=str(entry.get("title") or "")[:255] or _filename(entry))
                image.file.save(_filename(entry), ContentFile(data), save=False)
                # Checked readable by the upload field already; saved without a form, the size is ours to set.
                image.width, image.height = get_image_dimensions(ContentFile(data))
                self.created.append(image)  # Before saving: a failed save leaves a file behind too.
                image._set_image_file_metadata()
                image.save()
            self.stored[digest] = image
        return self.stored[digest]

    def delete_created_files(self) -> None:
        """Delete the files this store wrote (their rows go with the rolled-back transaction)."""
        for image in self.created:
            image.file.storage.delete(image.file.name)
        self.created.clear()
        self.stored.clear()


def _filename(entry: dict) -> str:
    # Only the sanitised base name is used: the bundle never chooses a storage path.
    filename = os.path.basename(str(entry.get("filename") or "image")).replace("\x00", "")[:100] or "image"
    extension = posixpath.splitext(str(entry["file"]))[1].lower()
    return filename if filename.lower().endswith(extension) else filename + extension
