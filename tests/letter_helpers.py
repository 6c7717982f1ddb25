"""Posting letters as a browser does, and reading the .docx that comes back."""

from __future__ import annotations

import io

import docx

ORIGIN = "http://testserver"


def letter_data(**overrides) -> dict:
    data = {
        "name": "Marie Curie",
        "club": "SI Paris Club",
        "town": "Paris",
        "email": "",
        "country": "FR",
        "language": "en",
    }
    data.update(overrides)
    return data


def post_letter(client, page, data, origin=ORIGIN, **headers):
    if origin is not None:
        headers["HTTP_ORIGIN"] = origin
    return client.post(page.url + "letter/", data, **headers)


def docx_text(content: bytes) -> str:
    """All text of a .docx: body paragraphs, tables, headers and footers."""
    document = docx.Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        parts.extend(paragraph.text for paragraph in section.header.paragraphs)
        parts.extend(paragraph.text for paragraph in section.footer.paragraphs)
    return "\n".join(parts)
