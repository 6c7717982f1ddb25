"""A member's .docx letter: rendered, counted and sent as an attachment.

The last step of the ``letter/`` route (``ActionKitMixin.serve_letter``), once the page has
its hooks' contexts and template: nothing here calls back into the page.
"""

from __future__ import annotations

import logging

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from soroptimist_advocacy.campaigns.counters import count_letters
from soroptimist_advocacy.letters import render, render_many
from soroptimist_advocacy.letters.safety.budget import LetterTooCostly
from soroptimist_advocacy.models.campaign_sources import page_source
from soroptimist_advocacy.web.caching import no_store

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
logger = logging.getLogger(__name__)
LETTER_TOO_LONG = _("This letter would be too long to make. Please shorten what you typed and try again.")


def letter_filename(campaign_title: str, country: str) -> str:
    """An ASCII-safe file name naming the campaign and the country."""
    stem = slugify(campaign_title, allow_unicode=False)[:60].strip("-") or "letter"
    return f"{stem}-{country.lower()}.docx"


def render_letters(template: bytes, contexts: list[dict], language: str | None = None) -> bytes:
    """One letter, or one document with a letter per recipient, set to *language*."""
    if len(contexts) == 1:
        return render(template, contexts[0], language)
    return render_many(template, contexts, language)


def docx_response(document: bytes, filename: str) -> HttpResponse:
    """*document* as a private attachment named *filename*."""
    response = HttpResponse(document, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return no_store(response)


def deliver_letter(request, page, form, contexts: list[dict], template: bytes) -> HttpResponse | None:
    """The .docx of a valid letter *form* on campaign *page* (one letter per context, from
    *template*), counted; None when it is too long to make (the form then says so)."""
    language = form.cleaned_data["language"]
    country = form.cleaned_data["country"]
    try:
        document = render_letters(template, contexts, language)
    except LetterTooCostly as costly:
        # The allowlist keeps real letters far below the caps: this is worth a look.
        logger.warning("Letter refused on %s: it passed the %s cap", page.url_path, costly.reason)
        form.add_error(None, LETTER_TOO_LONG)
        return None
    source = page_source(page, request.POST.get("source"))  # an undefined slug counts as no source
    count_letters(
        campaign_key=page.translation_key, country=country, language=language, number=len(contexts), source=source
    )
    return docx_response(document, letter_filename(page.title, country))
