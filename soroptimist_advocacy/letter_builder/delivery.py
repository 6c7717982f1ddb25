"""The letter builder of a campaign page, and a member's .docx letter rendered, counted and sent.

``ActionKitMixin.get_letter_builder()`` hands the page's letter hooks a :class:`LetterBuilder`
(the letter builder sits above the models, so the page imports it on use, as
``wagtail.contrib.forms`` pages do their views). Each of its methods goes one way down, to the
form, the contexts, the letter setup or the delivery below, and never back into the page:
the page's ``letter_route`` calls its hooks, the hooks call the builder, the builder does the work.
"""

from __future__ import annotations

import logging

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from soroptimist_advocacy.letter_builder.addressee_language import (
    addressing_in_language,
    generic_addressing_in_language,
)
from soroptimist_advocacy.letter_builder.contexts import (
    build_letter_contexts,
    generic_recipient,
    letter_contexts,
    recipient_values,
)
from soroptimist_advocacy.letter_builder.form_context import letter_form_context
from soroptimist_advocacy.letter_builder.forms import LetterForm
from soroptimist_advocacy.letter_builder.pack import PackPages
from soroptimist_advocacy.letter_builder.references import (
    SAMPLE_CODE,
    referenced_contexts,
    sent_url,
    with_reference,
    withdraw_references,
)
from soroptimist_advocacy.letter_builder.sent import SentPages
from soroptimist_advocacy.letter_builder.setup import (
    LetterSetup,
    find_letter_block,
    get_letter_setup,
    letter_template_bytes,
)
from soroptimist_advocacy.letter_builder.text_view import count_letter, letter_text_page
from soroptimist_advocacy.letters import LetterTooCostly, render, render_many, sample_context
from soroptimist_advocacy.models.campaign_sources import page_source
from soroptimist_advocacy.web.caching import no_store
from soroptimist_advocacy.web.translations import translation_in

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
logger = logging.getLogger(__name__)
LETTER_TOO_LONG = _("This letter would be too long to make. Please shorten what you typed and try again.")
SAMPLE_COUNTRY = "GB"


def letter_filename(campaign_title: str, country: str) -> str:
    """A file name naming the campaign (in its own script: a Russian campaign's letter has a
    Russian name) and the country; letters, digits and hyphens only."""
    stem = slugify(campaign_title, allow_unicode=True)[:60].strip("-") or "letter"
    return f"{stem}-{country.lower()}.docx"


def render_letters(template: bytes, contexts: list[dict], language: str | None = None) -> bytes:
    """One letter, or one document with a letter per recipient, set to *language*."""
    if len(contexts) == 1:
        return render(template, contexts[0], language)
    return render_many(template, contexts, language)


def docx_response(document: bytes, filename: str) -> HttpResponse:
    """*document* as a private attachment named *filename*."""
    response = HttpResponse(document, content_type=DOCX_CONTENT_TYPE)
    # Django quotes an ASCII name and writes any other as RFC 6266's filename*=utf-8''...
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return no_store(response)


def deliver_letter(request, page, form, contexts: list[dict], template: bytes) -> HttpResponse | None:
    """The .docx of a valid letter *form* on campaign *page* (one letter per context, from
    *template*), counted; None when it is too long to make (the form then says so)."""
    language = form.cleaned_data["language"]
    country = form.cleaned_data["country"]
    source = page_source(page, request.POST.get("source"))  # an undefined slug counts as no source
    # A code per letter, its QR code opening the sent page in the letter's language.
    letter_page = form.setup.letter_block(language)[0]
    contexts, codes = referenced_contexts(
        request,
        campaign=page,
        letter_page=letter_page,
        contexts=contexts,
        country=country,
        language=language,
        source=source,
        decision_makers=form.chosen_decision_makers(),
    )
    try:
        document = render_letters(template, contexts, language)
    except LetterTooCostly as costly:
        # The allowlist keeps real letters far below the caps: this is worth a look.
        logger.warning("Letter refused on %s: it passed the %s cap", page.url_path, costly.reason)
        withdraw_references(codes)
        form.add_error(None, LETTER_TOO_LONG)
        return None
    count_letter(request, page, form, len(contexts))
    return docx_response(document, letter_filename(page.title, country))


def sample_letter_for_page(page) -> HttpResponse:
    """The campaign's letter, in its language, from a sample member to its first decision maker."""
    block_value = find_letter_block(page) or {}
    language = page.locale.language_code
    member = dict(sample_context()["member"], country=SAMPLE_COUNTRY)
    directory = page.get_directory()
    first = directory.get_decision_makers().first() if directory is not None else None
    if first is not None:
        first = translation_in(first, page.locale)
        recipient = recipient_values(first, language, addressing_in_language(first, page.locale))
    else:
        in_language = generic_addressing_in_language(page, block_value)
        recipient = generic_recipient(block_value, SAMPLE_COUNTRY, language, in_language)
    contexts = build_letter_contexts(
        member=member, recipients=[recipient], block_value=block_value, campaign_title=page.title, language=language
    )
    # A dummy code, never stored, and its QR code: the editor sees where they are printed.
    contexts = [with_reference(context, SAMPLE_CODE, sent_url(None, page, SAMPLE_CODE)) for context in contexts]
    # Without a chosen template (or a letter block at all) this is the app's default letter.
    document = render_letters(letter_template_bytes(block_value, page.locale), contexts, language)
    return docx_response(document, f"sample-{slugify(page.title)[:50] or 'letter'}.docx")


class LetterBuilder:
    """The letter builder of *page*; it keeps nothing but the page, so make one per use."""

    def __init__(self, page) -> None:
        self.page = page

    def setup(self) -> LetterSetup:
        """The page's letter setup as this process keeps it (built on the first letter since the
        last change; ``letter_builder.setup``)."""
        return get_letter_setup(self.page)

    def form(self, data=None, initial=None, setup: LetterSetup | None = None) -> LetterForm:
        """The letter form offering *setup*'s decision makers and languages (the page's own,
        read now, without one)."""
        return LetterForm(data=data, initial=initial, setup=setup or LetterSetup(self.page))

    def contexts(self, form: LetterForm) -> list[dict]:
        """The engine's context per recipient of a valid *form*."""
        return letter_contexts(form)

    def template(self, language: str) -> bytes:
        """The .docx template bytes of the letter in *language*."""
        return self.setup().template_bytes(language)

    def deliver(self, request, form: LetterForm, contexts: list[dict], template: bytes):
        """The .docx response, counted; None when the letter is too long to make (*form* says so)."""
        return deliver_letter(request, self.page, form, contexts, template)

    def text_page(self, request, form: LetterForm, contexts: list[dict]):
        """The letter as a page to read, copy, print and e-mail (``letter/text/``), counted."""
        return letter_text_page(request, self.page, form, contexts)

    def form_context(self, request, form: LetterForm | None = None) -> dict:
        """The letter builder block's context: *form* after an invalid POST, else a blank one."""
        return letter_form_context(self.page, request, form)

    def document_response(self, document: bytes, country: str) -> HttpResponse:
        """*document* (letters to *country*) as the private .docx attachment a letter is."""
        return docx_response(document, letter_filename(self.page.title, country))

    def pack(self, request):
        """The club pack page (``pack/``, GET and POST): one .docx, a letter per member named."""
        return PackPages(self.page, self).serve(request)

    def sent(self, request, code: str):
        """The letter's "I sent it" page (``sent/<code>/``, GET and POST): counts it as sent once."""
        return SentPages(self.page).serve(request, code)

    def sample_letter(self):
        """The letter a member would get, from a sample member: the page's preview mode."""
        return sample_letter_for_page(self.page)
