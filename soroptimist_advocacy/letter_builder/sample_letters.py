"""Sample letters of letter templates for editors, filled with the engine's sample details (a
campaign's own sample letter, its preview mode, is the letter builder's: ``delivery``)."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.text import slugify

from soroptimist_advocacy.letter_builder.delivery import docx_response
from soroptimist_advocacy.letters import render, sample_context
from soroptimist_advocacy.models.template_versions import read_document_bytes


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
