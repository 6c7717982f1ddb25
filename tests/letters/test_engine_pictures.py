"""The letter's QR code: fixed in the template once, the PNG per letter, readable by a phone."""

from __future__ import annotations

import io
import zipfile

import pytest
import zxingcpp
from PIL import Image

from soroptimist_advocacy.letters import default_template_bytes, prepare, render, render_many, sample_context
from soroptimist_advocacy.letters.images import MEDIA_MEMBER, RELATIONSHIP_ID
from soroptimist_advocacy.letters.qr import qr_png

URL = "https://example.org/fr/campagne/sent/K7QF-3MXD-92A/"


def decoded(png: bytes) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def letter_with(url: str | None, reference: str = "K7QF-3MXD-92A") -> dict:
    return dict(sample_context(), letter={"reference": reference, "qr": qr_png(url) if url else None})


def pictures(document: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(document)) as package:
        return [package.read(name) for name in sorted(package.namelist()) if name.lower().endswith(".png")]


@pytest.mark.parametrize("language", [None, "fr", "es", "ar", "zh-hans", "ru"])
def test_the_qr_code_in_the_default_letter_decodes_to_the_sent_page(language, read_member):
    letter = render(default_template_bytes(language), letter_with(URL), language)

    assert prepare(default_template_bytes(language), language).fast
    with zipfile.ZipFile(io.BytesIO(letter)) as package:
        assert decoded(package.read(MEDIA_MEMBER)) == [URL]
        footer = package.read("word/footer1.xml").decode()
        assert f'r:embed="{RELATIONSHIP_ID}"' in footer
        assert "K7QF-3MXD-92A" in footer
        assert RELATIONSHIP_ID in package.read("word/_rels/footer1.xml.rels").decode()
        assert 'Extension="png"' in package.read("[Content_Types].xml").decode()


def test_each_letter_of_a_document_carries_its_own_qr_code():
    urls = [f"https://example.org/c/sent/CODE-{number}/" for number in range(3)]
    document = render_many(default_template_bytes(), [letter_with(url, f"CODE-{n}") for n, url in enumerate(urls)])

    assert sorted(text for png in pictures(document) for text in decoded(png)) == sorted(urls)


def test_a_letter_without_a_picture_prints_none(template_with):
    template = template_with(["{{ member.name }}", "{{ letter.qr }}|{{ letter.reference }}"])
    letter = render(template, letter_with(None, reference="ABCD"))

    with zipfile.ZipFile(io.BytesIO(letter)) as package:
        body = package.read("word/document.xml").decode()
    assert "<w:drawing>" not in body
    assert "|ABCD" in body


def test_a_template_that_prints_no_picture_gets_no_media(template_with):
    template = template_with(["{{ member.name }} {{ letter.reference }}"])
    letter = render(template, letter_with(URL))

    assert prepare(template).image_members == []
    assert pictures(letter) == []


@pytest.mark.parametrize("value", [b"GIF89a not a png", "https://example.org/", b"\x89PNG\r\n\x1a\n" + b"x" * 300_000])
def test_a_picture_that_is_not_a_small_png_is_refused(template_with, value):
    template = template_with(["{{ letter.qr }}"])

    with pytest.raises((TypeError, ValueError)):
        render(template, dict(sample_context(), letter={"qr": value}))


def test_the_picture_prints_no_markup_as_text_or_through_a_filter(template_with, read_letter):
    template = template_with(["[{{ letter.qr|upper }}]"], title="{{ letter.qr }}{{ campaign.title }}")
    letter = render(template, letter_with(URL))

    assert "[]" in read_letter(letter)
    assert "drawing" not in read_letter(letter)
