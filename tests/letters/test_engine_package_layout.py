"""Every part Word loads is found through relationships and content types, whatever its name or
extension, and the part a letter is filled in from is the very part validation checked.

Word Online saves its main document as word/document2.xml, so a main document or header under
another name is a plain Word document: it is validated, cleaned, marked and rendered from the
layout. A layout that Word would read one way and python-docx (so the renderer) another is refused.
"""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from django.core.exceptions import ValidationError

from soroptimist_advocacy.letters import prepare, render, render_many, sample_context, validate
from soroptimist_advocacy.letters.package import read_layout, require_loaded_as_laid_out

DDE = (
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DDEAUTO c:\\\\windows'
    '\\\\system32\\\\cmd.exe "/k calc" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
)
EDITOR = "Editor Secret"
TRACKED_CHANGE = (
    f'<w:p><w:ins w:id="1" w:author="{EDITOR}"><w:r><w:t xml:space="preserve">Kept words </w:t></w:r></w:ins>'
    f'<w:del w:id="2" w:author="{EDITOR}"><w:r><w:delText>Deleted words</w:delText></w:r></w:del></w:p>'
)
NOT_PLAIN = "not laid out as a plain Word document"
MEMBER = sample_context()["member"]["name"]
RECIPIENT = sample_context()["recipient"]["name"]
TYPED_BY = ["override", "override in capitals", "default extension"]


def refusal(template: bytes) -> str:
    with pytest.raises(ValidationError) as caught:
        validate(template)
    return " | ".join(caught.value.messages)


def never_rendered(template: bytes) -> None:
    """No letter, sample letter or pack of letters comes out of *template*, in any language."""
    for language in (None, "fr"):
        with pytest.raises(ValidationError):
            render(template, sample_context(), language)
        with pytest.raises(ValidationError):
            render_many(template, [sample_context(), sample_context()], language)


def members(package: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        return {name: source.read(name).decode("utf-8", "replace") for name in source.namelist()}


@pytest.fixture(scope="module")
def headed_template(template_with) -> bytes:
    """A template with a header (word/header1.xml) as well as a body."""
    return template_with(["Dear {{ recipient.name }},", "{{ member.name }}"], header="For {{ recipient.name }}")


# The attack: the main document under another name, a harmless decoy where names would look


@pytest.mark.parametrize("typed_by", TYPED_BY)
def test_a_main_part_named_main_dat_with_a_dde_field_is_refused_and_never_rendered(
    default_template, read_member, with_part_moved, typed_by
):
    document = read_member(default_template, "word/document.xml")
    evil = document.replace("<w:sectPr", DDE + "<w:sectPr", 1)
    template = with_part_moved(
        default_template, "word/document.xml", "word/main.dat", content=evil, typed_by=typed_by, decoy=document
    )

    assert "DDEAUTO" in refusal(template)
    never_rendered(template)


@pytest.mark.parametrize(("name", "typed_by"), [("word/top.bin", "override"), ("word/top.bin", "default extension")])
def test_a_header_under_an_odd_name_with_a_dde_field_is_refused_and_never_rendered(
    headed_template, read_member, with_part_moved, name, typed_by
):
    header = read_member(headed_template, "word/header1.xml")
    evil = header.replace("</w:hdr>", DDE + "</w:hdr>")
    template = with_part_moved(headed_template, "word/header1.xml", name, content=evil, typed_by=typed_by)

    assert "DDEAUTO" in refusal(template)
    never_rendered(template)


def test_a_header_declared_as_a_picture_is_refused(headed_template, read_member, with_members, with_part_moved):
    # Word and python-docx would not agree on what such a part is, so neither is trusted with it.
    header = read_member(headed_template, "word/header1.xml").replace("</w:hdr>", DDE + "</w:hdr>")
    template = with_part_moved(headed_template, "word/header1.xml", "word/media/top.jpeg", content=header)
    types = read_member(template, "[Content_Types].xml").replace(
        'PartName="/word/media/top.jpeg" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"',
        'PartName="/word/media/top.jpeg" ContentType="image/jpeg"',
    )
    template = with_members(template, {"[Content_Types].xml": types})

    assert NOT_PLAIN in refusal(template)
    never_rendered(template)


def test_a_doctype_in_a_main_part_under_another_name_is_refused(default_template, read_member, with_part_moved):
    document = read_member(default_template, "word/document.xml")
    laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    bomb = document.replace("?>", "?>" + laughs, 1).replace("{{ date }}", "&lol1;")
    template = with_part_moved(default_template, "word/document.xml", "word/main.dat", content=bomb, decoy=document)

    assert "DOCTYPE" in refusal(template)


def test_a_doctype_in_a_part_declared_as_a_picture_is_refused(default_template, read_member, with_members):
    types = read_member(default_template, "[Content_Types].xml").replace(
        "<Default ", '<Default Extension="png" ContentType="image/png"/><Default ', 1
    )
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><x>&a;</x>'
    template = with_members(default_template, {"[Content_Types].xml": types, "word/media/logo.png": bomb})

    assert "DOCTYPE" in refusal(template)


def test_a_document_poured_in_as_a_subdocument_is_refused(default_template, read_member, with_members):
    rels = read_member(default_template, "word/_rels/document.xml.rels").replace(
        "</Relationships>",
        '<Relationship Id="rId97" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'subDocument" Target="other.docx"/></Relationships>',
    )
    types = read_member(default_template, "[Content_Types].xml").replace(
        "<Default ",
        '<Default Extension="docx" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
        'document"/><Default ',
        1,
    )
    other = with_members(default_template, {})
    template = with_members(
        default_template,
        {"word/_rels/document.xml.rels": rels, "[Content_Types].xml": types, "word/other.docx": other},
    )

    assert "imports other documents" in refusal(template)


# References Word and python-docx would read differently


@pytest.mark.parametrize("reference", ["WORD/MAIN.DAT", "word/main%2Edat", "word/main.dat#body"])
def test_a_reference_that_does_not_name_its_part_exactly_is_refused(
    default_template, read_member, with_part_moved, reference
):
    document = read_member(default_template, "word/document.xml")
    template = with_part_moved(
        default_template, "word/document.xml", "word/main.dat", reference=reference, decoy=document
    )

    assert NOT_PLAIN in refusal(template)
    never_rendered(template)


def test_relationships_stored_under_another_case_are_refused(
    headed_template, read_member, with_members, with_part_moved
):
    # Word would read the header's relationship from them; python-docx would not see the header at all.
    template = with_part_moved(headed_template, "word/document.xml", "word/main.dat")
    rels = read_member(template, "word/_rels/main.dat.rels")
    template = with_members(template, {"word/_rels/main.dat.rels": None, "word/_rels/MAIN.DAT.rels": rels})

    assert NOT_PLAIN in refusal(template)


def test_two_main_documents_are_refused(default_template, read_member, with_members):
    rels = read_member(default_template, "_rels/.rels").replace(
        "</Relationships>",
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>',
    )

    assert NOT_PLAIN in refusal(with_members(default_template, {"_rels/.rels": rels}))


def test_the_renderer_refuses_parts_other_than_those_validation_read(default_template, read_member, with_part_moved):
    """The safety net under the rules above: python-docx must load exactly the layout's parts."""
    renamed = with_part_moved(
        default_template, "word/document.xml", "word/main.dat", decoy=read_member(default_template, "word/document.xml")
    )
    with zipfile.ZipFile(io.BytesIO(renamed)) as package:
        layout = read_layout(package)

    require_loaded_as_laid_out(docx.Document(io.BytesIO(renamed)), layout)
    with pytest.raises(ValidationError) as caught:
        require_loaded_as_laid_out(docx.Document(io.BytesIO(default_template)), layout)
    assert NOT_PLAIN in " ".join(caught.value.messages)


# Legitimate templates under other names: validated, cleaned, marked and rendered from the right part


def test_a_word_online_template_whose_main_part_is_document2_renders_from_it(
    default_template, with_part_moved, read_letter
):
    template = with_part_moved(default_template, "word/document.xml", "word/document2.xml")

    validate(template)
    letter = members(render(template, sample_context()))

    assert "word/document.xml" not in letter
    assert MEMBER in letter["word/document2.xml"] and RECIPIENT in letter["word/document2.xml"]


@pytest.mark.parametrize("typed_by", TYPED_BY)
def test_a_main_part_under_an_odd_name_is_cleaned_and_filled_in_and_the_decoy_beside_it_never_is(
    default_template, read_member, with_part_moved, read_letter, typed_by
):
    document = read_member(default_template, "word/document.xml")
    edited = document.replace("<w:sectPr", TRACKED_CHANGE + "<w:sectPr", 1)
    decoy = document.replace("Yours", "Decoy says")
    template = with_part_moved(
        default_template, "word/document.xml", "word/main.dat", content=edited, typed_by=typed_by, decoy=decoy
    )

    validate(template)
    assert prepare(template).fast
    letter = render(template, sample_context())
    parts = members(letter)

    assert MEMBER in parts["word/main.dat"] and "Kept words" in parts["word/main.dat"]
    assert MEMBER not in parts.get("word/document.xml", "")
    assert MEMBER in read_letter(letter) and "Decoy says" not in read_letter(letter)
    assert not any(EDITOR in text or "Deleted words" in text for text in parts.values())


@pytest.mark.parametrize("typed_by", TYPED_BY)
def test_an_arabic_letter_is_right_to_left_in_a_main_part_under_an_odd_name(
    default_template, with_part_moved, typed_by
):
    template = with_part_moved(default_template, "word/document.xml", "word/main.dat", typed_by=typed_by)

    main = members(render(template, sample_context(), "ar"))["word/main.dat"]

    assert "<w:bidi/>" in main and 'w:bidi="ar-SA"' in main


@pytest.mark.parametrize(("name", "typed_by"), [("word/top.bin", "override"), ("word/top.bin", "default extension")])
def test_a_header_under_an_odd_name_is_filled_in_for_every_recipient(headed_template, with_part_moved, name, typed_by):
    template = with_part_moved(headed_template, "word/header1.xml", name, typed_by=typed_by)
    recipients = ["Anne Marshall", "Béatrice Dupont"]
    contexts = [{**sample_context(), "recipient": {"name": recipient}} for recipient in recipients]

    validate(template)
    assert f"For {RECIPIENT}" in members(render(template, sample_context()))[name]
    letters = docx.Document(io.BytesIO(render_many(template, contexts)))

    assert [section.header.paragraphs[0].text for section in letters.sections] == [f"For {r}" for r in recipients]


def test_a_reference_through_dot_slash_names_its_part(default_template, with_part_moved, read_letter):
    template = with_part_moved(default_template, "word/document.xml", "word/main.dat", reference="./word/main.dat")

    assert MEMBER in read_letter(render(template, sample_context()))
