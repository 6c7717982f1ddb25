"""A template set to the letter's language and writing direction.

Word and LibreOffice choose hyphenation, spelling, fonts for each script and the
order of mixed text from the language and direction stored on every paragraph
and run, not from the words themselves: an Arabic letter without ``w:bidi`` is
laid out left to right, Chinese text without an East Asian language falls into
Latin fonts. So the *template* is marked once per language, before it is
prepared, and the fast path and plain docxtpl render the same marked XML (their
equivalence check keeps holding) while a letter costs nothing more. The
template's look (fonts, sizes, spacing) stays the editor's.

Word keeps bold, italic and size twice: ``w:b``, ``w:i`` and ``w:sz`` apply to Latin and
Cyrillic text, ``w:bCs``, ``w:iCs`` and ``w:szCs`` to complex scripts such as Arabic. A
template made by a program that writes only the first (python-docx does) would lose its
bold subject line and its sizes in an Arabic letter, so marking gives each of them its
complex-script twin, with the same value, where the template has none; a twin the template
sets itself is kept as it is.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

from soroptimist_advocacy.letters.package import CORE_PROPERTIES_TYPE, WORDML, PackageLayout, W

DC_LANGUAGE = "{http://purl.org/dc/elements/1.1/}language"
# Parts holding letter text, found by content type as Word finds them.
TEXT_PARTS = {
    WORDML + kind
    for kind in (
        "document.main+xml",
        "template.main+xml",
        "header+xml",
        "footer+xml",
        "footnotes+xml",
        "endnotes+xml",
    )
}
STYLES = WORDML + "styles+xml"


@dataclass(frozen=True)
class LetterLanguage:
    """How Word records a language: its tag in the slot of its script, and its direction."""

    tag: str  # BCP 47, as dc:language and w:lang take it
    slot: str = "val"  # w:lang attribute: val (Latin, Cyrillic...), eastAsia, bidi (complex scripts)
    rtl: bool = False


# The six UN languages; any other code is tagged as given in the w:val slot.
LANGUAGES = {
    "en": LetterLanguage("en-GB"),
    "fr": LetterLanguage("fr-FR"),
    "es": LetterLanguage("es-ES"),
    "ru": LetterLanguage("ru-RU"),
    "ar": LetterLanguage("ar-SA", slot="bidi", rtl=True),
    "zh-hans": LetterLanguage("zh-CN", slot="eastAsia"),
    "zh": LetterLanguage("zh-CN", slot="eastAsia"),
}
RTL_LANGUAGES = {"ar", "fa", "he", "ur"}


def letter_language(code: str) -> LetterLanguage:
    code = code.lower().replace("_", "-")
    if code in LANGUAGES:
        return LANGUAGES[code]
    base = code.split("-")[0]
    if base in LANGUAGES:
        return LANGUAGES[base]
    if base in RTL_LANGUAGES:
        return LetterLanguage(code, slot="bidi", rtl=True)
    return LetterLanguage(code)


# Schema order of the children Word reads (it refuses a document whose children are out of order).
RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]
PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
SECTPR_ORDER = [
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
]


def _child(parent: etree._Element, name: str, order: list[str]) -> etree._Element:
    """*parent*'s ``w:name`` child, created at its place in the schema order when missing."""
    found = parent.find(W + name)
    if found is not None:
        return found
    element = etree.Element(W + name)
    later = set(order[order.index(name) + 1 :])
    for index, sibling in enumerate(parent):
        if isinstance(sibling.tag, str) and sibling.tag.startswith(W) and sibling.tag[len(W) :] in later:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


def _first_child(parent: etree._Element, name: str) -> etree._Element:
    found = parent.find(W + name)
    if found is None:
        found = etree.Element(W + name)
        parent.insert(0, found)
    return found


# Run properties for Latin and Cyrillic text, and their twins for complex scripts.
COMPLEX_SCRIPT_TWINS = {"b": "bCs", "i": "iCs", "sz": "szCs"}


def with_complex_script_twins(rpr: etree._Element) -> None:
    """*rpr* with the complex-script twin of its bold, italic and size wherever it lacks one."""
    for latin, complex_script in COMPLEX_SCRIPT_TWINS.items():
        source = rpr.find(W + latin)
        if source is not None and rpr.find(W + complex_script) is None:
            twin = _child(rpr, complex_script, RPR_ORDER)
            for name, value in source.attrib.items():
                twin.set(name, value)


def _mark_run_properties(rpr: etree._Element, language: LetterLanguage) -> None:
    if language.rtl:
        _child(rpr, "rtl", RPR_ORDER)
    if language.slot == "eastAsia":
        # Punctuation shared by both scripts (quotes, dashes) takes the East Asian font.
        _child(rpr, "rFonts", RPR_ORDER).set(W + "hint", "eastAsia")
    lang = _child(rpr, "lang", RPR_ORDER)
    lang.set(W + language.slot, language.tag)
    if language.slot != "val":
        # The member's Latin name and figures inside the letter are spelt with the same language.
        lang.set(W + "val", language.tag)


def _mark_paragraph(ppr: etree._Element, language: LetterLanguage) -> None:
    if language.rtl:
        _child(ppr, "bidi", PPR_ORDER)
    _mark_run_properties(_child(ppr, "rPr", PPR_ORDER), language)


def complete_complex_script_properties(root: etree._Element) -> None:
    """Every run property set of a part (runs, paragraph marks, styles, document defaults) with
    its complex-script twins."""
    for rpr in root.iter(W + "rPr"):
        with_complex_script_twins(rpr)


def mark_text_part(root: etree._Element, language: LetterLanguage) -> None:
    """Every paragraph, run and section of a body, header, footer or notes part."""
    complete_complex_script_properties(root)
    for run in root.iter(W + "r"):
        _mark_run_properties(_first_child(run, "rPr"), language)
    for paragraph in root.iter(W + "p"):
        _mark_paragraph(_first_child(paragraph, "pPr"), language)
    if language.rtl:
        for section in root.iter(W + "sectPr"):
            _child(section, "bidi", SECTPR_ORDER)


def mark_styles(root: etree._Element, language: LetterLanguage) -> None:
    """The document defaults, so that text a template adds later has the language too, and
    every style's complex-script twins."""
    complete_complex_script_properties(root)
    defaults = root.find(W + "docDefaults")
    if defaults is None:
        defaults = etree.Element(W + "docDefaults")
        root.insert(0, defaults)
    r_default = _child(defaults, "rPrDefault", ["rPrDefault", "pPrDefault"])
    _mark_run_properties(_first_child(r_default, "rPr"), language)
    if language.rtl:
        p_default = _child(defaults, "pPrDefault", ["rPrDefault", "pPrDefault"])
        _child(_first_child(p_default, "pPr"), "bidi", PPR_ORDER)


def mark_core_properties(root: etree._Element, language: LetterLanguage) -> None:
    element = root.find(DC_LANGUAGE)
    if element is None:
        element = etree.SubElement(root, DC_LANGUAGE)
    element.text = language.tag


def in_language(template: bytes, code: str, layout: PackageLayout) -> bytes:
    """*template* with every paragraph, run, section and its properties in the language *code*.

    The parts are those of *layout*, the template's layout as validation read it: typed by
    [Content_Types].xml (an Override or the Default for the extension), whatever their names.
    Marking rewrites parts' XML only, never names, relationships or types: the layout holds.
    """
    language = letter_language(code)
    markers = {
        CORE_PROPERTIES_TYPE: mark_core_properties,
        STYLES: mark_styles,
        **dict.fromkeys(TEXT_PARTS, mark_text_part),
    }
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as source, zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            mark = markers.get(layout.content_type(info.filename))
            if mark is not None:
                # The template was validated and cleaned before: no DOCTYPE, a plain package.
                root = etree.fromstring(data)
                mark(root, language)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, data, compress_type=info.compress_type)
    return output.getvalue()
