"""Letter safety that holds whoever edits what: parts found as Word finds them, damaged
archives and unsafe member names refused, and a template's cost bounded by the language
it may use, then by a hard cap on every render."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from soroptimist_advocacy.letters import render, sample_context, validate
from soroptimist_advocacy.letters.rendering import Budget, LetterTooCostly, letter_budget

RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
DDE = (
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DDEAUTO c:\\\\windows'
    '\\\\system32\\\\cmd.exe "/k calc" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
)
DAMAGED = "This document is damaged; open it in Word and save it again."


def refusal(template: bytes) -> str:
    with pytest.raises(ValidationError) as caught:
        validate(template)
    return " | ".join(caught.value.messages)


def with_field(document_xml: str) -> str:
    return document_xml.replace("<w:sectPr", DDE + "<w:sectPr", 1)


# Parts found through relationships and content types


def moved_main_part(template: bytes, read_member, with_members, new_name: str, document_xml: str) -> bytes:
    """*template* whose main document lives at *new_name*, as its relationships allow."""
    rels = read_member(template, "_rels/.rels").replace('Target="word/document.xml"', f'Target="{new_name}"')
    rels = rels.replace('Target="/word/document.xml"', f'Target="/{new_name}"')
    types = read_member(template, "[Content_Types].xml").replace(
        'PartName="/word/document.xml"', f'PartName="/{new_name}"'
    )
    document_rels = read_member(template, "word/_rels/document.xml.rels")
    folder, name = new_name.rsplit("/", 1)
    return with_members(
        template,
        {
            new_name: document_xml,
            f"{folder}/_rels/{name}.rels": document_rels,
            "_rels/.rels": rels,
            "[Content_Types].xml": types,
            # A harmless decoy where a name-based check would look.
            "word/document.xml": read_member(template, "word/document.xml"),
        },
    )


def test_a_main_part_under_another_name_carrying_a_dde_field_is_refused(default_template, read_member, with_members):
    evil = with_field(read_member(default_template, "word/document.xml"))
    template = moved_main_part(default_template, read_member, with_members, "word/main.xml", evil)

    assert "DDEAUTO" in refusal(template)


def test_a_main_part_outside_the_word_folder_carrying_a_dde_field_is_refused(
    default_template, read_member, with_members
):
    evil = with_field(read_member(default_template, "word/document.xml"))
    template = moved_main_part(default_template, read_member, with_members, "letter/body.xml", evil)

    assert "DDEAUTO" in refusal(template)


def test_an_unreferenced_xml_part_carrying_a_field_is_refused(default_template, read_member, with_members):
    hidden = with_field(read_member(default_template, "word/document.xml"))

    assert "DDEAUTO" in refusal(with_members(default_template, {"customXml/hidden.xml": hidden}))


def test_a_package_whose_main_part_is_not_reachable_is_refused(default_template, with_members):
    rels = f'<Relationships xmlns="{RELS_NS}"><Relationship Id="rId1" Type="{OFFICE_DOCUMENT}" Target="nowhere.xml"/></Relationships>'

    assert "not laid out as a plain Word document" in refusal(with_members(default_template, {"_rels/.rels": rels}))


def test_a_part_without_a_content_type_is_refused(default_template, with_members):
    assert "not laid out as a plain Word document" in refusal(
        with_members(default_template, {"word/extra.unknown": b"x"})
    )


def test_the_default_template_is_found_as_word_finds_it(default_template):
    validate(default_template)


# Damaged archives


def _stored_member_offset(package: bytes, name: str) -> int:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        info = archive.getinfo(name)
    header = package[info.header_offset : info.header_offset + 30]
    name_length = int.from_bytes(header[26:28], "little")
    extra_length = int.from_bytes(header[28:30], "little")
    return info.header_offset + 30 + name_length + extra_length


def _rewritten(template: bytes, compression: int) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as source, zipfile.ZipFile(output, "w", compression) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info), compress_type=compression)
    return output.getvalue()


def test_a_wrong_crc_is_refused_with_the_damaged_message(default_template):
    stored = bytearray(_rewritten(default_template, zipfile.ZIP_STORED))
    position = _stored_member_offset(bytes(stored), "word/document.xml") + 200
    stored[position] = ord("Z") if stored[position] != ord("Z") else ord("Y")

    assert refusal(bytes(stored)) == DAMAGED


def test_a_corrupt_compressed_stream_is_refused_with_the_damaged_message(default_template):
    deflated = bytearray(_rewritten(default_template, zipfile.ZIP_DEFLATED))
    start = _stored_member_offset(bytes(deflated), "word/document.xml")
    deflated[start + 10 : start + 60] = b"\xff" * 50

    assert refusal(bytes(deflated)) == DAMAGED


def test_sizes_that_lie_are_refused_with_the_damaged_message(default_template, with_declared_sizes):
    with zipfile.ZipFile(io.BytesIO(default_template)) as archive:
        real = archive.getinfo("word/document.xml").file_size

    assert refusal(with_declared_sizes(default_template, "word/document.xml", file_size=real // 2)) == DAMAGED


def test_a_damaged_template_is_refused_at_render_too(default_template):
    stored = bytearray(_rewritten(default_template, zipfile.ZIP_STORED))
    position = _stored_member_offset(bytes(stored), "word/document.xml") + 200
    stored[position] ^= 0x01
    with pytest.raises(ValidationError):
        render(bytes(stored), sample_context())


# Member names


def _with_raw_member(template: bytes, name: str) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        info = zipfile.ZipInfo("placeholder")
        info.filename = info.orig_filename = name  # ZipInfo would normalise some names otherwise
        target.writestr(info, b"x")
    return output.getvalue()


@pytest.mark.parametrize(
    "name",
    ["../../x", "word/../../x", "/abs/x", "word\\evil.xml", "C:/x", "c:x", "word/a\x01b.xml", "WORD/DOCUMENT.XML"],
    ids=["dotdot", "inner-dotdot", "absolute", "backslash", "drive", "drive-relative", "control", "duplicate"],
)
def test_unsafe_member_names_are_refused(default_template, name):
    message = refusal(_with_raw_member(default_template, name))

    assert "which Word never writes" in message or "two parts named" in message


# Cost bounded by construction


@pytest.mark.parametrize(
    "placeholder",
    [
        # Expensive only for some members: a fixed-value trial render never takes these branches.
        "{% if member.name == 'Ada' %}{% for a in body %}{% for r in recipients %}{{ a }}{% endfor %}{% endfor %}{% endif %}",
        "{{ member.name|join(member.club) }}",
        "{{ body|join(member.name) }}",
        "{{ member.town|default(member.name|join(member.club)) }}",
        "{% for r in recipients %}{{ body|join(', ') }}{% endfor %}",
        "{% for p in body %}{{ recipients }}{% endfor %}",
        "{{ member.name|join('" + "x" * 500 + "') }}",
    ],
    ids=[
        "branch-on-member",
        "join-member-arg",
        "join-list-member-arg",
        "nested-filter-args",
        "join-in-loop",
        "list-in-loop",
        "long-join-arg",
    ],
)
def test_a_template_whose_cost_depends_on_what_a_member_types_is_refused(template_with, placeholder):
    message = refusal(template_with([placeholder]))

    assert "letter templates may not use" in message


def test_what_real_letters_need_is_still_allowed(template_with):
    validate(
        template_with(
            [
                "Dear {{ recipient.salutation|default('Minister') }} {{ recipient.name|title }},",
                "{% for p in body %}{{ p }}{% endfor %}",
                "{% for r in recipients %}{{ r.name }}{% if not loop.last %}, {% endif %}{% endfor %}",
                "{% if member.email %}{{ member.email|lower }}{% endif %} {{ body|length }} {{ body|join(' ') }}",
                "{{ closing }} {{ member.name|upper|trim }}",
            ]
        )
    )


# The hard cap on every render


def test_a_render_past_the_character_cap_is_stopped_before_the_letter_is_built(template_with):
    template = template_with(["{% for p in body %}{{ p }}{% endfor %}"])
    context = dict(sample_context(), body=["x" * 20_000] * 10)

    assert render(template, context)  # within the default cap
    with pytest.raises(LetterTooCostly) as stopped, letter_budget(Budget(characters=100_000)) as budget:
        render(template, context)
    assert stopped.value.reason == "too_large"
    assert budget.spent <= 100_000 + 20_000 + 10_000  # stopped at the first piece past the cap
