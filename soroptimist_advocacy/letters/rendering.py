"""Render one letter from a prepared template: everything a member's values pass through.

A letter's values are made safe here (plain, bounded text that XML can hold),
rendered only in Jinja's sandbox with every value escaped, under a hard cap on
the text and time one letter may take, through docxtpl's own per-part processing
(Word line breaks for ``\\n``, ``{_{`` unescaping...), into a new zip that copies
every part no letter changes as it is, still compressed. The reference path,
plain docxtpl in the same sandbox, is here too: it renders the templates whose
fast path would not give docxtpl's XML.

docxtpl is LGPL: this module calls and subclasses it and never copies its code.
Its ``render_xml_part`` both prepares a part's XML for Jinja and post-processes
Jinja's output. To compile a part once (preparing.py) and still run exactly
that code on every letter, ``render_xml_part`` is handed an object in place of
the Jinja environment whose ``from_string`` returns the template compiled
beforehand.
"""

from __future__ import annotations

import contextlib
import contextvars
import decimal
import io
import re
import struct
import time
import types
import zipfile
import zlib
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from xml.sax.saxutils import escape

from django.utils.functional import Promise
from docx.opc.constants import CONTENT_TYPE
from docx.opc.coreprops import CoreProperties
from docx.opc.part import Part
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree

from soroptimist_advocacy.letters.images import LetterImage, image_value, with_members_replaced
from soroptimist_advocacy.letters.limits import (
    MAX_CORE_PROPERTY_LENGTH,
    MAX_FIELD_LENGTH,
    MAX_LETTER_CHARACTERS,
    MAX_LETTER_SECONDS,
    MAX_PARAGRAPH_LENGTH,
    MAX_PARAGRAPHS,
    MAX_RECIPIENTS,
    MAX_SECTIONS,
)
from soroptimist_advocacy.letters.variables import (
    IMAGE_FIELDS,
    LISTS,
    PARAGRAPH_FIELDS,
    RECIPIENT_FIELDS,
    RECORDS,
    TEXTS,
)

Context = Mapping[str, Any]

# The only Jinja environments letters are ever rendered with.
#
# docxtpl's default environment is neither sandboxed nor escaping: an uploaded
# template could run Python and a member's "<" would break the Word XML. These are
# sandboxed and strict, and carry nothing a letter does not need.

# Filters that only reshape text. No "safe" (it would let raw Word markup
# through), no "replace" (it can multiply a value's length), nothing that
# touches attributes or formats strings.
ALLOWED_FILTERS = frozenset(
    {"capitalize", "default", "e", "escape", "join", "length", "lower", "title", "trim", "upper"}
)


def _sandbox(*, autoescape: bool) -> ImmutableSandboxedEnvironment:
    environment = ImmutableSandboxedEnvironment(autoescape=autoescape, undefined=StrictUndefined)
    # range, cycler, joiner, namespace, lipsum and dict are no part of a letter.
    environment.globals.clear()
    environment.filters = {name: environment.filters[name] for name in ALLOWED_FILTERS}
    return environment


# For Word XML parts: every value is escaped.
MARKUP_ENVIRONMENT = _sandbox(autoescape=True)
# For document properties (title, subject...): they are plain text that lxml
# escapes when it writes them, so escaping here would show "&amp;" in Word.
TEXT_ENVIRONMENT = _sandbox(autoescape=False)

JINJA_MARKERS = ("{{", "{%", "{#")


def has_jinja(text: str) -> bool:
    """Whether *text* contains anything Jinja would interpret."""
    return any(marker in text for marker in JINJA_MARKERS)


# A member's values, made safe.
#
# Every value becomes a plain string that XML 1.0 can hold, with newlines as "\n"
# (docxtpl renders them as Word line breaks) and a bounded length. Missing keys
# become empty strings and unknown keys are dropped, so a template error is the
# only thing StrictUndefined ever reports, never a member's empty field.

# XML 1.0 forbids these code points outright: C0 controls other than tab, line
# feed and carriage return, the surrogates (in a Python string always lone ones)
# and the two non-characters U+FFFE and U+FFFF. \a and \f go too, which also
# keeps members away from docxtpl's paragraph- and page-break listing codes.
_ILLEGAL_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile("\r\n?")


def clean_text(value: Any, limit: int = MAX_FIELD_LENGTH) -> str:
    """*value* as a string that is safe to put in a letter, at most *limit* characters long."""
    text = _NEWLINES.sub("\n", _as_text(value))
    return _ILLEGAL_IN_XML.sub("", text)[:limit]


def _as_text(value: Any) -> str:
    # bool is an int, but "True" in a letter is always a caller's mistake.
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Promise) or (isinstance(value, (int, float, decimal.Decimal)) and not isinstance(value, bool)):
        return str(value)
    raise TypeError(f"letter values must be text, not {type(value).__name__}")


def _record(
    value: Any, fields: Sequence[str], images: Sequence[str] = (), paragraphs: Sequence[str] = ()
) -> dict[str, Any]:
    if value is None:
        value = {}
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a mapping with keys {', '.join(fields)}, not {type(value).__name__}")
    # A picture is PNG bytes checked by images.py, never text: it prints our own fixed drawing.
    # A paragraph field (her own words) may be as long as a paragraph of the body.
    return {
        field: LetterImage.from_value(value.get(field))
        if field in images
        else clean_text(value.get(field), MAX_PARAGRAPH_LENGTH if field in paragraphs else MAX_FIELD_LENGTH)
        for field in fields
    }


def _items(value: Any, limit: int) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (str, Promise)):
        return [value]  # one paragraph given as a plain string
    if not isinstance(value, Sequence):
        raise TypeError(f"expected a list, not {type(value).__name__}")
    return list(value[:limit])


# Each record's fields under names of their own, for the parts preparing.py compiled with
# "member.name" read as one variable: Jinja then looks it up once per letter, not once per
# use through the sandbox's attribute lookup. No template may use these names (validation
# refuses unknown names), and the fields keep their records: nothing else changes.
FLAT_FIELD_NAMES: dict[tuple[str, str], str] = {
    (record, field): f"{record}__{field}" for record, fields in RECORDS.items() for field in fields
}
# A record's list ("letter.sections") too.
FLAT_FIELD_NAMES.update(
    {(record, field): f"{record}__{field}" for record, _dot, field in (name.partition(".") for name in LISTS) if field}
)


def with_flat_fields(context: dict[str, Any]) -> dict[str, Any]:
    """A normalised *context* with each record's fields under their flat names too."""
    flat = dict(context)
    for (record, field), name in FLAT_FIELD_NAMES.items():
        flat[name] = context[record][field]
    return flat


def normalise_context(context: Context) -> dict[str, Any]:
    """The context in exactly the documented shape, every value cleaned and capped."""
    normalised: dict[str, Any] = {
        name: _record(context.get(name), fields, IMAGE_FIELDS.get(name, ()), PARAGRAPH_FIELDS.get(name, ()))
        for name, fields in RECORDS.items()
    }
    normalised.update({name: clean_text(context.get(name)) for name in TEXTS})
    paragraphs = _items(context.get("body"), MAX_PARAGRAPHS)
    normalised["body"] = [clean_text(paragraph, MAX_PARAGRAPH_LENGTH) for paragraph in paragraphs]
    recipients = _items(context.get("recipients"), MAX_RECIPIENTS)
    normalised["recipients"] = [_record(recipient, RECIPIENT_FIELDS) for recipient in recipients]
    # The section paragraphs she chose are paragraphs like the body's (the record, checked
    # above, holds her code, QR code and own words).
    sections = _items((context.get("letter") or {}).get("sections"), MAX_SECTIONS)
    normalised["letter"]["sections"] = [clean_text(paragraph, MAX_PARAGRAPH_LENGTH) for paragraph in sections]
    return normalised


# The hard cap on each real render: how much text and time one letter may take.
#
# The template language (validation.py) already admits no expression whose output
# grows faster than the member's input; this is the second line. Every Jinja
# template a letter renders streams through render_bounded, which counts the
# characters it produces and the time spent, and stops the letter as soon as either
# passes its cap, before the text is built. Time is the thread's CPU time, so a busy
# machine does not turn a valid template into a refused one.

TIME_CHECK_EVERY = 256


class LetterTooCostly(Exception):
    """A letter passed its size or time cap; ``reason`` is "too_large" or "too_slow"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Budget:
    """What is left of one letter's characters and time; one per letter, never shared."""

    def __init__(self, characters: int = MAX_LETTER_CHARACTERS, seconds: float = MAX_LETTER_SECONDS) -> None:
        self.characters_left = characters
        # CPU time of this thread: what the template costs, whatever else the machine is doing.
        self.deadline = time.thread_time() + seconds
        self.spent = 0  # characters produced so far, for tests and logs

    def settle(self, characters_left: int) -> None:
        """Record what a render left of the characters (less than nothing when it passed the cap)."""
        self.spent += self.characters_left - characters_left
        self.characters_left = characters_left

    def check_time(self) -> None:
        if time.thread_time() > self.deadline:
            raise LetterTooCostly("too_slow")


_current: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("letter_budget", default=None)


@contextlib.contextmanager
def letter_budget(budget: Budget | None = None) -> Iterator[Budget]:
    """Every render inside this block draws on one budget: *budget*, else the one already
    in force (a caller may bound a whole call), else a fresh letter's."""
    budget = budget or _current.get() or Budget()
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)


def render_bounded(template: Template, context: Context) -> str:
    """``template.render(context)``, stopped as soon as the letter's budget is spent."""
    budget = _current.get() or Budget()  # a render outside any letter still gets one letter's budget
    pieces: list[str] = []
    append = pieces.append
    # The count lives in locals while the pieces come (this loop runs for every piece of every
    # letter) and is settled with the budget when the render ends, however it ends.
    left = budget.characters_left
    countdown = TIME_CHECK_EVERY
    try:
        # What Template.render does, minus the join, so each piece is counted as it comes.
        for piece in template.root_render_func(template.new_context(dict(context))):
            left -= len(piece)
            if left < 0:
                raise LetterTooCostly("too_large")
            append(piece)
            countdown -= 1
            if not countdown:
                # Reading the CPU clock is a system call: once per TIME_CHECK_EVERY pieces is
                # enough, since the template language bounds what one piece can cost.
                countdown = TIME_CHECK_EVERY
                budget.check_time()
    except LetterTooCostly:
        raise
    except Exception:
        template.environment.handle_exception()  # re-raises with the template's line numbers
    finally:
        budget.settle(left)
    budget.check_time()
    return "".join(pieces)


class BoundedTemplate:
    """A compiled Jinja template whose ``render`` draws on the current letter's budget."""

    __slots__ = ("template",)

    def __init__(self, template: Template) -> None:
        self.template = template

    def render(self, context: Context) -> str:
        return render_bounded(self.template, context)


class BoundedEnvironment:
    """What docxtpl is handed as its Jinja environment: templates come back bounded."""

    def __init__(self, environment) -> None:
        self.environment = environment
        self.autoescape = environment.autoescape  # docxtpl sets this; the sandbox's own stays as it is

    def from_string(self, source: str) -> BoundedTemplate:
        return BoundedTemplate(self.environment.from_string(source))


# Placeholders in the document properties (title, subject...), as Word shows them.

# The text properties docxtpl renders; the others are dates, numbers or lists.
RENDERED_CORE_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")

CorePropertyTemplates = tuple[tuple[str, Template], ...]


def core_property_sources(core: CoreProperties) -> dict[str, str]:
    """The properties that hold placeholders, by name."""
    values = {name: getattr(core, name) or "" for name in RENDERED_CORE_PROPERTIES}
    return {name: value for name, value in values.items() if has_jinja(value)}


def compile_core_properties(core: CoreProperties) -> CorePropertyTemplates:
    return tuple((name, TEXT_ENVIRONMENT.from_string(source)) for name, source in core_property_sources(core).items())


def render_core_property(template: Template, context: Context) -> str:
    """The property's text; Word refuses a longer property than its limit, so it is cut there."""
    return render_bounded(template, context)[:MAX_CORE_PROPERTY_LENGTH]


# docxtpl as letters use it: always in the sandbox, each part compiled only once.

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

    def render_to_bytes(self, context: Context) -> bytes:
        """The whole letter, rendered by docxtpl itself (the reference and fallback path)."""
        self.render(dict(context), jinja_env=BoundedEnvironment(MARKUP_ENVIRONMENT), autoescape=True)
        buffer = io.BytesIO()
        self.save(buffer)
        return buffer.getvalue()

    def render_properties(self, context, jinja_env=None) -> None:
        core = self.docx.core_properties
        for name, template in compile_core_properties(core):
            setattr(core, name, render_core_property(template, context))

    def render_footnotes(self, context, jinja_env=None) -> None:
        for part in footnotes_parts(self.docx):
            source = self.patch_xml(part.blob.decode("utf-8"))
            part._blob = self.render_xml_part(source, part, context, jinja_env).encode("utf-8")


def footnotes_parts(document) -> list[Part]:
    return [part for part in document.part.package.iter_parts() if part.content_type == CONTENT_TYPE.WML_FOOTNOTES]


def render_with_docxtpl(template: bytes, context: Context) -> bytes:
    """The reference: the whole template through docxtpl, in the sandbox."""
    return SandboxedDocxTemplate(io.BytesIO(template)).render_to_bytes(context)


# docxtpl's listing codes, which resolve_listing turns into tabs and breaks.
_LISTING_CHARACTERS = "\t\a\n\f"
_PARAGRAPH_END = "</w:p>"


class LetterRenderer(SandboxedDocxTemplate):
    """The per-letter docxtpl object of the fast path: it renders compiled parts only."""

    def resolve_listing(self, xml: str) -> str:
        # docxtpl's resolve_listing rewrites each paragraph on its own (from a "<w:p" to the
        # first "</w:p>" after it) and leaves a paragraph without listing characters as it
        # was. So cutting the XML after every "</w:p>" and resolving only the pieces holding
        # such characters gives the same XML; those pieces are found from the characters
        # themselves, without cutting, or running regular expressions over, every paragraph.
        pieces, done = [], 0
        resolve = super().resolve_listing
        for start, end in _pieces_with_listing(xml):
            pieces += [xml[done:start], resolve(xml[start:end])]
            done = end
        if not pieces:
            return xml
        pieces.append(xml[done:])
        return "".join(pieces)


def _pieces_with_listing(xml: str) -> Iterator[tuple[int, int]]:
    """Where the pieces holding a listing character start and end, the XML cut after every "</w:p>"."""
    positions = []
    for character in _LISTING_CHARACTERS:  # str.find is far faster than a regular expression here
        position = xml.find(character)
        while position >= 0:
            positions.append(position)
            position = xml.find(character, position + 1)
    end = 0
    for position in sorted(positions):
        if position < end:
            continue  # in the piece just resolved
        cut = xml.rfind(_PARAGRAPH_END, 0, position)
        start = 0 if cut < 0 else cut + len(_PARAGRAPH_END)
        cut = xml.find(_PARAGRAPH_END, position)
        end = len(xml) if cut < 0 else cut + len(_PARAGRAPH_END)
        yield start, end


@dataclass(frozen=True)
class CompiledPart:
    """A part's Jinja template, compiled once (preparing.py), rendered by docxtpl's ``render_xml_part``."""

    patched_xml: str
    jinja_source: str  # what render_xml_part hands to Jinja
    template: Template

    def render(self, renderer: DocxTemplate, context: Context) -> str:
        # render_xml_part first turns the patched XML into jinja_source, then asks
        # the environment (this object) for its template. That template is
        # already compiled from jinja_source, so the XML is not passed again:
        # preparing it would be wasted work on every letter.
        return renderer.render_xml_part("", None, context, self)

    def from_string(self, source: str) -> BoundedTemplate:
        """Stand in for the Jinja environment inside render_xml_part: the compiled template, bounded."""
        return BoundedTemplate(self.template)


# The parts of a letter that change with each member: how each one is rendered.
#
# Each turns a normalised context into the part's bytes, doing after Jinja what
# docxtpl (and python-docx, when docxtpl saves) does to that kind of part, so that
# the result is the same XML as a plain docxtpl render's, up to C14N.

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
        return b"".join((self.before_body, body, self.after_body))


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

    def render(self, renderer: DocxTemplate, context: Context) -> bytes:
        xml = [self.pieces[0]]
        for template, piece in zip(self.templates, self.pieces[1:]):
            xml += [escape(render_core_property(template, context)).encode("utf-8"), piece]
        return b"".join(xml)


@dataclass(frozen=True)
class ImagePart:
    """The letter's picture (images.py): the PNG the context carries, in the member the
    template was given for it when it was prepared."""

    member: str

    def render(self, renderer: DocxTemplate | None, context: Context) -> bytes:
        return image_value(context).media_bytes


def render_reference(template: bytes, context: Context, image_members: Sequence[str]) -> bytes:
    """docxtpl's letter, its picture's member holding the letter's PNG as on the fast path."""
    document = render_with_docxtpl(template, context)
    return with_members_replaced(document, {member: image_value(context).media_bytes for member in image_members})


# The letter's zip: the parts no letter changes copied as they are, still compressed.
#
# zipfile can neither copy a member without decompressing it nor append to an
# archive in memory without re-reading its directory, so the records are written
# here directly. The layouts are the zip format's (PKWARE APPNOTE 4.3.7, 4.3.12,
# 4.3.16), spelled out here because zipfile keeps its own copies private.

DateTime = tuple[int, int, int, int, int, int]
_UNIX = 3  # "made by" system: external_attr holds Unix permissions
_VERSION = 20  # zip 2.0: deflate
_UTF8_NAME = 0x800
_PERMISSIONS = 0o644 << 16
_EARLIEST: DateTime = (1980, 1, 1, 0, 0, 0)
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # signature, version, 0, flags, method, time, date, crc, sizes, lengths
_LOCAL_SIGNATURE = b"PK\x03\x04"
_LOCAL_NAME_LENGTH, _LOCAL_EXTRA_LENGTH = 10, 11  # the local header's name and extra field lengths
_DIRECTORY_ENTRY = struct.Struct("<4s4B4HL2L5H2L")
_DIRECTORY_SIGNATURE = b"PK\x01\x02"
_END_RECORD = struct.Struct("<4s4H2LH")
_END_SIGNATURE = b"PK\x05\x06"
# The rendered parts are a few kilobytes: compressing them fast matters more than a few bytes.
RENDERED_PART_COMPRESSION = 1


def _dos_time(date_time: DateTime) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time
    return hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day


def _member(
    name: str, date_time: DateTime, method: int, crc: int, data: bytes, size: int, offset: int
) -> tuple[bytes, bytes]:
    """A member's local record (header and *data*, already compressed by *method*) and its directory entry."""
    encoded = name.encode("utf-8")
    flags = 0 if encoded.isascii() else _UTF8_NAME
    common = (flags, method, *_dos_time(date_time), crc, len(data), size, len(encoded))
    local = _LOCAL_HEADER.pack(_LOCAL_SIGNATURE, _VERSION, 0, *common, 0)
    entry = _DIRECTORY_ENTRY.pack(
        _DIRECTORY_SIGNATURE,
        _VERSION,
        _UNIX,
        _VERSION,
        0,
        *common,
        0,
        0,
        0,
        0,
        _PERMISSIONS,
        offset,
    )
    return local + encoded + data, entry + encoded


def _compressed_data(template: bytes, info: zipfile.ZipInfo) -> bytes:
    """The member's data exactly as stored in *template*, without decompressing it."""
    offset = info.header_offset
    header = _LOCAL_HEADER.unpack_from(template, offset)
    variable_length = header[_LOCAL_NAME_LENGTH] + header[_LOCAL_EXTRA_LENGTH]
    start = offset + _LOCAL_HEADER.size + variable_length
    return template[start : start + info.compress_size]


@dataclass(frozen=True)
class PackageCopy:
    """The template's members that no letter changes, ready to be copied into each letter."""

    records: bytes  # their local records, one after the other from offset 0
    directory: bytes  # their central directory entries
    count: int
    dates: Mapping[str, DateTime]  # the rendered parts' times in the template, kept for them

    @classmethod
    def from_template(cls, template: bytes, rendered: Collection[str]) -> PackageCopy:
        """Built from a template whose zip directory was checked (stored or deflated members only)."""
        records, directory, dates = [], [], {}
        offset = 0
        with zipfile.ZipFile(io.BytesIO(template)) as source:
            for info in source.infolist():
                if info.filename in rendered:
                    dates[info.filename] = info.date_time
                    continue
                data = _compressed_data(template, info)
                record, entry = _member(
                    info.filename, info.date_time, info.compress_type, info.CRC, data, info.file_size, offset
                )
                records.append(record)
                directory.append(entry)
                offset += len(record)
        return cls(b"".join(records), b"".join(directory), len(directory), types.MappingProxyType(dates))

    def with_parts(self, parts: Mapping[str, bytes]) -> bytes:
        """The complete .docx: the unchanged members, then *parts*, then the directory of both."""
        records, directory = [self.records], [self.directory]
        offset = len(self.records)
        for name, content in parts.items():
            compressor = zlib.compressobj(RENDERED_PART_COMPRESSION, zlib.DEFLATED, -zlib.MAX_WBITS)
            data = compressor.compress(content) + compressor.flush()
            date = self.dates.get(name, _EARLIEST)
            record, entry = _member(name, date, zipfile.ZIP_DEFLATED, zlib.crc32(content), data, len(content), offset)
            records.append(record)
            directory.append(entry)
            offset += len(record)
        directory_size = sum(map(len, directory))
        count = self.count + len(parts)
        end = _END_RECORD.pack(_END_SIGNATURE, 0, 0, count, count, directory_size, offset, 0)
        # One join: the unchanged members are most of a letter's bytes, copied once.
        return b"".join([*records, *directory, end])


# A template ready to render letters.


@dataclass(frozen=True)
class PreparedTemplate:
    """A template ready to render letters (built by preparing.py); immutable, so one instance serves every thread."""

    parts: tuple[RenderedPart, ...]
    package: PackageCopy
    # The template itself, kept only when the fast path did not give docxtpl's
    # XML for it: its letters are then rendered by docxtpl.
    fallback: bytes | None = None

    @property
    def fast(self) -> bool:
        return self.fallback is None

    @property
    def image_members(self) -> list[str]:
        """The members holding a letter's picture (none unless the template prints one)."""
        return [part.member for part in self.parts if isinstance(part, ImagePart)]

    def render(self, context: Context) -> bytes:
        """A .docx letter for *context* (normalised here, whatever the caller passes)."""
        context = normalise_context(context)
        with letter_budget():  # the hard cap: a letter past it raises LetterTooCostly, unbuilt
            if self.fallback is not None:
                return render_reference(self.fallback, context, self.image_members)
            renderer = LetterRenderer()  # docxtpl's per-letter state, such as the picture id counter
            context = with_flat_fields(context)
            return self.package.with_parts({part.member: part.render(renderer, context) for part in self.parts})
