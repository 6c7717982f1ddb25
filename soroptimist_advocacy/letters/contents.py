"""What a template's parts may hold, and what is taken out of them before any letter is made.

Refused: what Word would fetch or run when a member opens her letter (macros,
embedded objects, outside links other than ordinary hyperlinks, altChunk, field
codes that read files or run commands) and any DOCTYPE. Stripped: what would end
up in every member's letter by mistake (the editor's comments, her tracked
changes, accepted as Word shows them, and the names of whoever wrote or edited
the document). Both work on a package whose zip directory was checked, with its
parts found and typed by its layout (package.py), never by name.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from lxml import etree

from soroptimist_advocacy.letters.package import (
    CONTENT_TYPES,
    CONTENT_TYPES_MEMBER,
    CORE_PROPERTIES_TYPE,
    EXTENDED_PROPERTIES_TYPE,
    RELATIONSHIP,
    DoctypeFound,
    PackageLayout,
    W,
    check_zip_directory,
    describe_package,
    has_doctype,
    is_relationships_member,
    parse_untrusted,
)

# What a template may not carry

HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
SAFE_LINK_SCHEMES = ("http", "https", "mailto")
# Field codes that read other files, talk to other programs or run commands.
FORBIDDEN_FIELDS = frozenset(
    {"DDE", "DDEAUTO", "INCLUDE", "INCLUDETEXT", "INCLUDEPICTURE", "IMPORT", "LINK", "DATABASE", "MACROBUTTON"}
)
_FIELD_NAME = re.compile(r'\s*"?([A-Za-z]+)')

MACROS = _(
    "This document contains macros. Save it in Word as “Word Document (.docx)”, not as a macro-enabled "
    "document, and upload it again."
)
EMBEDDED_OBJECTS = _(
    "This document contains embedded objects (such as OLE objects or ActiveX controls). Remove them and "
    "upload the document again."
)
EXTERNAL_LINK = _(
    "This document refers to an outside file that Word would fetch when the letter is opened (%(target)s), "
    "for example a linked picture or an attached template. Remove it and upload the document again."
)
ALT_CHUNK = _(
    "This document imports other documents into itself (altChunk). Paste their text into the letter instead "
    "and upload it again."
)
FIELD_CODE = _(
    "This document contains a “%(field)s” field, which makes Word fetch or run something when the letter "
    "is opened. Remove the field and upload the document again."
)
DOCTYPE = _(
    "This document contains a part with a DOCTYPE declaration, which Word never writes. Save the letter again "
    "from Word and upload that copy."
)
DAMAGED = _(
    "This Word document is damaged (%(part)s cannot be read). Save the letter again from Word and upload that copy."
)
TEMPLATE_FILE = _(
    "This is a Word template (.dotx). Open it in Word, save it as “Word Document (.docx)” and upload that file."
)


def _relationship_problems(root: etree._Element) -> Iterator[ValidationError]:
    for relationship in root.iter(RELATIONSHIP):
        kind = relationship.get("Type", "")
        target = relationship.get("Target", "")
        if kind.endswith(("/oleObject", "/package", "/control", "/activeXControlBinary")):
            yield ValidationError(EMBEDDED_OBJECTS, code="embedded_object")
        elif kind.endswith(("/aFChunk", "/subDocument")):  # another document Word would pour into this one
            yield ValidationError(ALT_CHUNK, code="alt_chunk")
        elif kind.endswith("/vbaProject"):
            yield ValidationError(MACROS, code="macros")
        # A hyperlink is only followed when the reader clicks it; anything
        # else external (pictures, templates, frames) is fetched on opening.
        elif relationship.get("TargetMode") == "External" and not (
            kind == HYPERLINK and urlsplit(target).scheme.lower() in SAFE_LINK_SCHEMES
        ):
            yield ValidationError(EXTERNAL_LINK, code="external_link", params={"target": target[:100]})


def _content_type_problems(root: etree._Element) -> Iterator[ValidationError]:
    for entry in root:
        content_type = entry.get("ContentType", "").lower()
        if "macroenabled" in content_type or "vbaproject" in content_type or "vbadata" in content_type:
            yield ValidationError(MACROS, code="macros")
        elif "oleobject" in content_type or "activex" in content_type:
            yield ValidationError(EMBEDDED_OBJECTS, code="embedded_object")
        elif content_type.endswith("wordprocessingml.template.main+xml"):
            yield ValidationError(TEMPLATE_FILE, code="template_file")


def field_instructions(root: etree._Element) -> Iterator[str]:
    """Every field's instruction: simple fields', and complex fields' runs joined up."""
    for field in root.iter(W + "fldSimple"):
        yield field.get(W + "instr", "")
    # Complex fields nest; None marks a field whose instruction is over (we are in its result).
    fields: list[list[str] | None] = []
    for element in root.iter(W + "fldChar", W + "instrText"):
        if element.tag == W + "instrText":
            if fields and fields[-1] is not None:
                fields[-1].append(element.text or "")
            continue
        kind = element.get(W + "fldCharType")
        if kind == "begin":
            fields.append([])
        elif fields and kind in ("separate", "end"):
            instruction = fields.pop()
            if instruction is not None:
                yield "".join(instruction)
            if kind == "separate":
                fields.append(None)


def _document_problems(root: etree._Element) -> Iterator[ValidationError]:
    if next(root.iter(W + "altChunk"), None) is not None:
        yield ValidationError(ALT_CHUNK, code="alt_chunk")
    for instruction in field_instructions(root):
        match = _FIELD_NAME.match(instruction)
        if match and match.group(1).upper() in FORBIDDEN_FIELDS:
            yield ValidationError(FIELD_CODE, code="field_code", params={"field": match.group(1).upper()})


def package_problems(package: zipfile.ZipFile, layout: PackageLayout) -> list[ValidationError]:
    """What is wrong with the package's contents, one error per kind of problem.

    *layout* is the package's, read as Word reads it (relationships and content
    types: ``describe_package``); every part Word reads as XML, by its declared type and whatever its name,
    extension or place, is checked for DOCTYPEs, fields and altChunk: Word may
    load a part under any name its relationships give, and an unreferenced part
    has no business carrying fields.
    """
    problems: list[ValidationError] = []
    for info in package.infolist():
        name = info.filename
        lowered = name.lower()
        basename = posixpath.basename(lowered)
        # Refused by name as well as by type below: Word's own names for these never belong in a letter.
        if basename.startswith(("vbaproject", "vbadata")):
            problems.append(ValidationError(MACROS, code="macros"))
        if lowered.startswith(("word/embeddings/", "word/activex/")) or "oleobject" in basename:
            problems.append(ValidationError(EMBEDDED_OBJECTS, code="embedded_object"))
        if info.is_dir():
            continue
        data = package.read(info)
        if not layout.is_xml(name):
            # Declared as something else (a picture...), but Word might still read it as XML: no DOCTYPE anywhere.
            if has_doctype(data):
                problems.append(ValidationError(DOCTYPE, code="doctype"))
            continue
        try:
            root = parse_untrusted(data)
        except DoctypeFound:
            problems.append(ValidationError(DOCTYPE, code="doctype"))
            continue
        except etree.XMLSyntaxError:
            problems.append(ValidationError(DAMAGED, code="damaged", params={"part": name}))
            continue
        if is_relationships_member(name):
            problems.extend(_relationship_problems(root))
        elif name == CONTENT_TYPES_MEMBER:
            problems.extend(_content_type_problems(root))
        else:
            problems.extend(_document_problems(root))
    if not problems and layout.problem is not None:  # a specific refusal (macros, a .dotx...) says more
        problems.append(layout.problem)
    return _one_per_kind(problems)


def _one_per_kind(problems: list[ValidationError]) -> list[ValidationError]:
    seen, unique = set(), []
    for problem in problems:
        key = (problem.code, tuple(sorted((problem.params or {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(problem)
    return unique


# What is taken out of every template

OVERRIDE = CONTENT_TYPES + "Override"
COMMENT_PARTS = ("/comments", "/commentsExtended", "/commentsIds", "/commentsExtensible", "/people")
# Markers of comments in the text.
COMMENT_MARKERS = {W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference"}
# Revision elements whose content is kept (inserted text) or dropped (deleted text).
KEPT_REVISIONS = {W + "ins", W + "moveTo"}
DROPPED_REVISIONS = {W + "del", W + "moveFrom"}
# Records of formatting before a tracked change, and the edges of moves: dropped.
REVISION_RECORDS = {
    W + name
    for name in (
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "numberingChange",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "cellIns",
        "cellDel",
    )
}
PROPERTY_CONTAINERS = {W + "rPr", W + "pPr", W + "trPr", W + "tcPr"}
AUTHOR_ATTRIBUTES = (W + "author", W + "initials")


def _accept_revisions_and_drop_comments(root: etree._Element) -> None:
    for element in list(root.iter(*COMMENT_MARKERS, *REVISION_RECORDS, *KEPT_REVISIONS, *DROPPED_REVISIONS)):
        parent = element.getparent()
        if parent is None:
            continue
        if element.tag == W + "commentReference" and parent.tag == W + "r":
            _remove(parent)  # the run exists only to show the comment's mark
        elif element.tag in DROPPED_REVISIONS and parent.tag == W + "trPr":
            _remove(parent.getparent())  # a deleted table row
        elif element.tag in DROPPED_REVISIONS and parent.tag == W + "rPr" and parent.getparent().tag == W + "pPr":
            _merge_with_next_paragraph(parent.getparent().getparent())  # a deleted paragraph mark
            _remove(element)
        elif element.tag in KEPT_REVISIONS and parent.tag not in PROPERTY_CONTAINERS:
            _unwrap(element)
        else:
            _remove(element)
    for element in root.iter():
        for attribute in AUTHOR_ATTRIBUTES:
            if attribute in element.attrib:
                element.set(attribute, "")


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _merge_with_next_paragraph(paragraph: etree._Element) -> None:
    """Accept the deletion of *paragraph*'s mark: its content joins the next paragraph."""
    following = paragraph.getnext()
    if paragraph.tag != W + "p" or following is None or following.tag != W + "p":
        return
    anchor = following.find(W + "pPr")
    index = 0 if anchor is None else following.index(anchor) + 1
    for offset, child in enumerate(child for child in list(paragraph) if child.tag != W + "pPr"):
        following.insert(index + offset, child)
    _remove(paragraph)


AUTHOR_NAMES = {"creator", "lastModifiedBy", "Company", "Manager"}


def _blank_authors(root: etree._Element) -> None:
    # By local name: some tools (docxcompose-patched python-docx among them) write
    # lastModifiedBy under the wrong namespace, and it still holds a person's name.
    for element in root.iter(etree.Element):
        if etree.QName(element).localname in AUTHOR_NAMES:
            element.text = ""


def _comment_members(layout: PackageLayout) -> set[str]:
    """The comment parts (and their relationships), found by relationship type from any part, whatever their names."""
    members = set()
    for target in layout.targets(COMMENT_PARTS):
        members.add(target)
        if target in layout.relationships_members:
            members.add(layout.relationships_members[target])
    return members


def _parse(package: zipfile.ZipFile, name: str) -> etree._Element:
    try:
        return parse_untrusted(package.read(name))
    except DoctypeFound:
        raise ValidationError(DOCTYPE, code="doctype") from None
    except etree.XMLSyntaxError:
        raise ValidationError(DAMAGED, code="damaged", params={"part": name}) from None


def _cleaned(package: zipfile.ZipFile, name: str, removed: set[str], layout: PackageLayout) -> bytes | None:
    """The member's new content, or None to keep it byte for byte. Parts are told apart by type, never by name."""
    content_type = layout.content_type(name)
    if name == CONTENT_TYPES_MEMBER:
        root = _parse(package, name)
        removed_names = {"/" + member.lower() for member in removed}
        for override in list(root.iter(OVERRIDE)):
            if override.get("PartName", "").lower() in removed_names:
                _remove(override)
    elif (source := layout.source_of(name)) is not None:
        root = _parse(package, name)
        for relationship in list(root.iter(RELATIONSHIP)):
            target = layout.target_of(source, relationship.get("Target", ""))
            if relationship.get("TargetMode") != "External" and target in removed:
                _remove(relationship)
    elif layout.is_wordprocessing_xml(name):
        root = _parse(package, name)
        _accept_revisions_and_drop_comments(root)
        _remove_tracking_setting(root)
    elif content_type.lower() in (CORE_PROPERTIES_TYPE, EXTENDED_PROPERTIES_TYPE):
        root = _parse(package, name)
        _blank_authors(root)
    else:
        return None
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _remove_tracking_setting(root: etree._Element) -> None:
    # So that a member's own edits to her letter are not tracked as changes.
    if root.tag == W + "settings":
        for element in root.findall(W + "trackRevisions"):
            root.remove(element)


def clean_template(template: bytes) -> bytes:
    """*template* without comments, with tracked changes accepted and author names blanked."""
    check_zip_directory(template)
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as package, zipfile.ZipFile(output, "w") as cleaned:
        # Cleaned whether or not the layout is plain: validation, after cleaning, refuses it with the
        # most specific message (macros, a .dotx...), and nothing here depends on it being plain.
        layout = describe_package(package)
        removed = _comment_members(layout)
        for info in package.infolist():
            if info.filename in removed:
                continue
            content = _cleaned(package, info.filename, removed, layout)
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = zipfile.ZIP_DEFLATED
            copy.external_attr = info.external_attr
            cleaned.writestr(copy, package.read(info) if content is None else content)
    return output.getvalue()
