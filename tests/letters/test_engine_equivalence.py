"""The fast path writes the same XML as docxtpl itself (sandboxed), whatever members type."""

from __future__ import annotations

import io
import logging
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soroptimist_advocacy.letters import clean_template, prepare, preparing, render, sample_context
from soroptimist_advocacy.letters.images import with_image_members
from soroptimist_advocacy.letters.package import read_layout
from soroptimist_advocacy.letters.preparing import differing_parts
from soroptimist_advocacy.letters.qr import qr_png
from soroptimist_advocacy.letters.rendering import clean_text, normalise_context, render_reference, render_with_docxtpl
from soroptimist_advocacy.letters.variables import MEMBER_FIELDS, RECIPIENT_FIELDS

FRAGMENTS = [
    "<",
    ">",
    "&",
    '"',
    "'",
    "&amp;",
    "</w:t><w:r><w:t>",
    "<w:br/>",
    "]]>",
    "<!--",
    "\x00",
    "\x07",
    "\x0c",
    "\x1f",
    "\r\n",
    "\r",
    "\n",
    "\t",
    "\ufffe",
    "\ud800",
    "{{ member.email }}",
    "{% for x in body %}",
    "{# c #}",
    "{_{",
    "}_}",
    "{%p if 1 %}",
    "مرحبا بالعالم",
    "שלום עולם",
    "👩🏽‍⚖️",
    "Ωμέγα",
    "  ",
    "ǅ",
    "\u200f",
    "\u0085",
]
short_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=10).map("".join)
long_text = st.builds(
    lambda fragment, times: (fragment * times)[:10_000], st.sampled_from(FRAGMENTS + ["x"]), st.integers(1, 10_000)
)
hostile_text = st.one_of(short_text, short_text, short_text, long_text)  # one value in four may be very long
record = lambda fields: st.fixed_dictionaries({field: hostile_text for field in fields})  # noqa: E731
contexts = st.fixed_dictionaries(
    {
        "member": record(MEMBER_FIELDS),
        "recipient": record(RECIPIENT_FIELDS),
        "recipients": st.lists(record(RECIPIENT_FIELDS), max_size=3),
        "date": hostile_text,
        "campaign": record(("title",)),
        "body": st.lists(hostile_text, max_size=4),
        "closing": hostile_text,
        "letter": st.fixed_dictionaries(
            {
                "reference": hostile_text,
                "qr": st.sampled_from([None, qr_png("https://example.org/a/sent/K7QF-3MXD-92A/"), qr_png("x" * 300)]),
            }
        ),
    }
)


@pytest.fixture(scope="module")
def rich_template(template_with) -> bytes:
    """Every kind of part the engine renders, and a table whose rows a loop repeats (docxtpl's per-letter table pass)."""
    return template_with(
        [
            ["{{ member.name }}", " of {{ member.club }}"],
            "{%p for paragraph in body %}",
            "{{ paragraph }}",
            "{%p endfor %}",
            "{% if member.email %}Email: {{ member.email }}{% else %}no email{% endif %}",
        ],
        header="To {{ recipient.name }}, {{ recipient.title }}",
        footer="{{ campaign.title }} / {{ date }}",
        title="{{ campaign.title }} – {{ member.name }}",
        table=[
            ["{%tr for person in recipients %}", ""],
            ["{{ loop.index }}: {{ person.name|upper }}", "{{ person.address }}"],
            ["{%tr endfor %}", ""],
            ["{{ closing }}", "{{ member.town }}"],
        ],
    )


@pytest.fixture(scope="module")
def static_table_template(template_with) -> bytes:
    """A picture and a table no block changes: docxtpl's table and picture passes are applied once, when prepared."""
    return template_with(
        ["{{ member.name }}", "{%p for paragraph in body %}", "{{ paragraph }}", "{%p endfor %}"],
        table=[["{{ member.town }}", "{{ member.country }}"], ["{{ closing }}", "static"]],
        picture=True,
    )


@pytest.fixture(scope="module")
def picture_template(template_with) -> bytes:
    """The letter's QR code in the body beside a picture and a table (docxtpl renumbers the body's
    pictures) and in the footer, with the reference."""
    return template_with(
        ["{{ member.name }}", "Scan: {{ letter.qr }} or type {{ letter.reference }}", "{{ closing }}"],
        footer="{{ letter.qr }}{{ letter.reference }}",
        table=[["{{ member.town }}", "static"]],
        picture=True,
    )


@pytest.fixture(scope="module")
def renamed_template(rich_template, with_part_moved) -> bytes:
    """The rich template with its main document and header under names Word never writes (as its layout allows)."""
    renamed = with_part_moved(rich_template, "word/document.xml", "word/main.dat", typed_by="default extension")
    return with_part_moved(renamed, "word/header1.xml", "word/top.bin")


@pytest.fixture(scope="module", params=["default", "rich", "static_table", "renamed", "picture"])
def any_template(
    request, default_template, rich_template, static_table_template, renamed_template, picture_template
) -> bytes:
    return {
        "picture": picture_template,
        "default": default_template,
        "rich": rich_template,
        "static_table": static_table_template,
        "renamed": renamed_template,
    }[request.param]


def docxtpl_markers_folded(text: str) -> str:
    """docxtpl turns "{_{" into "{{" (and the like) everywhere, typed text included."""
    for marker, replacement in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
        text = text.replace(marker, replacement)
    return text


def as_prepared(template: bytes) -> bytes:
    """The bytes both paths render: cleaned, with the picture's members when it prints one.

    The rule for pictures: docxtpl renders the template as preparing gave it the picture's
    relationship, type and media member, and is handed the same drawing; the media member
    holds the letter's PNG on both paths (render_reference), compared byte for byte."""
    cleaned = clean_template(template)
    with zipfile.ZipFile(io.BytesIO(cleaned)) as package:
        layout = read_layout(package)
    return with_image_members(cleaned, layout)[0]


def compared_parts(template: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(template)) as package:
        main_part = read_layout(package).main_part
    return [part.member for part in prepare(template).parts] + [main_part]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(context=contexts)
def test_fast_path_equals_docxtpl_and_keeps_the_name_as_typed(any_template, read_letter, context):
    assert prepare(any_template).fast

    fast = render(any_template, context)
    # render() cleans every template (no editor metadata) before preparing it; docxtpl gets the same bytes.
    reference = render_reference(
        as_prepared(any_template), normalise_context(context), prepare(any_template).image_members
    )

    assert differing_parts(fast, reference, compared_parts(any_template)) == []
    assert docxtpl_markers_folded(clean_text(context["member"]["name"])) in read_letter(fast)


def test_line_breaks_ending_values_before_a_paragraph_come_out_as_docxtpl_writes_them(template_with):
    """docxtpl takes out a line break just before a paragraph; the engine takes out the ones
    docxtpl itself put there once, when compiling, and must leave a member's own alone."""
    template = template_with(
        [
            "Before",
            "{{p member.name }}",
            "{{ member.town }}",
            "{%p if member.club %}",
            "{{ member.club }}",
            "{%p endif %}",
        ]
    )
    context = dict(sample_context(), member={"name": "Margaret\n", "town": "Bristol\n\n", "club": "SI\n"})

    fast = render(template, context)
    reference = render_with_docxtpl(clean_template(template), normalise_context(context))

    assert prepare(template).fast
    assert differing_parts(fast, reference, compared_parts(template)) == []


def test_the_rich_template_renders_every_part_and_reparses_its_looping_table(rich_template):
    prepared = prepare(rich_template)

    assert {type(part).__name__ for part in prepared.parts} == {"BodyPart", "HeaderFooterPart", "CorePropertiesPart"}
    assert prepared.parts[0].reparse


def test_a_table_and_picture_no_block_changes_are_fixed_once(static_table_template, default_template):
    assert not prepare(static_table_template).parts[0].reparse
    assert not prepare(default_template).parts[0].reparse


def test_a_template_the_fast_path_gets_wrong_is_rendered_by_docxtpl(monkeypatch, caplog, template_with, read_letter):
    template = template_with(["Fallback for {{ member.name }}"])
    monkeypatch.setattr(preparing, "differing_parts", lambda *args: ["word/document.xml"])

    with caplog.at_level(logging.WARNING, logger=preparing.__name__):
        prepared = prepare(template)

    assert not prepared.fast
    assert "differs from docxtpl" in caplog.text
    assert "Fallback for Margaret Adeyemi" in read_letter(prepared.render(sample_context()))
