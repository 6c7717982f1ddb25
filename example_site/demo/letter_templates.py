"""The demo's letter templates: the app's default letter with each language's own conventions
(a subject line as each language writes it; the punctuation each puts after a salutation)."""

from __future__ import annotations

import io
import zipfile

from soroptimist_advocacy.letters import default_template_bytes

SUBJECT = "<w:t>{{ subject }}</w:t>"
SALUTATION = "<w:t>{{ recipient.salutation }},</w:t>"
CHANGES = {
    "en": {},
    "fr": {SUBJECT: '<w:t xml:space="preserve">Objet : {{ subject }}</w:t>'},
    "es": {
        SUBJECT: '<w:t xml:space="preserve">Asunto: {{ subject }}</w:t>',
        SALUTATION: "<w:t>{{ recipient.salutation }}:</w:t>",
    },
    # Arabic puts its own comma after the salutation; the subject line opens with "الموضوع:".
    "ar": {
        SUBJECT: '<w:t xml:space="preserve">الموضوع: {{ subject }}</w:t>',
        SALUTATION: "<w:t>{{ recipient.salutation }}،</w:t>",
    },
    # A Chinese salutation ends with a full-width colon; the subject line reads "事由：".
    "zh-hans": {
        SUBJECT: "<w:t>事由：{{ subject }}</w:t>",
        SALUTATION: "<w:t>{{ recipient.salutation }}：</w:t>",
    },
    # A formal Russian letter: "Уважаемая госпожа министр!" and the subject after "О ..." as written.
    "ru": {
        SALUTATION: "<w:t>{{ recipient.salutation }}!</w:t>",
    },
}


def letter_template_file(language: str) -> bytes:
    """A .docx letter template for *language*."""
    template = default_template_bytes()
    changes = CHANGES.get(language) or {}
    if not changes:
        return template
    source = zipfile.ZipFile(io.BytesIO(template))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                for old, new in changes.items():
                    assert old in text, f"the default template no longer contains {old}"
                    text = text.replace(old, new)
                data = text.encode("utf-8")
            target.writestr(item, data)
    return out.getvalue()
