"""Sample letters for editors: what a member would get, filled with sample details."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.text import slugify

from soroptimist_advocacy.letter_builder.contexts import build_letter_contexts, generic_recipient, recipient_values
from soroptimist_advocacy.letter_builder.delivery import docx_response, render_letters
from soroptimist_advocacy.letter_builder.setup import find_letter_block, letter_template_bytes
from soroptimist_advocacy.letters import render, sample_context
from soroptimist_advocacy.models.template_versions import read_document_bytes

SAMPLE_COUNTRY = "GB"


def sample_letter_for_page(page) -> HttpResponse:
    """The campaign's letter, in its language, from a sample member to its first decision maker."""
    block_value = find_letter_block(page) or {}
    language = page.locale.language_code
    member = dict(sample_context()["member"], country=SAMPLE_COUNTRY)
    directory = page.get_directory()
    first = directory.get_decision_makers().first() if directory is not None else None
    recipient = recipient_values(first, language) if first else generic_recipient(block_value, SAMPLE_COUNTRY, language)
    contexts = build_letter_contexts(
        member=member, recipients=[recipient], block_value=block_value, campaign_title=page.title, language=language
    )
    # Without a chosen template (or a letter block at all) this is the app's default letter.
    document = render_letters(letter_template_bytes(block_value, page.locale), contexts, language)
    return docx_response(document, f"sample-{slugify(page.title)[:50] or 'letter'}.docx")


def sample_letter_for_template(letter_template) -> HttpResponse:
    """*letter_template* filled with the engine's sample letter."""
    document = render(letter_template.read_template(), sample_context(), letter_template.locale.language_code)
    return docx_response(document, f"sample-{slugify(letter_template.name)[:50] or 'letter'}.docx")


def sample_letter_for_imported_document(letter_template) -> HttpResponse:
    """*letter_template*'s imported document, waiting for approval, filled with the engine's sample letter
    (validated as every template is before it renders: ValidationError when it fails)."""
    data = read_document_bytes(letter_template.pending_document)
    document = render(data, sample_context(), letter_template.locale.language_code)
    return docx_response(document, f"sample-imported-{slugify(letter_template.name)[:50] or 'letter'}.docx")
