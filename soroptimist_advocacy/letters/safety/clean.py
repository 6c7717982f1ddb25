"""Strip an uploaded template of what would end up in every member's letter by mistake:
the editor's comments, her tracked changes (accepted, as Word shows them) and the
names of whoever wrote or edited the document.
"""

from __future__ import annotations

import io
import zipfile

from django.core.exceptions import ValidationError
from lxml import etree

from soroptimist_advocacy.letters.engine.contents import DAMAGED, DOCTYPE, W
from soroptimist_advocacy.letters.safety.package_layout import (
    CONTENT_TYPES_MEMBER,
    CORE_PROPERTIES_TYPE,
    EXTENDED_PROPERTIES_TYPE,
    PackageLayout,
    describe_package,
)
from soroptimist_advocacy.letters.safety.safexml import DoctypeFound, parse_untrusted
from soroptimist_advocacy.letters.safety.zipcheck import check_zip_directory

RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
DC = "{http://purl.org/dc/elements/1.1/}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"

# Parts holding comments and the people who wrote them, by relationship type.
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
