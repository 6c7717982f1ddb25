"""A .docx is a package, not a folder of names: its parts found the way Word finds them.

Word starts from ``_rels/.rels``, follows the ``officeDocument`` relationship to
the main document, and from each part its own relationships (headers,
footers, footnotes, comments, glossary...), whatever the parts are called. Each
part's type comes from ``[Content_Types].xml``. This module reads that layout
and refuses packages that are not plain Word documents.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from soroptimist_advocacy.letters.safety.safexml import parse_untrusted

RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
OFFICE_DOCUMENT = "/officeDocument"  # the end of the relationship type, in both OOXML namespaces
MAIN_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

NOT_PLAIN_WORD = _(
    "This file is not laid out as a plain Word document (%(problem)s). Open it in Word, save it as "
    "“Word Document (.docx)” and upload that copy."
)
_NO_MAIN_PART = _("its main document cannot be found")
_NO_CONTENT_TYPE = _("a part has no declared type")


@dataclass
class PackageLayout:
    """Which part is the main document, every part reachable from it, and each part's type."""

    main_part: str
    reachable: set[str] = field(default_factory=set)
    content_types: dict[str, str] = field(default_factory=dict)

    def content_type(self, name: str) -> str:
        return self.content_types.get(name, "")


def _relationships_member(part: str) -> str:
    """The zip member holding *part*'s relationships ("" is the package itself)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _resolve(source_part: str, target: str) -> str:
    """The zip member a relationship's target names, relative to its source part (OPC §9.3)."""
    target = unquote(target.split("#", 1)[0])
    if target.startswith("/"):
        resolved = posixpath.normpath(target)
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))
    return resolved.lstrip("/")


def _refuse(problem) -> ValidationError:
    return ValidationError(NOT_PLAIN_WORD, code="not_plain_word", params={"problem": problem})


def _read_xml(package: zipfile.ZipFile, names: dict[str, str], member: str):
    actual = names.get(member.casefold())  # part names are case-insensitive
    if actual is None:
        return None
    try:
        return parse_untrusted(package.read(actual))
    except Exception:
        return None


def _content_types(root) -> dict[str, dict[str, str]]:
    """Each part's content type, by its member name (casefolded)."""
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    if root is not None:
        for entry in root:
            if entry.tag == CONTENT_TYPES + "Default":
                defaults[entry.get("Extension", "").casefold()] = entry.get("ContentType", "")
            elif entry.tag == CONTENT_TYPES + "Override":
                overrides[entry.get("PartName", "").lstrip("/").casefold()] = entry.get("ContentType", "")
    return {"defaults": defaults, "overrides": overrides}


def read_layout(package: zipfile.ZipFile) -> PackageLayout:
    """The package's layout as Word reads it; ValidationError when it is not a plain Word document."""
    names = {info.filename.casefold(): info.filename for info in package.infolist() if not info.is_dir()}
    types = _content_types(_read_xml(package, names, "[Content_Types].xml"))

    def content_type(member: str) -> str:
        key = member.casefold()
        if key in types["overrides"]:
            return types["overrides"][key]
        return types["defaults"].get(posixpath.splitext(key)[1].lstrip("."), "")

    main_part = None
    reachable: set[str] = set()
    pending = [("", "_rels/.rels")]
    while pending:
        source, rels_member = pending.pop()
        root = _read_xml(package, names, rels_member)
        if root is None:
            continue
        for relationship in root.iter(RELATIONSHIP):
            if relationship.get("TargetMode") == "External":
                continue
            target = names.get(_resolve(source, relationship.get("Target", "")).casefold())
            if target is None:
                continue
            if source == "" and relationship.get("Type", "").endswith(OFFICE_DOCUMENT):
                main_part = target
            if target not in reachable:
                reachable.add(target)
                pending.append((target, _relationships_member(target)))

    if main_part is None or content_type(main_part) != MAIN_DOCUMENT_TYPE:
        raise _refuse(_NO_MAIN_PART)
    layout = PackageLayout(main_part, reachable)
    for member in names.values():
        if member == "[Content_Types].xml" or member.casefold().endswith(".rels"):
            continue
        declared = content_type(member)
        if not declared:
            raise _refuse(_NO_CONTENT_TYPE)
        layout.content_types[member] = declared
    return layout
