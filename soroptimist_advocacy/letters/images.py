"""Pictures a letter carries (its QR code): fixed in the template once, PNG bytes per letter.

docxtpl's ``InlineImage`` adds a relationship, a content type and a media member to the
document while each letter renders, which the fast path cannot do: it copies every member
no letter changes as it was. So a template whose text uses ``{{ letter.qr }}`` is given,
when it is prepared (both render paths then work from the same bytes), a relationship with
a fixed id from each part docxtpl renders to one media member, and a PNG content type. The
value the template prints is a drawing with a fixed size that points at that relationship
(the same XML in every letter, so the fast path and docxtpl agree on it); the only thing
that changes per letter is the media member's bytes, the PNG.
"""

from __future__ import annotations

import base64
import io
import posixpath
import re
import zipfile
from collections.abc import Iterable, Mapping
from typing import Any

from lxml import etree

from soroptimist_advocacy.letters.package import CONTENT_TYPES_MEMBER, PackageLayout, describe_package

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_IMAGE_BYTES = 256 * 1024  # a QR code of a URL is well under 2 KB
# What the media member holds until a letter puts its own PNG there: one transparent pixel.
PLACEHOLDER_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

RELATIONSHIP_ID = "rIdLetterQr"
MEDIA_MEMBER = "word/media/letter-qr.png"
IMAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
WORDML_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
)

# 2.2 cm square (360,000 EMU to the centimetre): a phone camera reads it from a printed page.
IMAGE_EMU = 792_000
# Far above the ids docxtpl gives pictures (from 1000), so the drawing never takes one of theirs.
DRAWING_ID = 40_424

# What docxtpl's InlineImage prints: the run holding the placeholder is closed, the picture is a
# run of its own, and a run is opened again for whatever follows. The namespaces are declared on
# the elements themselves so that the drawing is well formed in any part.
_DRAWING = (
    '</w:t></w:r><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
    f'<wp:extent cx="{IMAGE_EMU}" cy="{IMAGE_EMU}"/>'
    f'<wp:docPr id="{DRAWING_ID}" name="QR code" descr="QR code"/>'
    "<wp:cNvGraphicFramePr>"
    '<a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/>'
    "</wp:cNvGraphicFramePr>"
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    '<pic:nvPicPr><pic:cNvPr id="0" name="letter-qr.png"/><pic:cNvPicPr/></pic:nvPicPr>'
    "<pic:blipFill>"
    f'<a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="{RELATIONSHIP_ID}"/>'
    "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
    f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{IMAGE_EMU}" cy="{IMAGE_EMU}"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
    "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    '<w:r><w:t xml:space="preserve">'
)

# "{{ letter.qr }}" however Word split it into runs: looked for in the part's text, tags removed.
_TAG = re.compile(r"<[^>]*>")
_USES_IMAGE = re.compile(r"\{\{[^}]*\bletter\s*\.\s*qr\b")


class LetterImage:
    """The value a template prints for ``letter.qr``: the drawing (Jinja's autoescape asks for
    ``__html__``, the only way Word markup reaches a letter, and it is ours, fixed) or nothing
    when the letter has no picture; as plain text (document properties, filters) it is empty."""

    __slots__ = ("png",)

    def __init__(self, png: bytes | None = None) -> None:
        self.png = png

    @classmethod
    def from_value(cls, value: Any) -> LetterImage:
        """The picture a caller passed: PNG bytes (or nothing); anything else is a caller's mistake."""
        if isinstance(value, LetterImage):
            return value
        if value is None or value == b"" or value == "":
            return cls()
        if not isinstance(value, bytes):
            raise TypeError(f"a letter image is PNG bytes, not {type(value).__name__}")
        if not value.startswith(PNG_SIGNATURE) or len(value) > MAX_IMAGE_BYTES:
            raise ValueError(f"a letter image is a PNG of at most {MAX_IMAGE_BYTES} bytes")
        return cls(value)

    def __html__(self) -> str:
        return _DRAWING if self.png else ""

    def __str__(self) -> str:
        return ""

    def __bool__(self) -> bool:
        return bool(self.png)

    @property
    def media_bytes(self) -> bytes:
        """What the letter's media member holds."""
        return self.png or PLACEHOLDER_PNG


def image_value(context: Mapping[str, Any]) -> LetterImage:
    """The picture of a normalised context."""
    return context["letter"]["qr"]


def uses_image(xml: bytes | str) -> bool:
    """Whether a part's XML prints ``letter.qr``."""
    text = xml.decode("utf-8", "replace") if isinstance(xml, bytes) else xml
    return bool(_USES_IMAGE.search(_TAG.sub("", text)))


def rendered_members(layout: PackageLayout) -> list[str]:
    """The parts docxtpl renders (the document, headers, footers, footnotes) that the layout reaches."""
    return sorted(member for member in layout.reachable if layout.content_type(member).lower() in WORDML_TYPES)


def _relationships_member(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _with_relationship(xml: bytes | None, target: str) -> bytes:
    if xml is None:
        root = etree.Element(f"{{{PACKAGE_RELATIONSHIPS}}}Relationships", nsmap={None: PACKAGE_RELATIONSHIPS})
    else:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    for existing in root:
        if existing.get("Id") == RELATIONSHIP_ID:
            root.remove(existing)
    etree.SubElement(
        root, f"{{{PACKAGE_RELATIONSHIPS}}}Relationship", Id=RELATIONSHIP_ID, Type=IMAGE_RELATIONSHIP, Target=target
    )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _with_png_type(xml: bytes) -> bytes:
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    defaults = root.findall(f"{{{CONTENT_TYPES_NS}}}Default")
    if not any((default.get("Extension") or "").lower() == "png" for default in defaults):
        png = etree.Element(f"{{{CONTENT_TYPES_NS}}}Default", Extension="png", ContentType="image/png")
        root.insert(len(defaults), png)  # Defaults come before Overrides
    for override in root.findall(f"{{{CONTENT_TYPES_NS}}}Override"):
        if (override.get("PartName") or "").lstrip("/").lower() == MEDIA_MEMBER:
            root.remove(override)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _changes(package: zipfile.ZipFile, parts: Iterable[str]) -> dict[str, bytes]:
    names = set(package.namelist())
    changes = {CONTENT_TYPES_MEMBER: _with_png_type(package.read(CONTENT_TYPES_MEMBER)), MEDIA_MEMBER: PLACEHOLDER_PNG}
    for part in parts:
        rels = _relationships_member(part)
        target = posixpath.relpath(MEDIA_MEMBER, posixpath.dirname(part) or ".")
        changes[rels] = _with_relationship(package.read(rels) if rels in names else None, target)
    return changes


def with_image_members(template: bytes, layout: PackageLayout) -> tuple[bytes, PackageLayout, str | None]:
    """*template* with the picture's relationship, content type and media member when a part
    prints ``letter.qr``, its new layout, and the media member (None, and *template* as it was,
    when no part does)."""
    parts = rendered_members(layout)
    with zipfile.ZipFile(io.BytesIO(template)) as package:
        if not any(uses_image(package.read(part)) for part in parts):
            return template, layout, None
        changes = _changes(package, parts)
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
            for info in package.infolist():
                if info.filename not in changes:
                    target.writestr(info, package.read(info), compress_type=info.compress_type)
            for name, data in changes.items():
                target.writestr(name, data)
    prepared = output.getvalue()
    with zipfile.ZipFile(io.BytesIO(prepared)) as package:
        return prepared, describe_package(package), MEDIA_MEMBER


def with_members_replaced(document: bytes, members: Mapping[str, bytes]) -> bytes:
    """*document* (a .docx) with *members*' bytes in place of their own (docxtpl's path)."""
    if not members:
        return document
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(document)) as source, zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            data = members.get(info.filename)
            target.writestr(info, source.read(info) if data is None else data, compress_type=info.compress_type)
    return output.getvalue()
