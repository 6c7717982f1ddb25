"""``manifest.json``: read it and check its shape before any value is used.

Each value must have the type the importer expects (text where text goes, lists
where lists go), identifiers must be what the exporter writes, and no text may
hold a NUL character (PostgreSQL refuses it mid-import). Each problem names the
value's path in the manifest; what the values *mean* (dates, slugs, countries,
rich text, blocks) is checked later by the models and blocks themselves.
"""

from __future__ import annotations

import json
import uuid

from django.utils.translation import gettext

from soroptimist_advocacy.bundle import FORMAT, VERSION
from soroptimist_advocacy.bundle.errors import BundleRefused, Refusals

TEXT_FIELDS = {
    "campaign": (
        "title",
        "slug",
        "intro",
        "opens_on",
        "closes_on",
        "closed_message",
        "privacy_text",
        "language",
        "share_text",
    ),
    "resources": ("title", "slug", "resource_type", "publication_date", "summary", "external_url"),
    "letter_templates": ("name", "notes"),
    "documents": ("title", "file", "filename"),
    "images": ("title", "file", "filename"),
}
REQUIRED_TEXT = {
    "campaign": ("title",),
    "resources": ("title",),
    "letter_templates": ("name",),
    "documents": ("file",),
    "images": ("file",),
}
LISTS = ("documents", "images", "letter_templates", "resources")


def parse_manifest(data: bytes) -> dict:
    """The manifest as a dict of this format and version, else BundleRefused."""
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BundleRefused([gettext("The bundle's manifest.json is not valid JSON.")]) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BundleRefused([gettext("The file is not a campaign bundle of a version this site reads.")])
    if not isinstance(manifest.get("campaign"), dict):
        raise BundleRefused([gettext("The bundle has no campaign.")])
    return manifest


def is_key(value) -> bool:
    """A translation key as the exporter writes it: a UUID's text."""
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def check_manifest(manifest: dict, refusals: Refusals) -> None:
    """Record every value of the wrong shape; fill in the optional lists a bundle may leave out."""
    for name in LISTS:
        manifest.setdefault(name, [])
        if not isinstance(manifest[name], list) or not all(isinstance(item, dict) for item in manifest[name]):
            refusals.add(name, gettext("must be a list of objects."))
            manifest[name] = []
    campaign = manifest["campaign"]
    _check_entry("campaign", campaign, "campaign", refusals)
    if not isinstance(campaign.get("body") or [], list):
        refusals.add("campaign.body", gettext("must be a list of blocks."))
    if not isinstance(campaign.get("sources") or [], list):
        refusals.add("campaign.sources", gettext("must be a list of blocks."))
    if campaign.get("directory") is not None and not is_key(campaign["directory"]):
        refusals.add("campaign.directory", gettext("is not an identifier of this bundle format."))
    targets = campaign.get("target_countries")
    # A bundle written before targets were a list holds a number (or nothing): every country.
    if isinstance(targets, list):
        if not all(isinstance(code, str) for code in targets):
            refusals.add("campaign.target_countries", gettext("must be a list of country codes."))
    elif targets is not None and not isinstance(targets, int):
        refusals.add("campaign.target_countries", gettext("must be a list of country codes."))
    for name in ("hero_image", "share_image"):
        if campaign.get(name) is not None and not isinstance(campaign[name], str):
            refusals.add(f"campaign.{name}", gettext("is not an image of this bundle."))
    for kind in ("resources", "letter_templates", "documents", "images"):
        for index, entry in enumerate(manifest[kind]):
            _check_entry(kind, entry, f"{kind}[{index}]", refusals)
    for kind in ("resources", "letter_templates"):
        for index, entry in enumerate(manifest[kind]):
            if entry.get("document") is not None and not isinstance(entry["document"], str):
                refusals.add(f"{kind}[{index}].document", gettext("is not a document of this bundle."))
    directory = manifest.get("directory")
    if directory is not None:
        if not isinstance(directory, dict):
            refusals.add("directory", gettext("must be an object."))
        else:
            _check_entry("directory", directory, "directory", refusals)
    _check_no_nul(manifest, "", refusals)


def _check_entry(kind: str, entry: dict, path: str, refusals: Refusals) -> None:
    if kind not in ("documents", "images") and not is_key(entry.get("id")):
        refusals.add(f"{path}.id", gettext("is not an identifier of this bundle format."))
    for name in TEXT_FIELDS.get(kind, ("title", "slug")):
        value = entry.get(name)
        if value is None and name not in REQUIRED_TEXT.get(kind, ("title",)):
            continue
        if not isinstance(value, str):
            refusals.add(f"{path}.{name}", gettext("must be text."))


def _check_no_nul(value, path: str, refusals: Refusals) -> None:
    if isinstance(value, str):
        if "\x00" in value:
            refusals.add(path or "manifest", gettext("holds a NUL character."))
    elif isinstance(value, dict):
        for key, item in value.items():
            if "\x00" in str(key):
                refusals.add(path or "manifest", gettext("holds a NUL character."))
            _check_no_nul(item, f"{path}.{key}" if path else str(key), refusals)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_no_nul(item, f"{path}[{index}]", refusals)
