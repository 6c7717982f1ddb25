"""A .docx read as Word reads it, judged as a package before anything else is done with it.

Three readings, each trusting only what the one before it established:

* **The zip archive.** Its directory declares each member's sizes; zipfile never
  inflates a member past its declared size, so refusing on the declared sizes
  (member count, per-member and total size, compression ratio, names) bounds all
  later work. Only then is every member decompressed once, within those sizes,
  so that a wrong CRC, a corrupt stream or a size that lies is refused here with
  a message rather than failing in the middle of a letter.
* **Its XML**, always parsed without a DOCTYPE (the vehicle of entity-expansion
  bombs and external entities), entity expansion or network access.
* **Its layout: a package, not a folder of names.** Word starts from
  ``_rels/.rels``, follows the ``officeDocument`` relationship to the main
  document, and from each part its own relationships (headers, footers,
  footnotes, comments, glossary...), whatever the parts are called; each part's
  type comes from ``[Content_Types].xml`` (an ``Override`` for the part, else the
  ``Default`` for its extension). This is the one reading of that layout:
  validation checks, cleaning cleans, language marking marks and the renderer
  fills the parts it names, never parts chosen by name or extension.

A main document or header under any name is a plain Word document (Word Online
saves ``word/document2.xml``). What is refused is a layout that Word would read
one way and python-docx (so docxtpl and the renderer) another: a reference that
only matches its part case-insensitively or once %-decoded, two main documents,
a header or footer whose declared type is not a header's or footer's. Then the
part Word shows could differ from the part that was checked and filled in.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from lxml import etree

from soroptimist_advocacy.letters.limits import (
    COMPRESSION_RATIO_FROM_SIZE,
    MAX_COMPRESSION_RATIO,
    MAX_MEMBER_SIZE,
    MAX_TOTAL_SIZE,
    MAX_ZIP_MEMBERS,
)

# The XML namespaces a package's own parts are written in (WordprocessingML's is W).
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"

# The zip archive

# What every Office package has, under these exact names. The main document may
# have any name: it is found through _rels/.rels (below).
CONTENT_TYPES_MEMBER = "[Content_Types].xml"
REQUIRED_MEMBERS = (CONTENT_TYPES_MEMBER, "_rels/.rels")
_MB = 1024 * 1024

NOT_A_DOCX = _(
    "This file is not a Word document (.docx). In Word, use “Save as” and choose "
    "“Word Document (.docx)”, then upload it again."
)
TOO_MANY_PARTS = _(
    "This Word document is made of too many parts (%(count)s; at most %(limit)s). "
    "Save a simpler copy of the letter and upload it again."
)
TOO_BIG = _(
    "This Word document is too large once unpacked (%(size)s MB; at most %(limit)s MB). "
    "Remove or shrink large pictures and upload it again."
)
PART_TOO_BIG = _(
    "This Word document contains a part that is too large (%(size)s MB; at most %(limit)s MB). "
    "Remove or shrink large pictures and upload it again."
)
COMPRESSION_BOMB = _(
    "This file is not a normal Word document: one of its parts would grow %(ratio)s times "
    "when unpacked. Save the letter again from Word and upload that copy."
)
UNSAFE_NAME = _(
    "This file contains a part named “%(name)s”, which Word never writes and which could make unzip tools "
    "write outside their folder. Save the letter again from Word and upload that copy."
)
DUPLICATE_NAME = _(
    "This file contains two parts named “%(name)s”. Save the letter again from Word and upload that copy."
)
DAMAGED_ARCHIVE = _("This document is damaged; open it in Word and save it again.")
ENCRYPTED = _("This Word document is protected by a password. Remove the password and upload it again.")


# A drive letter ("C:"), a control character, or a backslash (a path separator
# for Windows unzip tools): none appears in a name Word writes.
_UNSAFE_CHARACTERS = re.compile(r"^[A-Za-z]:|[\x00-\x1f\x7f\\]")
_READ_CHUNK = 1024 * 1024


def _is_unsafe_name(name: str) -> bool:
    """Whether copying a member called *name* into a letter could hurt whoever unzips it."""
    return not name or name.startswith("/") or ".." in name.split("/") or bool(_UNSAFE_CHARACTERS.search(name))


def _check_member_names(names: list[str]) -> None:
    for name in names:
        if _is_unsafe_name(name):
            shown = name.encode("unicode_escape").decode("ascii")[:100]
            raise ValidationError(UNSAFE_NAME, code="unsafe_name", params={"name": shown})
    # Part names are case-insensitive in a Word package (OPC).
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise ValidationError(DUPLICATE_NAME, code="duplicate_name", params={"name": name[:100]})
        seen.add(name.casefold())


def _megabytes(size: int) -> int:
    return -(-size // _MB)  # rounded up, so "30 MB; at most 30 MB" never appears


def check_zip_directory(template: bytes) -> None:
    """Raise ValidationError unless *template*'s zip directory describes a reasonable .docx."""
    try:
        with zipfile.ZipFile(io.BytesIO(template)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise ValidationError(NOT_A_DOCX, code="not_docx") from None

    if len(members) > MAX_ZIP_MEMBERS:
        params = {"count": len(members), "limit": MAX_ZIP_MEMBERS}
        raise ValidationError(TOO_MANY_PARTS, code="too_many_parts", params=params)
    # The raw names: zipfile already turns backslashes into slashes on Windows only.
    names = [member.orig_filename for member in members]
    _check_member_names(names)
    if not all(required in names for required in REQUIRED_MEMBERS):
        raise ValidationError(NOT_A_DOCX, code="not_docx")
    for member in members:
        if member.flag_bits & 0x1:
            raise ValidationError(ENCRYPTED, code="encrypted")
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ValidationError(NOT_A_DOCX, code="not_docx")
        if member.file_size > MAX_MEMBER_SIZE:
            raise ValidationError(
                PART_TOO_BIG,
                code="part_too_big",
                params={"size": _megabytes(member.file_size), "limit": MAX_MEMBER_SIZE // _MB},
            )
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > COMPRESSION_RATIO_FROM_SIZE and ratio > MAX_COMPRESSION_RATIO:
            raise ValidationError(COMPRESSION_BOMB, code="compression_bomb", params={"ratio": int(ratio)})
    total = sum(member.file_size for member in members)
    if total > MAX_TOTAL_SIZE:
        params = {"size": _megabytes(total), "limit": MAX_TOTAL_SIZE // _MB}
        raise ValidationError(TOO_BIG, code="too_big", params=params)


def check_archive_data(template: bytes) -> None:
    """Raise ValidationError unless every member decompresses to its declared size and CRC.

    Run after :func:`check_zip_directory`, whose size limits bound the work here:
    zipfile stops at the declared size and then compares the CRC.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(template)) as package:
            for member in package.infolist():
                read = 0
                with package.open(member) as stream:
                    while chunk := stream.read(_READ_CHUNK):
                        read += len(chunk)
                if read != member.file_size:
                    raise zipfile.BadZipFile("size mismatch")
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError):
        raise ValidationError(DAMAGED_ARCHIVE, code="damaged_archive") from None


def check_archive(template: bytes) -> None:
    """The whole archive check: the directory, then every member's data."""
    check_zip_directory(template)
    check_archive_data(template)


# XML from an upload

# "<!DOCTYPE" as it appears in UTF-8 and in both UTF-16 byte orders.
_DOCTYPE_SPELLINGS = tuple("<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be"))


class DoctypeFound(ValueError):
    """The XML declares a DOCTYPE: the vehicle of entity-expansion bombs and external entities."""


def has_doctype(xml: bytes) -> bool:
    return any(spelling in xml for spelling in _DOCTYPE_SPELLINGS)


def parse_untrusted(xml: bytes) -> etree._Element:
    """The root element of *xml*; DoctypeFound if it declares a DOCTYPE, XMLSyntaxError if damaged."""
    if has_doctype(xml):
        raise DoctypeFound
    # A parser per call: lxml parsers must not be shared between threads.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root = etree.fromstring(xml, parser)
    if root.getroottree().docinfo.doctype:  # a DOCTYPE in an encoding the byte scan missed
        raise DoctypeFound
    return root


# The package's layout

PACKAGE = ""  # the source of the package's own relationships (_rels/.rels)
OFFICE_DOCUMENT = "/officeDocument"  # the end of the relationship type, in both OOXML namespaces
WORDML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
MAIN_DOCUMENT_TYPE = WORDML + "document.main+xml"
CORE_PROPERTIES_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
EXTENDED_PROPERTIES_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
# The parts whose text Word shows (and whose fields it runs), by relationship type: Word
# and python-docx must agree on what each one is, so its declared type must be its own.
TEXT_PART_TYPES = {
    "/header": WORDML + "header+xml",
    "/footer": WORDML + "footer+xml",
    "/footnotes": WORDML + "footnotes+xml",
    "/endnotes": WORDML + "endnotes+xml",
    "/comments": WORDML + "comments+xml",
    "/glossaryDocument": WORDML + "document.glossary+xml",
}
# Other kinds of Office document (a spreadsheet, a presentation) whose main part Word does not open.
_WORD_MAIN_TYPES = (WORDML, "application/vnd.ms-word.")

NOT_PLAIN_WORD = _(
    "This file is not laid out as a plain Word document (%(problem)s). Open it in Word, save it as "
    "“Word Document (.docx)” and upload that copy."
)
_NO_MAIN_PART = _("its main document cannot be found")
_SEVERAL_MAIN_PARTS = _("it names more than one main document")
_NO_CONTENT_TYPE = _("a part has no declared type")
_INEXACT_REFERENCE = _("a reference to one of its parts does not name that part exactly")
_WRONG_TYPE = _("a part’s declared type does not match what it is used for")


@dataclass(frozen=True)
class Relationship:
    type: str
    target: str  # the zip member it reaches


@dataclass
class PackageLayout:
    """Which part is the main document, what each part reaches, and each part's type.

    Read by :func:`describe_package`, which never raises: ``problem`` says why
    the package is not a plain Word document, if it is not.
    """

    main_part: str | None = None
    reachable: set[str] = field(default_factory=set)
    # Every member but [Content_Types].xml and the relationship parts: its declared type ("" when none).
    content_types: dict[str, str] = field(default_factory=dict)
    # Each part's internal relationships (PACKAGE for _rels/.rels), and which member holds them.
    relationships: dict[str, list[Relationship]] = field(default_factory=dict)
    relationships_members: dict[str, str] = field(default_factory=dict)
    relationships_sources: dict[str, str] = field(default_factory=dict)  # the other way round
    # Every member by its case-folded name: part names are case-insensitive for Word.
    members: dict[str, str] = field(default_factory=dict)
    problem: ValidationError | None = None

    def content_type(self, member: str) -> str:
        return self.content_types.get(member, "")

    def is_xml(self, member: str) -> bool:
        """Whether Word reads *member* as XML, which its declared type says, never its name."""
        return (
            is_relationships_member(member) or member == CONTENT_TYPES_MEMBER or _is_xml_type(self.content_type(member))
        )

    def is_wordprocessing_xml(self, member: str) -> bool:
        """A WordprocessingML part (document, headers, notes, styles, settings...), where text and revisions live."""
        declared = self.content_type(member).lower()
        return declared.startswith(WORDML) and declared.endswith("+xml")

    def targets(self, type_endings: tuple[str, ...]) -> Iterator[str]:
        """Every part reached by a relationship whose type ends with one of *type_endings*."""
        for relationships in self.relationships.values():
            for relationship in relationships:
                if relationship.type.endswith(type_endings):
                    yield relationship.target

    def target_of(self, source_part: str, target: str) -> str | None:
        """The member Word reads for a relationship of *source_part* whose Target is *target*."""
        return self.members.get(_as_word_resolves(source_part, target).casefold())

    def source_of(self, relationships_member: str) -> str | None:
        """The part whose relationships *relationships_member* holds, if Word reads it as such."""
        return self.relationships_sources.get(relationships_member)

    def require_plain(self) -> None:
        if self.problem is not None:
            raise self.problem


def is_relationships_member(member: str) -> bool:
    # Word finds a part's relationships by name (OPC: folder/_rels/name.rels), whatever their declared type.
    return member.lower().endswith(".rels")


def _is_xml_type(content_type: str) -> bool:
    content_type = content_type.lower()
    return content_type.endswith("+xml") or content_type in ("application/xml", "text/xml")


def relationships_member_of(part: str) -> str:
    """The zip member holding *part*'s relationships (PACKAGE: the package's own)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _as_python_docx_resolves(source_part: str, target: str) -> str:
    """The member python-docx (so docxtpl and the renderer) reads for a target: joined, normalised, as written."""
    return posixpath.normpath(posixpath.join("/", posixpath.dirname(source_part), target)).lstrip("/")


def _as_word_resolves(source_part: str, target: str) -> str:
    """The part name Word reads for a target (OPC §9.3): without its fragment, %-decoded, normalised."""
    return _as_python_docx_resolves(source_part, unquote(target.split("#", 1)[0]))


def refusal(problem: Promise) -> ValidationError:
    return ValidationError(NOT_PLAIN_WORD, code="not_plain_word", params={"problem": problem})


def _read_xml(package: zipfile.ZipFile, member: str | None):
    if member is None:
        return None
    try:
        return parse_untrusted(package.read(member))
    except Exception:  # a DOCTYPE or damaged XML: validation reports it on the member itself
        return None


@dataclass
class _ContentTypes:
    """[Content_Types].xml read as python-docx reads it: case-insensitive, overrides before defaults."""

    defaults: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, root) -> _ContentTypes:
        types = cls()
        for entry in root if root is not None else ():
            if entry.tag == CONTENT_TYPES + "Default":
                types.defaults[entry.get("Extension", "").lower()] = entry.get("ContentType", "")
            elif entry.tag == CONTENT_TYPES + "Override":
                # A part name starts with "/": an override without one names no part.
                types.overrides[entry.get("PartName", "").lower()] = entry.get("ContentType", "")
        return types

    def of(self, member: str) -> str:
        override = self.overrides.get("/" + member.lower())
        if override is not None:
            return override
        return self.defaults.get(posixpath.splitext(member)[1].lstrip(".").lower(), "")


def describe_package(package: zipfile.ZipFile) -> PackageLayout:
    """The package's layout as Word reads it, with the first reason it is not a plain Word document, if any."""
    names = {info.filename.casefold(): info.filename for info in package.infolist() if not info.is_dir()}
    types = _ContentTypes.read(_read_xml(package, names.get(CONTENT_TYPES_MEMBER.casefold())))
    layout = PackageLayout(members=names)
    problems: list[Promise] = []  # each kind once, however many parts have it

    def found(problem: Promise) -> None:
        if problem not in problems:
            problems.append(problem)

    for member in names.values():
        if member != CONTENT_TYPES_MEMBER and not is_relationships_member(member):
            layout.content_types[member] = types.of(member)

    main_parts: list[str] = []
    pending = [PACKAGE]
    visited = {PACKAGE}
    while pending:
        source = pending.pop()
        expected = relationships_member_of(source)
        held_in = names.get(expected.casefold())
        if held_in is None:
            continue
        if held_in != expected:  # Word reads these relationships, python-docx would not
            found(_INEXACT_REFERENCE)
        layout.relationships_members[source] = held_in
        layout.relationships_sources[held_in] = source
        root = _read_xml(package, held_in)
        relationships = layout.relationships.setdefault(source, [])
        for element in root.iter(RELATIONSHIP) if root is not None else ():
            if element.get("TargetMode") == "External":
                continue
            target, kind = element.get("Target", ""), element.get("Type", "")
            as_word_reads = layout.target_of(source, target)
            if as_word_reads is None or as_word_reads != _as_python_docx_resolves(source, target):
                found(_INEXACT_REFERENCE)
                if as_word_reads is None:
                    continue
            relationships.append(Relationship(kind, as_word_reads))
            if source == PACKAGE and kind.endswith(OFFICE_DOCUMENT):
                main_parts.append(as_word_reads)
            expected_type = next((t for end, t in TEXT_PART_TYPES.items() if kind.endswith(end)), None)
            if expected_type is not None and layout.content_type(as_word_reads) != expected_type:
                found(_WRONG_TYPE)
            layout.reachable.add(as_word_reads)
            if as_word_reads not in visited:
                visited.add(as_word_reads)
                pending.append(as_word_reads)

    if len(main_parts) == 1:
        layout.main_part = main_parts[0]
    if not all(layout.content_types.values()):
        found(_NO_CONTENT_TYPE)
    main_type = layout.content_type(layout.main_part) if layout.main_part else ""
    # What is wrong with the main document says the most, so it comes first.
    if main_type and not main_type.lower().startswith(_WORD_MAIN_TYPES):
        layout.problem = ValidationError(NOT_A_DOCX, code="not_docx")  # a spreadsheet, a presentation...
    elif len(main_parts) > 1:
        layout.problem = refusal(_SEVERAL_MAIN_PARTS)
    elif main_type != MAIN_DOCUMENT_TYPE:
        layout.problem = refusal(_NO_MAIN_PART)
    elif problems:
        layout.problem = refusal(problems[0])
    return layout


def read_layout(package: zipfile.ZipFile) -> PackageLayout:
    """The package's layout as Word reads it; ValidationError when it is not a plain Word document."""
    layout = describe_package(package)
    layout.require_plain()
    return layout


def require_loaded_as_laid_out(document, layout: PackageLayout) -> None:
    """Refuse unless python-docx loaded *document* (a python-docx Document) from exactly the layout's parts.

    The rules above are meant to leave no difference between what Word loads
    and what python-docx loads; this makes sure of it where the renderer's
    parts come from, so the part filled in is always the part that was checked.
    """
    loaded = {part.partname.membername: part.content_type for part in document.part.package.iter_parts()}
    laid_out = {member: layout.content_type(member) for member in layout.reachable}
    if loaded != laid_out or document.part.partname.membername != layout.main_part:
        raise refusal(_INEXACT_REFERENCE)
