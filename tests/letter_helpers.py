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


def docx_text(content: bytes, *, title: bool = False) -> str:
    """All text of a .docx, one paragraph a line: body paragraphs, tables, headers and footers,
    and with *title* the document's title (core properties) last. The suite's one .docx reader."""
    document = docx.Document(io.BytesIO(content))
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        lines += [paragraph.text for paragraph in section.header.paragraphs]
        lines += [paragraph.text for paragraph in section.footer.paragraphs]
    if title:
        lines.append(document.core_properties.title or "")
    return "\n".join(lines)
