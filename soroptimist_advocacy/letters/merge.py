"""Several letters in one .docx, each in its own section starting on a new page.

docxcompose appends each letter's body with its styles, numbering and pictures,
but drops the header and footer references of what it appends: every letter
would show the first letter's headers. So each appended letter's sections get
their own section properties back, pointing to copies of its own headers and
footers, which keeps recipient placeholders in headers right.
"""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Mapping, Sequence
from copy import deepcopy

from docx import Document
from docx.enum.section import WD_SECTION
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn

_CORE_PROPERTIES_PREFIX = nsmap["cp"]
from docxcompose.composer import Composer  # noqa: E402

# Importing docxcompose rebinds python-docx's global "cp" prefix to the custom
# properties namespace, after which python-docx writes core properties (last
# modified by, revision...) in the wrong namespace, in the whole process. Bind
# it back: docxcompose only needs it for custom property fields, which
# merge_letters leaves alone (remove_property_fields=False).
nsmap["cp"] = _CORE_PROPERTIES_PREFIX

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
HEADER_FOOTER_REFERENCES = (qn("w:headerReference"), qn("w:footerReference"))


def merge_letters(letters: Sequence[bytes]) -> bytes:
    """One .docx holding *letters* (each a .docx) one after the other."""
    if len(letters) == 1:
        return letters[0]
    combined = Document(io.BytesIO(letters[0]))
    composer = Composer(combined)
    for letter in letters[1:]:
        _end_section_here(combined)
        document = Document(io.BytesIO(letter))
        start = composer.append_index()
        composer.append(document, remove_property_fields=False)
        appended = combined.element.body[start : composer.append_index()]
        _give_back_sections(composer, document, appended)
    # Headers copied after the last append were not renumbered by docxcompose yet.
    composer.renumber_docpr_ids()
    composer.renumber_nvpicpr_ids()
    output = io.BytesIO()
    combined.save(output)
    return output.getvalue()


def _end_section_here(combined) -> None:
    """Close the document's last section with a section break carrying its own properties."""
    last = combined.element.body.sectPr
    paragraph = OxmlElement("w:p")
    paragraph.get_or_add_pPr().append(deepcopy(last))
    last.addprevious(paragraph)


def _give_back_sections(composer: Composer, document, appended) -> None:
    combined = composer.doc
    ids = _copy_headers_and_footers(composer, document)
    originals = list(document.element.body.iter(qn("w:sectPr")))  # the body's own comes last
    inner_copies = [section for element in appended for section in element.iter(qn("w:sectPr"))]
    restored = [_with_ids(original, ids) for original in originals]
    for copy, original in zip(inner_copies, restored):
        copy.getparent().replace(copy, original)
    combined.element.body.replace(combined.element.body.sectPr, restored[-1])
    restored[0].start_type = WD_SECTION.NEW_PAGE  # each letter starts on a page of its own


def _copy_headers_and_footers(composer: Composer, document) -> dict[str, str]:
    """Copy the letter's headers and footers into the combined document: old id -> new id."""
    ids: dict[str, str] = {}
    for section in document.element.body.iter(qn("w:sectPr")):
        for reference in section.iterchildren(*HEADER_FOOTER_REFERENCES):
            old = reference.get(R + "id")
            if old not in ids:
                relationship = document.part.rels[old]
                copy = _copy_part(composer, relationship.target_part)
                ids[old] = composer.doc.part.relate_to(copy, relationship.reltype)
    return ids


def _numbered_name_template(partname: str) -> str:
    """The part's name with a number to fill in, whatever its extension: /word/header1.xml -> /word/header%d.xml.

    A header may have any name and extension (its relationships, not its name, make it
    a header), and any "%" in the name must stay a "%" once numbered.
    """
    stem, extension = posixpath.splitext(partname.replace("%", "%%"))
    return re.sub(r"\d*$", "", stem) + "%d" + extension


def _copy_part(composer: Composer, part: Part) -> Part:
    package = composer.doc.part.package
    name = package.next_partname(_numbered_name_template(str(part.partname)))
    copy = type(part).load(name, part.content_type, part.blob, package)
    ids = {}
    for old, relationship in part.rels.items():
        if relationship.is_external:
            ids[old] = copy.rels.get_or_add_ext_rel(relationship.reltype, relationship.target_ref)
        else:
            ids[old] = composer.add_relationship(part, copy, relationship).rId
    _rename_ids(copy.element, ids)
    return copy


def _rename_ids(element, ids: Mapping[str, str]) -> None:
    for node in element.iter():
        for attribute, value in node.attrib.items():
            if attribute.startswith(R) and value in ids:
                node.set(attribute, ids[value])


def _with_ids(section, ids: Mapping[str, str]):
    """A copy of *section* referring to the combined document's parts; references it cannot map are dropped."""
    copy = deepcopy(section)
    for node in list(copy.iter()):
        if any(attribute.startswith(R) and value not in ids for attribute, value in node.attrib.items()):
            node.getparent().remove(node)
    _rename_ids(copy, ids)
    return copy
