"""Refuse what a letter template must not carry: macros, embedded objects, outside
links that Word would follow, altChunk, field codes that fetch or run things, and
any DOCTYPE. Runs on a package whose zip directory has already been checked.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from lxml import etree

from soroptimist_advocacy.letters.safety.package_layout import (
    CONTENT_TYPES_MEMBER,
    PackageLayout,
    is_relationships_member,
)
from soroptimist_advocacy.letters.safety.safexml import DoctypeFound, has_doctype, parse_untrusted

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
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
