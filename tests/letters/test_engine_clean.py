"""clean_template removes the editor's comments, accepts her tracked changes and blanks
who wrote the document, so none of it reaches a member's letter."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from soroptimist_advocacy.letters import clean_template, validate

SECRET = "Editor Secret"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PARAGRAPHS = (
    f'<w:p {W}><w:commentRangeStart w:id="0"/><w:r><w:t>Commented text</w:t></w:r><w:commentRangeEnd w:id="0"/>'
    '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r></w:p>'
    f'<w:p {W}><w:ins w:id="1" w:author="{SECRET}" w:date="2026-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">Inserted words </w:t></w:r></w:ins>'
    f'<w:del w:id="2" w:author="{SECRET}"><w:r><w:delText>Deleted words</w:delText></w:r></w:del>'
    f'<w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="{SECRET}"><w:rPr/></w:rPrChange></w:rPr><w:t>bold now</w:t></w:r></w:p>'
    f'<w:p {W}><w:pPr><w:rPr><w:del w:id="4" w:author="{SECRET}"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Joined </w:t></w:r></w:p>'
    f"<w:p {W}><w:r><w:t>together</w:t></w:r></w:p>"
)
COMMENTS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {W}>'
    f'<w:comment w:id="0" w:author="{SECRET}" w:initials="ES"><w:p><w:r><w:t>Private note</w:t></w:r></w:p></w:comment></w:comments>'
)


@pytest.fixture
def edited_template(default_template, with_members, read_member) -> bytes:
    """The default template after an editor commented on it and tracked her changes."""
    document = read_member(default_template, "word/document.xml").replace("<w:sectPr", PARAGRAPHS + "<w:sectPr", 1)
    rels = read_member(default_template, "word/_rels/document.xml.rels").replace(
        "</Relationships>",
        '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" '
        'Target="comments.xml"/></Relationships>',
    )
    types = read_member(default_template, "[Content_Types].xml").replace(
        "</Types>",
        '<Override PartName="/word/comments.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
    )
    core = read_member(default_template, "docProps/core.xml").replace(
        "<dc:creator></dc:creator>", f"<dc:creator>{SECRET}</dc:creator>"
    )
    core = core.replace("<cp:lastModifiedBy></cp:lastModifiedBy>", f"<cp:lastModifiedBy>{SECRET}</cp:lastModifiedBy>")
    settings = read_member(default_template, "word/settings.xml").replace("<w:zoom", "<w:trackRevisions/><w:zoom", 1)
    return with_members(
        default_template,
        {
            "word/document.xml": document,
            "word/comments.xml": COMMENTS,
            "word/_rels/document.xml.rels": rels,
            "[Content_Types].xml": types,
            "docProps/core.xml": core,
            "word/settings.xml": settings,
        },
    )


def all_members(package: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        return {name: source.read(name).decode("utf-8", "replace") for name in source.namelist()}


def test_the_fixture_really_carries_comments_changes_and_names(edited_template):
    members = all_members(edited_template)
    assert "word/comments.xml" in members
    assert SECRET in members["docProps/core.xml"] and "trackRevisions" in members["word/settings.xml"]


def test_comments_are_removed_with_their_references(edited_template):
    members = all_members(clean_template(edited_template))

    assert "word/comments.xml" not in members
    assert "comments" not in members["word/_rels/document.xml.rels"]
    assert "comments" not in members["[Content_Types].xml"]
    assert "w:comment" not in members["word/document.xml"]
    assert "Private note" not in "".join(members.values())


def test_tracked_changes_are_accepted(edited_template):
    cleaned = clean_template(edited_template)

    texts = [paragraph.text for paragraph in docx.Document(io.BytesIO(cleaned)).paragraphs]
    assert "Commented text" in texts
    assert "Inserted words bold now" in texts
    assert "Joined together" in texts
    document = all_members(cleaned)["word/document.xml"]
    assert "Deleted words" not in document
    assert "w:ins " not in document and "rPrChange" not in document


def test_nobody_who_wrote_or_edited_the_template_is_named(edited_template):
    members = all_members(clean_template(edited_template))

    assert all(SECRET not in content for content in members.values())
    assert "trackRevisions" not in members["word/settings.xml"]


def test_parts_are_cleaned_whatever_they_are_called(edited_template, with_part_moved):
    """The main document, its comments and the document properties found by type, not by name."""
    renamed = with_part_moved(edited_template, "word/document.xml", "word/main.dat", typed_by="default extension")
    renamed = with_part_moved(renamed, "word/comments.xml", "word/remarks.bin")
    renamed = with_part_moved(renamed, "docProps/core.xml", "props/about.dat")

    members = all_members(clean_template(renamed))

    assert "word/remarks.bin" not in members and "remarks" not in members["word/_rels/main.dat.rels"]
    assert "w:comment" not in members["word/main.dat"] and "Deleted words" not in members["word/main.dat"]
    assert all(SECRET not in content and "Private note" not in content for content in members.values())
    validate(clean_template(renamed))


def test_a_cleaned_template_is_still_a_valid_letter_template(edited_template):
    validate(clean_template(edited_template))


def test_cleaning_leaves_the_letter_itself_alone(default_template):
    cleaned = clean_template(default_template)

    before, after = all_members(default_template), all_members(cleaned)
    assert before.keys() == after.keys()
    assert before["word/styles.xml"] == after["word/styles.xml"]
    assert [p.text for p in docx.Document(io.BytesIO(cleaned)).paragraphs] == [
        p.text for p in docx.Document(io.BytesIO(default_template)).paragraphs
    ]


def test_rendered_letters_never_carry_the_editors_identity():
    """render() cleans every template when it prepares it, whatever was uploaded."""
    import io
    import zipfile

    import docx

    from soroptimist_advocacy.letters import render, sample_context

    document = docx.Document()
    document.add_paragraph("{{ member.name }}")
    document.core_properties.author = "Editor Eve"
    document.core_properties.last_modified_by = "Editor Eve"
    upload = io.BytesIO()
    document.save(upload)
    letter = zipfile.ZipFile(io.BytesIO(render(upload.getvalue(), sample_context())))
    assert all(b"Editor Eve" not in letter.read(name) for name in letter.namelist())
    assert sample_context()["member"]["name"] in docx.Document(io.BytesIO(letter.fp.getvalue())).paragraphs[0].text
