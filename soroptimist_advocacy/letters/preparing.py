"""Compile once: a checked template turned into a PreparedTemplate that renders letters quickly.

A plain docxtpl render unzips, parses, patches, compiles and re-zips the whole
template for every letter, though all of that depends only on the template.
Preparing does it once per template version, language and process: the
parts docxtpl renders are patched and compiled, and what their blocks can do to the Word XML is read from Jinja's
parse tree (so that docxtpl's per-letter table pass is applied once, when it
gives the same result in every letter); the document's unchanging XML and zip
members are kept. Then one sample letter goes through both paths: the fast path
is used only when each rendered part's canonical XML (C14N) equals docxtpl's,
else the template's letters are rendered by docxtpl itself, with a warning.

The template must have been cleaned, checked and set in the letter's language
(validation.py runs all of this, with the trial render, and is the only caller).
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import uuid
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, Literal

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from jinja2 import nodes
from jinja2.visitor import NodeTransformer
from lxml import etree

from soroptimist_advocacy.letters.images import uses_image
from soroptimist_advocacy.letters.package import PackageLayout, require_loaded_as_laid_out
from soroptimist_advocacy.letters.rendering import (
    FLAT_FIELD_NAMES,
    MARKUP_ENVIRONMENT,
    BodyPart,
    CompiledPart,
    CorePropertiesPart,
    CorePropertyTemplates,
    FootnotesPart,
    HeaderFooterPart,
    ImagePart,
    PackageCopy,
    PreparedTemplate,
    RenderedPart,
    SandboxedDocxTemplate,
    compile_core_properties,
    footnotes_parts,
    has_jinja,
    normalise_context,
    render_reference,
)
from soroptimist_advocacy.letters.sample import sample_context
from soroptimist_advocacy.letters.variables import RECORDS

logger = logging.getLogger(__name__)


# The parts docxtpl renders, compiled once.

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


# docxtpl's render_xml_part puts a line break before every paragraph ("<w:p " or "<w:p>")
# of the text it hands Jinja, and takes every line break just before a paragraph out of
# Jinja's output: on every letter, one regular expression match per paragraph. Those it
# put in are taken out of the compiled template's constant text instead, once, where the
# character before the line break is in the same text and is no line break. That leaves
# the letter docxtpl makes unchanged: each line break taken out here is one it takes out
# (a paragraph follows it), and none that it keeps comes to stand before a paragraph
# (only one preceded by another line break could). What remains for its per-letter pass
# is the few line breaks at the start of a block's text, which it handles as before.
_LINE_BREAK_BEFORE_PARAGRAPH = re.compile(r"(?<=[^\n])\n(?=<w:p[ >])")


# And each record field a part reads ("member.name") is read as a variable of its own
# (rendering.FLAT_FIELD_NAMES), which Jinja looks up once per letter rather than through the
# sandbox's attribute lookup at every use: the same text, from the same value.
FLAT_NAMES = frozenset(FLAT_FIELD_NAMES.values())


class _FlattenRecordFields(NodeTransformer):
    """``member.name`` read as the variable ``member__name`` (see rendering.FLAT_FIELD_NAMES)."""

    def visit_Getattr(self, node: nodes.Getattr) -> nodes.Node:
        if isinstance(node.node, nodes.Name) and (name := FLAT_FIELD_NAMES.get((node.node.name, node.attr))):
            return nodes.Name(name, "load", lineno=node.lineno)
        return self.generic_visit(node)


def _with_record_fields_flattened(tree: nodes.Template) -> nodes.Template:
    names = list(tree.find_all(nodes.Name))
    if any(name.ctx != "load" and name.name in RECORDS for name in names) or any(
        name.name in FLAT_NAMES for name in names
    ):
        return tree  # a record rebound, or a flat name taken (validation refuses both): read as written
    flattened = _FlattenRecordFields().visit(tree)
    flattened.set_environment(MARKUP_ENVIRONMENT)
    return flattened


def compile_part(patched_xml: str) -> CompiledPart:
    """The part's Jinja template, compiled once: what docxtpl's render_xml_part hands Jinja,
    with the two rewrites above, which change no letter."""
    source = jinja_source(patched_xml)
    tree = MARKUP_ENVIRONMENT.parse(source)
    for data in tree.find_all(nodes.TemplateData):
        data.data = _LINE_BREAK_BEFORE_PARAGRAPH.sub("", data.data)
    tree = _with_record_fields_flattened(tree)
    return CompiledPart(patched_xml, source, MARKUP_ENVIRONMENT.from_string(tree))


# What a part's Jinja blocks can do to its Word XML, read from the parse tree.
#
# docxtpl lets an {% if %} start in one paragraph and end in another; the XML between
# them disappears or repeats with the block. Values cannot add elements (they are
# escaped), so the blocks alone decide whether every letter is well formed, and
# whether its tables and pictures are the same in every letter.

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# Element tags only: "<?xml ...?>" and "<!...>" never match.
_TAG = re.compile(r"<(/?)([A-Za-z_][\w.:-]*)(?:\s[^>]*?)?(/?)>")
# What docxtpl's table and picture passes count: they give the same result in
# every letter when no block repeats or drops any of it.
_TABLE_OR_PICTURE = re.compile(r"<(?:\w+:)?(?:tbl|tr|tc|tblGrid|gridCol|docPr)[\s/>]")
# docxtpl's colspan, cellbg, hm and vm tags put placeholders inside tags.
_PLACEHOLDER_IN_TAG = re.compile(r"<[^>]*\{[{%#]")


class _Broken(Exception):
    pass


class _Effect:
    """What a stretch of XML does to the stack of open elements around it."""

    def __init__(self) -> None:
        self.closed: list[str] = []  # elements opened before the stretch, innermost first
        self.opened: list[str] = []  # elements still open after it, outermost first

    def apply(self, xml: str) -> None:
        for closing, name, empty in _TAG.findall(_COMMENT.sub("", xml)):
            if empty:
                continue
            if not closing:
                self.opened.append(name)
            elif not self.opened:
                self.closed.append(name)
            elif self.opened.pop() != name:
                raise _Broken

    @property
    def neutral(self) -> bool:
        """It closes elements and reopens the same ones: repeating or dropping it is harmless."""
        return self.closed == self.opened[::-1]


def _branches(statement: nodes.If | nodes.For) -> list[list[nodes.Node]]:
    if isinstance(statement, nodes.If):
        return [statement.body, *(branch.body for branch in statement.elif_), statement.else_]
    return [statement.body, statement.else_]


def _effect(statements: Iterable[nodes.Node]) -> _Effect:
    effect = _Effect()
    for statement in statements:
        if isinstance(statement, nodes.Output):
            for node in statement.nodes:
                if isinstance(node, nodes.TemplateData):
                    effect.apply(node.data)
        elif isinstance(statement, (nodes.If, nodes.For)):
            if not all(_effect(branch).neutral for branch in _branches(statement)):
                raise _Broken
        else:
            raise _Broken  # anything else is refused by validation; assume the worst here
    return effect


def keeps_xml_well_formed(template: nodes.Template) -> bool:
    """True when every rendering of *template* (a part's Jinja AST) is well-formed XML."""
    try:
        effect = _effect(template.body)
    except _Broken:
        return False
    return not effect.closed and not effect.opened


def _markup_in_blocks(statements: Iterable[nodes.Node], in_block: bool = False) -> Iterator[str]:
    for statement in statements:
        if isinstance(statement, nodes.Output) and in_block:
            yield from (node.data for node in statement.nodes if isinstance(node, nodes.TemplateData))
        elif isinstance(statement, (nodes.If, nodes.For)):
            for branch in _branches(statement):
                yield from _markup_in_blocks(branch, True)


def tables_and_pictures_are_fixed(template: nodes.Template, source: str) -> bool:
    """True when every letter has the same tables, cells and pictures as *source*, the Jinja text."""
    if _PLACEHOLDER_IN_TAG.search(source):
        return False
    return not any(_TABLE_OR_PICTURE.search(markup) for markup in _markup_in_blocks(template.body))


# The parts each letter renders.


def _with_tables_and_pictures_fixed(patched_xml: str) -> str | None:
    """The patched body with docxtpl's table and picture passes already applied, if that is safe.

    Safe when lxml reads and writes the patched XML back unchanged (Jinja text
    holding a raw "<" or ">" would not be) and no block changes tables or pictures.
    """
    try:
        unchanged = etree.tostring(etree.fromstring(patched_xml), encoding="unicode") == patched_xml
    except etree.XMLSyntaxError:
        return None
    if not unchanged:
        return None
    passes = SandboxedDocxTemplate()
    tree = passes.fix_tables(patched_xml)
    passes.fix_docpr_ids(tree)
    return etree.tostring(tree, encoding="unicode")


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


def _body_part(source: PartSource, document) -> BodyPart:
    """The body, rendered without docxtpl's per-letter reparse whenever that changes nothing.

    docxtpl reparses every rendered body to fix tables and renumber pictures.
    When no block can change a table or a picture, those passes give the same
    result in every letter, so they are applied once to the template instead.
    """
    compiled = compile_part(source.patched_xml)
    tree = MARKUP_ENVIRONMENT.parse(compiled.jinja_source)
    if not keeps_xml_well_formed(tree):
        reparse = True  # docxtpl's recovering parser mends what such blocks break
    elif uses_image(source.patched_xml):
        reparse = True  # docxtpl numbers the picture's id among the body's (fix_docpr_ids)
    elif "tbl" not in source.patched_xml and "docPr" not in source.patched_xml:
        reparse = False
    elif tables_and_pictures_are_fixed(tree, compiled.jinja_source) and (
        fixed := _with_tables_and_pictures_fixed(source.patched_xml)
    ):
        compiled, reparse = compile_part(fixed), False
    else:
        reparse = True
    return BodyPart(source.member, compiled, *split_around_body(document.element), reparse)


def _core_properties_part(member: str, xml: bytes, templates: CorePropertyTemplates) -> CorePropertiesPart:
    """docProps/core.xml cut around the properties holding placeholders, as python-docx writes it."""
    element = parse_xml(xml)
    core = CoreProperties(element)
    markers = {f"letter-property-{uuid.uuid4().hex}": template for _, template in templates}
    for (name, _), marker in zip(templates, markers):
        setattr(core, name, marker)
    pieces = re.split("(" + "|".join(markers) + ")", serialize_part_xml(element).decode("utf-8"))
    return CorePropertiesPart(
        member,
        tuple(piece.encode("utf-8") for piece in pieces[::2]),
        tuple(markers[marker] for marker in pieces[1::2]),
    )


def _core_properties_member(document) -> str | None:
    # Found through the package's relationships: asking python-docx for the
    # properties would create them when the template has none.
    for rel in document.part.package.rels.values():
        if rel.reltype == RELATIONSHIP_TYPE.CORE_PROPERTIES and not rel.is_external:
            return rel.target_part.partname.membername
    return None


def _rendered_parts(sources: list[PartSource], document) -> list[RenderedPart]:
    """The parts each letter renders: the body, and every other part holding placeholders."""
    parts: list[RenderedPart] = []
    for source in sources:
        if source.kind == "body":
            parts.append(_body_part(source, document))
        elif has_jinja(source.patched_xml):
            kind = HeaderFooterPart if source.kind == "header_footer" else FootnotesPart
            parts.append(kind(source.member, compile_part(source.patched_xml)))
    core_member = _core_properties_member(document)
    if core_member is not None and (templates := compile_core_properties(document.core_properties)):
        xml = document.part.package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES).blob
        parts.append(_core_properties_part(core_member, xml, templates))
    return parts


def compile_template(
    template: bytes, layout: PackageLayout, image_member: str | None = None
) -> tuple[PreparedTemplate, list[str]]:
    """*template*, whose *layout* validation checked, ready to render on the fast path; and the
    members docxtpl renders, which the fast path must render the same (see matched_with_docxtpl).
    The parts filled in are that layout's; *image_member* holds each letter's picture (images.py)."""
    loaded = SandboxedDocxTemplate(io.BytesIO(template))
    loaded.init_docx()
    require_loaded_as_laid_out(loaded.docx, layout)
    sources = list(part_sources(loaded))
    parts = tuple(_rendered_parts(sources, loaded.docx))
    if image_member is not None:
        parts += (ImagePart(image_member),)
    prepared = PreparedTemplate(parts, PackageCopy.from_template(template, {part.member for part in parts}))
    # Every part docxtpl renders must come out the same, rendered here or copied as it was.
    compared = [source.member for source in sources]
    if image_member is not None:
        compared.append(image_member)  # compared byte for byte (differing_parts)
    if core_member := _core_properties_member(loaded.docx):
        compared.append(core_member)
    return prepared, compared


# The fast path against docxtpl itself.


def canonical_xml(xml: bytes) -> bytes:
    """C14N of *xml* once python-docx would have loaded it (blank text between elements dropped)."""
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
    return etree.tostring(etree.fromstring(xml, parser), method="c14n")


def differing_parts(first: bytes, second: bytes, members: Iterable[str]) -> list[str]:
    """The *members* whose canonical XML differs between the two .docx files (or that one lacks)."""
    with zipfile.ZipFile(io.BytesIO(first)) as one, zipfile.ZipFile(io.BytesIO(second)) as other:
        present = set(one.namelist()) & set(other.namelist())

        def same(member: str) -> bool:
            if one.read(member) == other.read(member):
                return True  # the same bytes (a picture can only be this way the same)
            try:
                return canonical_xml(one.read(member)) == canonical_xml(other.read(member))
            except etree.XMLSyntaxError:
                return False

        return [member for member in members if member not in present or not same(member)]


def _checking_context() -> dict[str, Any]:
    """The sample letter with the characters docxtpl treats specially in every value."""
    tricky = " & <i>\"quoted\" 'x'\ttab\nline {_{ }_}"
    context = sample_context()
    for name in ("member", "recipient", "campaign"):
        context[name] = {key: value + tricky for key, value in context[name].items()}
    context["body"] = [paragraph + tricky for paragraph in context["body"]]
    context["letter"] = {
        "sections": [paragraph + tricky for paragraph in context["letter"]["sections"]],
        "own_words": context["letter"]["own_words"] + tricky,
    }
    return normalise_context(context)


def matched_with_docxtpl(prepared: PreparedTemplate, template: bytes, compared: list[str]) -> PreparedTemplate:
    """*prepared* when its sample letter's *compared* parts are docxtpl's XML (C14N), else the
    same template set to render its letters with docxtpl, with a logged warning."""
    context = _checking_context()
    reference = render_reference(template, context, prepared.image_members)
    differing = differing_parts(prepared.render(context), reference, compared)
    if not differing:
        return prepared
    logger.warning(
        "Letter template %s: the fast path differs from docxtpl in %s; rendering it with docxtpl instead.",
        hashlib.sha256(template).hexdigest()[:12],
        ", ".join(differing),
    )
    return replace(prepared, fallback=template)
