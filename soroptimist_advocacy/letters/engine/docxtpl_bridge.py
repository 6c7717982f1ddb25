"""docxtpl as letters use it: always in the sandbox, each part compiled only once.

docxtpl is LGPL: this module calls and subclasses it and never copies its code.
Its ``render_xml_part`` both prepares a part's XML for Jinja and post-processes
Jinja's output (Word line breaks for ``\\n``, ``{_{`` unescaping...). To compile a
part once and still run exactly that code on every letter, we hand
``render_xml_part`` an object in place of the Jinja environment whose
``from_string`` returns the template compiled beforehand.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from docx.opc.constants import CONTENT_TYPE
from docx.opc.part import Part
from docxtpl import DocxTemplate
from jinja2 import Template

from soroptimist_advocacy.letters.engine.coreprops import compile_core_properties, render_core_properties
from soroptimist_advocacy.letters.engine.environment import MARKUP_ENVIRONMENT
from soroptimist_advocacy.letters.safety.budget import BoundedEnvironment, BoundedTemplate

# docxtpl's render_init numbers picture ids (wp:docPr) from here.
FIRST_DOCPR_ID = 1000


class SandboxedDocxTemplate(DocxTemplate):
    """docxtpl's template, rendered only in the sandbox, with two defects fixed.

    * Document properties are rendered without escaping and cut to Word's limit:
      docxtpl escapes them and python-docx escapes them again (a title "A & B"
      showed "A &amp; B"), and a long title made it fail.
    * Each footnotes part is rendered once. docxtpl renders it once per section,
      so text a member typed would be rendered as Jinja in the second pass.
    """

    def __init__(self, template_file: io.BytesIO | None = None) -> None:
        super().__init__(template_file)
        self.docx_ids_index = FIRST_DOCPR_ID

    def render_to_bytes(self, context: Mapping[str, Any]) -> bytes:
        """The whole letter, rendered by docxtpl itself (the reference and fallback path)."""
        self.render(dict(context), jinja_env=BoundedEnvironment(MARKUP_ENVIRONMENT), autoescape=True)
        buffer = io.BytesIO()
        self.save(buffer)
        return buffer.getvalue()

    def render_properties(self, context, jinja_env=None) -> None:
        core = self.docx.core_properties
        render_core_properties(core, compile_core_properties(core), context)

    def render_footnotes(self, context, jinja_env=None) -> None:
        for part in footnotes_parts(self.docx):
            source = self.patch_xml(part.blob.decode("utf-8"))
            part._blob = self.render_xml_part(source, part, context, jinja_env).encode("utf-8")


# docxtpl's listing codes, which resolve_listing turns into tabs and breaks.
_LISTING_CHARACTERS = "\t\a\n\f"
_PARAGRAPH_END = "</w:p>"


class LetterRenderer(SandboxedDocxTemplate):
    """The per-letter docxtpl object of the fast path: it renders compiled parts only."""

    def resolve_listing(self, xml: str) -> str:
        # docxtpl's resolve_listing rewrites each paragraph on its own (from a
        # "<w:p" to the first "</w:p>" after it) and leaves a paragraph without
        # listing characters as it was. So cutting the XML after every "</w:p>"
        # and resolving only the pieces holding such characters gives the same
        # XML without running its regular expressions over every paragraph.
        if not _has_listing(xml):
            return xml
        resolve = super().resolve_listing
        pieces = xml.split(_PARAGRAPH_END)
        ends = [_PARAGRAPH_END] * (len(pieces) - 1) + [""]
        return "".join(resolve(piece + end) if _has_listing(piece) else piece + end for piece, end in zip(pieces, ends))


def _has_listing(xml: str) -> bool:
    return any(character in xml for character in _LISTING_CHARACTERS)  # str.find is far faster than re here


def footnotes_parts(document) -> list[Part]:
    return [part for part in document.part.package.iter_parts() if part.content_type == CONTENT_TYPE.WML_FOOTNOTES]


PartKind = Literal["body", "header_footer", "footnotes"]


@dataclass(frozen=True)
class PartSource:
    """One part docxtpl renders, as Jinja will see it once docxtpl has patched its XML."""

    member: str  # its name in the zip
    kind: PartKind
    patched_xml: str


def part_sources(template: DocxTemplate) -> Iterator[PartSource]:
    """The body, every header and footer, and the footnotes: the parts docxtpl renders."""
    template.init_docx()
    document = template.docx
    yield PartSource(document.part.partname.membername, "body", template.patch_xml(template.get_xml()))
    seen = set()
    for uri in (DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI):
        for _, part in template.get_headers_footers(uri):
            if part.partname not in seen:
                seen.add(part.partname)
                patched = template.patch_xml(template.get_part_xml(part))
                yield PartSource(part.partname.membername, "header_footer", patched)
    for part in footnotes_parts(document):
        yield PartSource(part.partname.membername, "footnotes", template.patch_xml(part.blob.decode("utf-8")))


@dataclass(frozen=True)
class CompiledPart:
    """A part's Jinja template, compiled once, rendered by docxtpl's ``render_xml_part``."""

    patched_xml: str
    jinja_source: str  # what render_xml_part hands to Jinja
    template: Template

    def render(self, renderer: DocxTemplate, context: Mapping[str, Any]) -> str:
        # render_xml_part first turns the patched XML into jinja_source, then asks
        # the environment (this object) for its template. That template is
        # already compiled from jinja_source, so the XML is not passed again:
        # preparing it would be wasted work on every letter.
        return renderer.render_xml_part("", None, context, self)

    def from_string(self, source: str) -> BoundedTemplate:
        """Stand in for the Jinja environment inside render_xml_part: the compiled template, bounded."""
        return BoundedTemplate(self.template)


class _SourceCaptured(Exception):
    pass


class _CaptureSource:
    source = ""

    def from_string(self, source: str) -> None:
        self.source = source
        raise _SourceCaptured


def jinja_source(patched_xml: str) -> str:
    """The text docxtpl's render_xml_part hands to Jinja for a patched part."""
    capture = _CaptureSource()
    try:
        SandboxedDocxTemplate().render_xml_part(patched_xml, None, {}, capture)
    except _SourceCaptured:
        return capture.source
    raise RuntimeError("docxtpl rendered a part without asking Jinja for a template")


def compile_part(patched_xml: str) -> CompiledPart:
    source = jinja_source(patched_xml)
    return CompiledPart(patched_xml, source, MARKUP_ENVIRONMENT.from_string(source))
