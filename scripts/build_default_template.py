"""Build ``soroptimist_advocacy/letters/default_template.docx``, the letter used when
an editor uploads no template of her own.

Run ``python scripts/build_default_template.py`` after changing this script and
commit the generated file. The output is byte-for-byte reproducible (fixed zip
timestamps and document dates), so a rebuild without changes leaves git clean.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

OUTPUT = Path(__file__).resolve().parent.parent / "soroptimist_advocacy" / "letters" / "default_template.docx"

FONT = "Arial"  # metric-compatible with Liberation Sans, which LibreOffice substitutes
# Arial has no Chinese glyphs anywhere: East Asian text gets a font that ships with Windows
# and that LibreOffice maps to an installed CJK family (Noto Sans CJK SC on Debian).
EAST_ASIAN_FONT = "Microsoft YaHei"
FIXED_DATE = datetime.datetime(2026, 1, 1)
FIXED_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
GREY = RGBColor(0x55, 0x55, 0x55)


def with_complex_script_twins(properties) -> None:
    """*properties* (a run's or a style's ``w:rPr``) with ``w:bCs``, ``w:iCs`` and ``w:szCs``
    beside the ``w:b``, ``w:i`` and ``w:sz`` python-docx writes alone: without them bold,
    italic and size do not reach Arabic and other complex-script text. (The engine's own
    ``letters.language.with_complex_script_twins`` does the same to any template; importing
    the engine here would change how python-docx writes the document's properties.)"""
    for latin, complex_script in (("w:b", "w:bCs"), ("w:i", "w:iCs"), ("w:sz", "w:szCs")):
        source = properties.find(qn(latin))
        if source is not None and properties.find(qn(complex_script)) is None:
            twin = OxmlElement(complex_script)
            for name, value in source.attrib.items():
                twin.set(name, value)
            source.addnext(twin)


def optional_line(variable: str) -> str:
    """A line break and *variable*, both left out when the member leaves the field empty."""
    return "{% if " + variable + " %}\n{{ " + variable + " }}{% endif %}"


def drop_boilerplate(document) -> None:
    """Remove the parts python-docx's own template carries that a letter does not need."""
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype in (RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"):
            document.part.drop_rel(rel_id)
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rel_id)


def set_fonts(document) -> None:
    """Arial 11 pt for Latin and complex scripts (Windows' and macOS' Arial has Arabic and Hebrew),
    an East Asian font for Chinese; the engine sets each letter's language and direction."""
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    r_fonts = defaults.find(qn("w:rFonts"))
    for attribute in list(r_fonts.attrib):
        del r_fonts.attrib[attribute]  # theme fonts would win over the explicit ones
    for script in ("w:ascii", "w:hAnsi", "w:cs"):
        r_fonts.set(qn(script), FONT)
    r_fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    # No fixed language here: the engine marks every letter with its own (w:lang, w:bidi).
    defaults.remove(defaults.find(qn("w:lang")))
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    spacing = normal.paragraph_format
    spacing.space_before = Pt(0)
    spacing.space_after = Pt(0)
    spacing.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    spacing.line_spacing = 1.15


def add_paragraph_style(
    document, name: str, *, before: int = 0, after: int = 0, align=None, keep_with_next: bool = False
):
    style = document.styles.add_style(name, 1)  # 1: paragraph style
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.keep_with_next = keep_with_next
    if align is not None:
        fmt.alignment = align
    return style


def build() -> bytes:
    document = Document()
    drop_boilerplate(document)
    set_fonts(document)

    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(25), Mm(25)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)

    add_paragraph_style(document, "Letter Sender", keep_with_next=True)
    add_paragraph_style(document, "Letter Date", before=24, after=24, align=WD_ALIGN_PARAGRAPH.RIGHT)
    add_paragraph_style(document, "Letter Recipient", after=24, keep_with_next=True)
    add_paragraph_style(document, "Letter Subject", after=12, keep_with_next=True).font.bold = True
    add_paragraph_style(document, "Letter Salutation", after=10, keep_with_next=True)
    add_paragraph_style(document, "Letter Body", after=10)
    add_paragraph_style(document, "Letter Closing", before=4, after=40, keep_with_next=True)
    add_paragraph_style(document, "Letter Signature")

    sender = document.add_paragraph(style="Letter Sender")
    sender.add_run("{{ member.name }}").bold = True
    for field in ("club", "town", "country", "email"):
        sender.add_run(optional_line(f"member.{field}"))

    document.add_paragraph("{{ date }}", style="Letter Date")

    # The address line, when the directory gives one in the letter's language (a Russian
    # letter's dative), takes the place of her name and post.
    recipient = document.add_paragraph(style="Letter Recipient")
    recipient.add_run("{% if recipient.address_line %}{{ recipient.address_line }}{% else %}{{ recipient.name }}")
    # Without a name (a country with nobody listed), the addressee opens the block on its first line.
    recipient.add_run("{% if recipient.name and recipient.title %}\n{% endif %}{{ recipient.title }}{% endif %}")
    for field in ("organisation", "address", "country"):
        recipient.add_run(optional_line(f"recipient.{field}"))

    document.add_paragraph("{{ subject }}", style="Letter Subject")
    document.add_paragraph("{{ recipient.salutation }},", style="Letter Salutation")

    # {%p ...%} tags make docxtpl drop their own paragraph: one Word paragraph per body paragraph.
    document.add_paragraph("{%p for paragraph in body %}", style="Letter Body")
    document.add_paragraph("{{ paragraph }}", style="Letter Body")
    document.add_paragraph("{%p endfor %}", style="Letter Body")
    # Then the section paragraphs the member chose, in order, and her own words (kept out when empty).
    document.add_paragraph("{%p for paragraph in letter.sections %}", style="Letter Body")
    document.add_paragraph("{{ paragraph }}", style="Letter Body")
    document.add_paragraph("{%p endfor %}", style="Letter Body")
    document.add_paragraph("{%p if letter.own_words %}", style="Letter Body")
    document.add_paragraph("{{ letter.own_words }}", style="Letter Body")
    document.add_paragraph("{%p endif %}", style="Letter Body")

    document.add_paragraph("{{ closing }}", style="Letter Closing")
    signature = document.add_paragraph(style="Letter Signature")
    signature.add_run("{{ member.name }}")
    signature.add_run(optional_line("member.club"))

    footer_paragraph = section.footer.paragraphs[0]
    footer_paragraph.text = "{{ campaign.title }}"
    footer_paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # The letter's QR code and reference: she scans or types it to say the letter was sent.
    reference = section.footer.add_paragraph()
    reference.add_run("{{ letter.qr }}")
    reference.add_run(optional_line("letter.reference"))
    reference.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer_style = document.styles["Footer"]
    footer_style.font.size = Pt(8)
    footer_style.font.color.rgb = GREY

    # Bold, italic and size as python-docx set them, for complex scripts too.
    for properties in document.styles.element.iter(qn("w:rPr")):
        with_complex_script_twins(properties)
    for properties in document.element.body.iter(qn("w:rPr")):
        with_complex_script_twins(properties)

    properties = document.core_properties
    properties.title = "{{ campaign.title }}"
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    properties.subject = ""
    properties.keywords = ""
    properties.category = ""
    properties.revision = 1
    properties.created = properties.modified = FIXED_DATE

    buffer = io.BytesIO()
    document.save(buffer)
    return with_fixed_timestamps(buffer.getvalue())


def with_fixed_timestamps(docx: bytes) -> bytes:
    """Rewrite the zip with constant member times so that rebuilding changes nothing."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(member.filename))
    return output.getvalue()


if __name__ == "__main__":
    OUTPUT.write_bytes(build())
    print(f"wrote {OUTPUT.relative_to(Path.cwd()) if OUTPUT.is_relative_to(Path.cwd()) else OUTPUT}")
