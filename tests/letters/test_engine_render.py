"""Rendering letters: every value arrives in the letter exactly as typed, and never as Word markup."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from soroptimist_advocacy.letters import ALLOWED_VARIABLES, prepare, render, sample_context
from soroptimist_advocacy.letters.limits import MAX_FIELD_LENGTH, MAX_PARAGRAPH_LENGTH, MAX_PARAGRAPHS
from soroptimist_advocacy.letters.rendering import normalise_context

HOSTILE = "a < b & c > d \"quoted\" 'single' </w:t><w:r><w:t>injected {{ member.email }} {% if 1 %}x{% endif %}"


def context(**member):
    values = sample_context()
    values["member"].update(member)
    return values


def test_the_default_template_renders_a_complete_letter(default_template, read_letter):
    text = read_letter(render(default_template, sample_context()))

    for expected in (
        "Margaret Adeyemi",
        "Soroptimist International Bristol",
        "28 November 2026",
        "Rt Hon. Anne Marshall MP",
        "London SW1P 3BT",
        "Dear Minister,",
        "Yours sincerely,",
        "The 56th session of the UN Commission",
    ):
        assert expected in text
    assert "{{" not in text and "{%" not in text


def test_values_are_escaped_not_interpreted_in_body_header_footer_and_title(template_with, read_letter):
    template = template_with(
        ["Dear {{ member.name }}"],
        header="Header {{ member.name }}",
        footer="Footer {{ member.name }}",
        title="Title {{ member.name }}",
    )

    letter = render(template, context(name=HOSTILE))

    text = read_letter(letter)
    for where in ("Dear", "Header", "Footer"):
        assert f"{where} {HOSTILE}" in text
    assert docx.Document(io.BytesIO(letter)).core_properties.title == f"Title {HOSTILE}"
    with zipfile.ZipFile(io.BytesIO(letter)) as package:
        assert "<w:r><w:t>injected" not in package.read("word/document.xml").decode()


def test_a_long_title_is_cut_to_what_word_accepts(template_with):
    letter = render(template_with(["x"], title="{{ member.name }}"), context(name="N" * 1000))

    assert docx.Document(io.BytesIO(letter)).core_properties.title == "N" * 255


def test_characters_xml_cannot_hold_are_removed(template_with, read_letter):
    name = "Ma\x00rie\x01 \x0bCu\x1frie\ufffe\uffff\ud800 \x7fok"

    text = read_letter(render(template_with(["{{ member.name }}"], title="{{ member.name }}"), context(name=name)))

    assert "Marie Curie \x7fok" in text


def test_newlines_become_line_breaks_within_the_paragraph(template_with):
    letter = render(
        template_with(["{{ recipient.address }}"]), {"recipient": {"address": "1 Rue\r\nParis\rFrance\nEU"}}
    )

    document = docx.Document(io.BytesIO(letter))
    assert document.paragraphs[0].text == "1 Rue\nParis\nFrance\nEU"
    with zipfile.ZipFile(io.BytesIO(letter)) as package:
        assert package.read("word/document.xml").decode().count("<w:br/>") == 3


def test_a_placeholder_split_across_runs_is_still_filled_in(template_with, read_letter):
    runs = ["Dear {{ mem", "ber.na", "me }}, from {%", " if member.club %}", "{{ member.club }}{% endif %}"]
    template = template_with([runs])

    text = read_letter(render(template, context(name="Ada", club="SI Leeds")))

    assert "Dear Ada, from SI Leeds" in text


def test_body_paragraphs_become_paragraphs(default_template):
    body = ["First paragraph.", "Second, with <angle> & ampersand.", ""]

    document = docx.Document(io.BytesIO(render(default_template, dict(sample_context(), body=body))))

    texts = [paragraph.text for paragraph in document.paragraphs]
    start = texts.index("First paragraph.")
    assert texts[start : start + 3] == body


def test_missing_values_are_empty_and_unknown_keys_are_dropped(default_template, read_letter):
    letter = render(default_template, {"member": {"name": "Only A Name", "shoe_size": "38"}, "unexpected": "x"})

    text = read_letter(letter)
    assert "Only A Name" in text
    assert "38" not in text and "unexpected" not in text


def test_normalised_context_has_exactly_the_documented_shape():
    normalised = normalise_context({"member": {"name": 42}, "recipients": [{"name": "R"}], "extra": 1})

    assert set(normalised) == {name.split(".")[0] for name in ALLOWED_VARIABLES}
    assert normalised["member"] == {"name": "42", "club": "", "town": "", "email": "", "country": ""}
    assert normalised["recipients"][0]["address"] == ""
    assert normalised["body"] == [] and normalised["date"] == ""


@pytest.mark.parametrize("value", [object(), b"bytes", ["a list"], True])
def test_values_that_are_not_text_are_refused(value):
    with pytest.raises(TypeError):
        normalise_context({"member": {"name": value}})


def test_values_are_capped():
    long = normalise_context({"member": {"name": "n" * 5000}, "body": ["p" * 50_000] * 80})

    assert len(long["member"]["name"]) == MAX_FIELD_LENGTH
    assert len(long["body"]) == MAX_PARAGRAPHS
    assert {len(paragraph) for paragraph in long["body"]} == {MAX_PARAGRAPH_LENGTH}


def test_a_template_may_loop_over_recipients(template_with, read_letter):
    template = template_with(
        ["{%p for person in recipients %}", "{{ loop.index }}. {{ person.name }}", "{%p endfor %}"]
    )

    text = read_letter(render(template, {"recipients": [{"name": "Ann"}, {"name": "Bea"}]}))

    assert "1. Ann\n2. Bea" in text


def test_letters_are_rendered_by_the_fast_path_and_unrendered_parts_are_copied(default_template):
    prepared = prepare(default_template)
    letter = render(default_template, sample_context())

    assert prepared.fast
    with zipfile.ZipFile(io.BytesIO(default_template)) as template, zipfile.ZipFile(io.BytesIO(letter)) as output:
        # The template's members, and those preparing gave its footer's QR code (letters.images).
        picture = ["word/_rels/footer1.xml.rels", "word/media/letter-qr.png"]
        assert sorted(template.namelist() + picture) == sorted(output.namelist())
        assert output.testzip() is None
        assert template.read("word/styles.xml") == output.read("word/styles.xml")


def test_placeholders_in_footnotes_are_filled_in_once(template_with, with_members, read_member):
    template = template_with(["Hello"])
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    footnotes = (
        f'<w:footnotes {w}><w:footnote w:id="1"><w:p><w:r><w:t>By {{{{ member.name }}}}</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    )
    rels = read_member(template, "word/_rels/document.xml.rels").replace(
        "</Relationships>",
        '<Relationship Id="rId50" Target="footnotes.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"/></Relationships>',
    )
    types = read_member(template, "[Content_Types].xml").replace(
        "</Types>",
        '<Override PartName="/word/footnotes.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    template = with_members(
        template, {"word/footnotes.xml": footnotes, "word/_rels/document.xml.rels": rels, "[Content_Types].xml": types}
    )

    letter = render(template, context(name="A & {{ member.email }}"))

    assert "By A &amp; {{ member.email }}</w:t>" in read_member(letter, "word/footnotes.xml")
