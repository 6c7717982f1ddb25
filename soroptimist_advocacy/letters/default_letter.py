"""The letter template shipped with the app, written as each language writes a letter.

The words of a letter come from its context in the letter's language (the salutation, the
closing, the date); what surrounds them is the template's: the punctuation after the
salutation ("Dear Minister," but "Estimada Ministra:", "معالي الوزيرة المحترمة،",
"尊敬的部长：", "Уважаемая госпожа министр!") and the label before the subject line
("Objet :", "Asunto:", "الموضوع:", "事由："). An editor's own template writes them as she
wants, one ``.docx`` per language; the default template gets them here, so that a site
without templates of its own still sends a letter that reads right in each language.
"""

from __future__ import annotations

import functools
import io
import zipfile
from importlib import resources

# The default template's lines these conventions change (scripts/build_default_template.py).
SUBJECT_LINE = "<w:t>{{ subject }}</w:t>"
SALUTATION_LINE = "<w:t>{{ recipient.salutation }},</w:t>"

# Punctuation after the salutation; a comma where not listed.
SALUTATION_ENDS = {"es": ":", "ar": "،", "zh-hans": "：", "zh": "：", "ru": "!"}
# Label before the subject line; none where not listed (an English letter's subject stands alone).
SUBJECT_LABELS = {
    "fr": "Objet\u00a0: ",  # a no-break space before the colon, as French typography writes it
    "es": "Asunto: ",
    "ar": "الموضوع: ",
    "zh-hans": "事由：",
    "zh": "事由：",
}


def _base(language: str) -> str:
    language = language.lower().replace("_", "-")
    return language if language in SALUTATION_ENDS or language in SUBJECT_LABELS else language.split("-")[0]


def salutation_end(language: str) -> str:
    """What follows the salutation in *language*: "," in English, ":" in Spanish, "!" in Russian."""
    return SALUTATION_ENDS.get(_base(language), ",")


def subject_label(language: str) -> str:
    """What stands before the subject line in *language* ("Objet : "); "" in English."""
    return SUBJECT_LABELS.get(_base(language), "")


@functools.cache
def default_template_bytes(language: str | None = None) -> bytes:
    """The letter template shipped with the app (built by scripts/build_default_template.py),
    with *language*'s punctuation after the salutation and label before the subject line."""
    template = resources.files(__package__).joinpath("default_template.docx").read_bytes()
    base = _base(language) if language else ""
    ending, label = SALUTATION_ENDS.get(base, ","), SUBJECT_LABELS.get(base, "")
    if ending == "," and not label:
        return template
    changes = {
        SUBJECT_LINE: f'<w:t xml:space="preserve">{label}{{{{ subject }}}}</w:t>',
        SALUTATION_LINE: f"<w:t>{{{{ recipient.salutation }}}}{ending}</w:t>",
    }
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as source, zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                for line, written in changes.items():
                    if line not in text:
                        raise RuntimeError(f"the default template no longer has the line {line}")
                    text = text.replace(line, written)
                data = text.encode("utf-8")
            target.writestr(info, data, compress_type=info.compress_type)
    return output.getvalue()
