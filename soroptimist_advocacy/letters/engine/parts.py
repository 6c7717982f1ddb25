"""The parts of a letter that change with each member: how each one is rendered.

Each turns a normalised context into the part's bytes, doing after Jinja what
docxtpl (and python-docx, when docxtpl saves) does to that kind of part, so that
the result is the same XML as a plain docxtpl render's, up to C14N.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from xml.sax.saxutils import escape

from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from jinja2 import Template
from lxml import etree

from soroptimist_advocacy.letters.engine.coreprops import CorePropertyTemplates, render_core_property
from soroptimist_advocacy.letters.engine.docxtpl_bridge import CompiledPart

Context = Mapping[str, Any]
XML_DECLARATION = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"  # as python-docx writes it


class RenderedPart(Protocol):
    # Read-only, so that the frozen dataclasses below match the protocol.
    @property
    def member(self) -> str: ...  # the part's name in the zip

    def render(self, renderer: DocxTemplate, context: Context) -> bytes: ...


@dataclass(frozen=True)
class BodyPart:
    """word/document.xml: the rendered body between the document's unchanging start and end."""

    member: str
    compiled: CompiledPart
    before_body: bytes
    after_body: bytes
    # docxtpl reparses the body with a recovering parser to fix tables and
    # renumber pictures. Without tables or pictures, and with blocks that keep
    # the XML well formed, the reparse changes nothing, so it is skipped.
    reparse: bool

    def render(self, renderer: DocxTemplate, context: Context) -> bytes:
        xml = self.compiled.render(renderer, context)
        if self.reparse:
            tree = renderer.fix_tables(xml)
            renderer.fix_docpr_ids(tree)
            body = etree.tostring(tree, encoding="UTF-8")
        else:
            body = xml.encode("utf-8")
        return self.before_body + body + self.after_body


@dataclass(frozen=True)
class HeaderFooterPart:
    member: str
    compiled: CompiledPart

    def render(self, renderer: DocxTemplate, context: Context) -> bytes:
        # docxtpl reloads a rendered header through python-docx, which only drops
        # blank text between elements (Word ignores it) and adds the declaration.
        return XML_DECLARATION + self.compiled.render(renderer, context).encode("utf-8")


@dataclass(frozen=True)
class FootnotesPart:
    member: str
    compiled: CompiledPart

    def render(self, renderer: DocxTemplate, context: Context) -> bytes:
        return self.compiled.render(renderer, context).encode("utf-8")


@dataclass(frozen=True)
class CorePropertiesPart:
    """docProps/core.xml: the property texts rendered into the part's unchanging XML."""

    member: str
    pieces: tuple[bytes, ...]  # the XML around the rendered properties
    templates: tuple[Template, ...]  # one per gap between pieces

    @classmethod
    def from_xml(cls, member: str, xml: bytes, templates: CorePropertyTemplates) -> CorePropertiesPart:
        element = parse_xml(xml)
        core = CoreProperties(element)
        markers = {f"letter-property-{uuid.uuid4().hex}": template for _, template in templates}
        for (name, _), marker in zip(templates, markers):
            setattr(core, name, marker)
        pieces = re.split("(" + "|".join(markers) + ")", serialize_part_xml(element).decode("utf-8"))
        return cls(
            member,
            tuple(piece.encode("utf-8") for piece in pieces[::2]),
            tuple(markers[marker] for marker in pieces[1::2]),
        )

    def render(self, renderer: DocxTemplate, context: Context) -> bytes:
        xml = [self.pieces[0]]
        for template, piece in zip(self.templates, self.pieces[1:]):
            xml += [escape(render_core_property(template, context)).encode("utf-8"), piece]
        return b"".join(xml)


def split_around_body(document_element) -> tuple[bytes, bytes]:
    """The document part's XML before and after its body, as python-docx writes it."""
    body = document_element.body
    marker = etree.Comment(f"letter body {uuid.uuid4()}")  # unique, so the split cannot misfire
    document_element.replace(body, marker)
    try:
        xml = serialize_part_xml(document_element)
    finally:
        document_element.replace(marker, body)
    before, after = xml.split(etree.tostring(marker))
    return before, after
