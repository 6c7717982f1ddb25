"""render_many: one document, one letter per recipient, each in its own section on a new page."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.section import WD_SECTION

from soroptimist_advocacy.letters import render, render_many, sample_context
from soroptimist_advocacy.letters.limits import MAX_RECIPIENTS

NAMES = ["Anne Marshall", "Béatrice Dupont", "Chiara Rossi"]


def contexts(names=NAMES):
    letters = []
    for name in names:
        context = sample_context()
        context["recipient"]["name"] = name
        letters.append(context)
    return letters


def test_each_recipient_gets_a_letter_in_its_own_section(default_template):
    document = docx.Document(io.BytesIO(render_many(default_template, contexts())))

    assert len(document.sections) == len(NAMES)
    assert all(section.start_type == WD_SECTION.NEW_PAGE for section in document.sections)
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts.count("Yours sincerely,") == len(NAMES)
    recipient_blocks = [text for text in texts if text.startswith(tuple(NAMES))]
    assert [block.split("\n")[0] for block in recipient_blocks] == NAMES


def test_recipient_placeholders_in_headers_stay_right_in_every_section(template_with):
    template = template_with(
        ["Dear {{ recipient.name }}"], header="For {{ recipient.name }}", footer="Page of {{ recipient.name }}"
    )

    document = docx.Document(io.BytesIO(render_many(template, contexts())))

    assert [section.header.paragraphs[0].text for section in document.sections] == [f"For {name}" for name in NAMES]
    assert [section.footer.paragraphs[0].text for section in document.sections] == [f"Page of {name}" for name in NAMES]


def test_one_recipient_is_just_the_letter(default_template):
    assert render_many(default_template, contexts(NAMES[:1])) == render(default_template, contexts(NAMES[:1])[0])


@pytest.mark.parametrize("count", [0, MAX_RECIPIENTS + 1])
def test_no_letters_or_too_many_are_refused(default_template, count):
    with pytest.raises(ValueError):
        render_many(default_template, contexts(["Someone"] * count))
