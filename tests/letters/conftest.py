"""Builders for the letter engine's tests: templates made with python-docx, crafted
zip packages, and reading a letter back."""

from __future__ import annotations

import base64
import functools
import io
import os
import posixpath
import struct
import zipfile
from collections.abc import Callable, Mapping, Sequence

import docx
import pytest
from django.conf import settings
from lxml import etree

# The engine's tests need no project: under pytest-django the project's test
# settings are used; run on their own, translation is simply switched off.
if not settings.configured and not os.environ.get("DJANGO_SETTINGS_MODULE"):
    settings.configure(USE_I18N=False)

from soroptimist_advocacy.letters import default_template_bytes
from tests.letter_helpers import docx_text

Paragraph = str | Sequence[str]  # a paragraph's text, or its runs' texts one by one
# The smallest PNG: one transparent pixel.
PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def build_template(
    paragraphs: Sequence[Paragraph],
    *,
    header: str | None = None,
    footer: str | None = None,
    title: str | None = None,
    table: Sequence[Sequence[str]] | None = None,
    picture: bool = False,
) -> bytes:
    """A small .docx template; a paragraph given as a list gets one Word run per item."""
    document = docx.Document()
    if picture:
        document.add_picture(io.BytesIO(PIXEL_PNG))
    for paragraph in paragraphs:
        if isinstance(paragraph, str):
            document.add_paragraph(paragraph)
        else:
            word_paragraph = document.add_paragraph()
            for index, text in enumerate(paragraph):
                word_paragraph.add_run(text).bold = index % 2 == 1  # distinct formatting keeps the runs apart
    if table is not None:
        word_table = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(word_table.rows, table):
            for cell, value in zip(row.cells, values):
                cell.text = value
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    document.core_properties.title = title or ""
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def replace_members(package: bytes, members: Mapping[str, bytes | str | None]) -> bytes:
    """*package* with *members* replaced or added (None removes one)."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in members:
                target.writestr(info, source.read(info))
        for name, content in members.items():
            if content is not None:
                target.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return output.getvalue()


RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _relationships_member(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def move_part(
    package: bytes,
    old: str,
    new: str,
    *,
    content: bytes | str | None = None,
    typed_by: str = "override",
    reference: str | None = None,
    decoy: bytes | str | None = None,
) -> bytes:
    """*package* whose part *old* lives at *new*, as its relationships and content types allow.

    *content* replaces the part's own; *typed_by* declares its type by an "override", an "override in
    capitals" or the "default extension" of *new*; *reference* is the Target written in the
    relationships pointing at it (relative to their source by default); *decoy* is left at *old*.
    """
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    changes: dict[str, bytes | str | None] = {old: decoy, new: members[old] if content is None else content}
    if _relationships_member(old) in members:
        changes[_relationships_member(old)] = None
        changes[_relationships_member(new)] = members[_relationships_member(old)]
    for name, data in members.items():
        if not name.endswith(".rels"):
            continue
        own = name == _relationships_member(old)  # the moved part's relationships move with it
        folder = posixpath.dirname(posixpath.dirname(name))  # their source part's folder
        new_folder = posixpath.dirname(new) if own else folder
        root = etree.fromstring(data)
        for relationship in root.iter(RELATIONSHIP):
            if relationship.get("TargetMode") == "External":
                continue
            resolved = posixpath.normpath(posixpath.join("/", folder, relationship.get("Target", ""))).lstrip("/")
            if resolved == old:
                relationship.set("Target", reference or posixpath.relpath(new, new_folder or "."))
            else:
                relationship.set("Target", posixpath.relpath(resolved, new_folder or "."))
        moved = _relationships_member(new) if own else name
        changes[moved] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    types = etree.fromstring(members["[Content_Types].xml"])
    override = next(o for o in types.iter(CONTENT_TYPES + "Override") if o.get("PartName") == "/" + old)
    if decoy is not None:
        override.addprevious(
            etree.Element(CONTENT_TYPES + "Override", PartName="/" + old, ContentType="application/xml")
        )
    if typed_by == "default extension":
        extension = posixpath.splitext(new)[1].lstrip(".")
        types.insert(
            0, etree.Element(CONTENT_TYPES + "Default", Extension=extension, ContentType=override.get("ContentType"))
        )
        types.remove(override)
    else:
        override.set("PartName", "/" + (new.upper() if typed_by == "override in capitals" else new))
    changes["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
    return replace_members(package, changes)


def member_text(package: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        return source.read(name).decode("utf-8")


def declare_sizes(package: bytes, name: str, *, file_size: int, compress_size: int | None = None) -> bytes:
    """*package* whose directory claims *name* unpacks to *file_size* bytes; the data is not touched."""
    data = bytearray(package)
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        info = source.getinfo(name)
    end = data.rfind(zipfile.stringEndArchive)
    directory = struct.unpack(zipfile.structEndArchive, bytes(data[end : end + zipfile.sizeEndCentDir]))[
        zipfile._ECD_OFFSET
    ]
    position = directory
    while position < end:
        fields = struct.unpack(zipfile.structCentralDir, bytes(data[position : position + zipfile.sizeCentralDir]))
        entry_name = bytes(data[position + zipfile.sizeCentralDir : position + zipfile.sizeCentralDir + fields[12]])
        if entry_name.decode("utf-8") == name:
            struct.pack_into("<L", data, position + 24, file_size)
            if compress_size is not None:
                struct.pack_into("<L", data, position + 20, compress_size)
        position += zipfile.sizeCentralDir + fields[12] + fields[13] + fields[14]
    struct.pack_into("<L", data, info.header_offset + 22, file_size)
    return bytes(data)


# Session-scoped: they hand out constants and functions, which hypothesis tests may share.
@pytest.fixture(scope="session")
def default_template() -> bytes:
    return default_template_bytes()


@pytest.fixture(scope="session")
def template_with() -> Callable[..., bytes]:
    return build_template


@pytest.fixture(scope="session")
def read_letter() -> Callable[[bytes], str]:
    """Everything a reader sees, the title included."""
    return functools.partial(docx_text, title=True)


@pytest.fixture(scope="session")
def with_members() -> Callable[..., bytes]:
    return replace_members


@pytest.fixture(scope="session")
def read_member() -> Callable[[bytes, str], str]:
    return member_text


@pytest.fixture(scope="session")
def with_part_moved() -> Callable[..., bytes]:
    return move_part


@pytest.fixture(scope="session")
def with_declared_sizes() -> Callable[..., bytes]:
    return declare_sizes
