"""Bold, italic and size reach complex scripts: Word keeps them twice (``w:b`` for Latin and
Cyrillic, ``w:bCs`` for Arabic and other complex scripts; ``i``/``iCs``, ``sz``/``szCs``),
so a letter carries both wherever its template sets one, and keeps a template's own twin."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.shared import Pt
from lxml import etree

from soroptimist_advocacy.letters import render, sample_context

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TWINS = (("b", "bCs"), ("i", "iCs"), ("sz", "szCs"))


def part(letter: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(letter)) as package:
        return etree.fromstring(package.read(name))


def python_docx_template() -> bytes:
    """A template made with python-docx, which writes ``w:b``, ``w:i`` and ``w:sz`` alone."""
    document = docx.Document()
    paragraph = document.add_paragraph()
    name = paragraph.add_run("{{ member.name }}")
    name.bold, name.italic, name.font.size = True, True, Pt(14)
    document.styles["Normal"].font.size = Pt(12)
    document.add_paragraph("{{ subject }}", style="Title")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def missing_twins(root: etree._Element) -> list[str]:
    missing = []
    for rpr in root.iter(W + "rPr"):
        for latin, twin in TWINS:
            element = rpr.find(W + latin)
            if element is not None and (rpr.find(W + twin) is None or rpr.find(W + twin).attrib != element.attrib):
                missing.append(f"{latin} without {twin}: {etree.tostring(rpr).decode()[:300]}")
    return missing


def test_the_default_template_sets_bold_and_sizes_for_complex_scripts_too(default_template):
    for name in ("word/document.xml", "word/styles.xml", "word/footer1.xml"):
        assert missing_twins(part(default_template, name)) == [], name


def test_an_arabic_letter_from_a_template_without_twins_gets_them_with_the_same_values():
    letter = render(python_docx_template(), sample_context(), "ar")

    run = part(letter, "word/document.xml").find(f".//{W}r/{W}rPr")
    assert run.find(W + "bCs") is not None and run.find(W + "iCs") is not None
    assert run.find(W + "szCs").get(W + "val") == "28"
    assert missing_twins(part(letter, "word/document.xml")) == []
    assert missing_twins(part(letter, "word/styles.xml")) == []
    # Still in the order Word's schema demands: b, bCs, i, iCs ... sz, szCs ... rtl, lang.
    names = [child.tag[len(W) :] for child in run]
    assert names.index("b") < names.index("bCs") < names.index("i") < names.index("iCs") < names.index("sz")
    assert names.index("sz") < names.index("szCs") < names.index("rtl") < names.index("lang")


def test_a_templates_own_complex_script_formatting_is_kept_and_only_what_it_lacks_is_added():
    template = python_docx_template()
    with zipfile.ZipFile(io.BytesIO(template)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    # The editor wants Arabic text in her name's run upright and larger; she left bold alone.
    parts["word/document.xml"] = (
        parts["word/document.xml"]
        .decode()
        .replace("<w:i/>", '<w:i/><w:iCs w:val="0"/>')
        .replace('<w:sz w:val="28"/>', '<w:sz w:val="28"/><w:szCs w:val="32"/>')
        .encode()
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)

    run = part(render(out.getvalue(), sample_context(), "ar"), "word/document.xml").find(f".//{W}r/{W}rPr")

    assert run.find(W + "iCs").get(W + "val") == "0"
    assert run.find(W + "szCs").get(W + "val") == "32"
    assert run.find(W + "bCs") is not None and run.find(W + "bCs").attrib == run.find(W + "b").attrib
    assert len(run.findall(W + "bCs")) == len(run.findall(W + "iCs")) == len(run.findall(W + "szCs")) == 1
