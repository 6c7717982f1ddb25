"""A member's .docx letter and the answers when she cannot have it.

Implementation of the ``letter/`` route's page methods (``get_letter_contexts``,
``get_letter_template``, ``serve_letter`` of ``ActionKitMixin``): call those, not these.
"""

from __future__ import annotations

import logging

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from soroptimist_advocacy.campaigns.counters import count_letters
from soroptimist_advocacy.campaigns.sources import page_source
from soroptimist_advocacy.conf import get_setting
from soroptimist_advocacy.letter_builder.contexts import build_letter_contexts, generic_recipient, recipient_values
from soroptimist_advocacy.letters import LetterTooCostly, default_template_bytes, render, render_many
from soroptimist_advocacy.letters.variables import MEMBER_FIELDS
from soroptimist_advocacy.web.caching import no_store
from soroptimist_advocacy.web.ratelimit import hit
from soroptimist_advocacy.web.translations import translation_in

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
logger = logging.getLogger(__name__)
LETTER_TOO_LONG = _("This letter would be too long to make. Please shorten what you typed and try again.")
RATE_LIMITED_TEMPLATE = "soroptimist_advocacy/pages/letter_rate_limited.html"


def within_letter_rate_limit(request) -> bool:
    """Count this letter against the client's limit: one client can move public figures only this far."""
    return hit(request, "letter", limit=get_setting("LETTER_RATE_LIMIT"), window=get_setting("LETTER_RATE_WINDOW"))


def letter_rate_limited(request, page):
    """HTTP 429 with a page in the campaign's language saying when to try again."""
    window = int(get_setting("LETTER_RATE_WINDOW"))
    context = page.get_context(request)
    context["retry_minutes"] = max(1, (window + 59) // 60)
    response = no_store(TemplateResponse(request, RATE_LIMITED_TEMPLATE, context, status=429))
    response["Retry-After"] = str(window)
    return response


def find_letter_block(page):
    """The page's letter builder block value, or None.

    Reads the raw stream and converts only that block: iterating ``page.body``
    would fetch every chooser of every block (documents, resources...) first.
    """
    for raw in page.body.raw_data:
        if raw["type"] == "letter_builder":
            return page.body.stream_block.child_blocks["letter_builder"].to_python(raw["value"])
    return None


def in_language(page, locale):
    """*page*'s live translation in *locale*, or *page* itself when there is none."""
    return translation_in(page, locale)


def letter_template_bytes(block_value, locale) -> bytes:
    """The block's template in *locale* when one exists, else its source, else the default."""
    template = block_value.get("template")
    if template is None:
        return default_template_bytes()
    return translation_in(template, locale).read_template()


def letter_filename(campaign_title: str, country: str) -> str:
    """An ASCII-safe file name naming the campaign and the country."""
    stem = slugify(campaign_title, allow_unicode=False)[:60].strip("-") or "letter"
    return f"{stem}-{country.lower()}.docx"


def form_again(request, page, form):
    """The campaign page again, with the letter form and its messages (400, never cached)."""
    response = page.render(request, context_overrides={"letter_form": form})
    response.status_code = 400
    return no_store(response)


def letter_contexts(page, form, setup) -> list[dict]:
    """One engine context per recipient the valid letter *form* chose, in the chosen language."""
    language = form.cleaned_data["language"]
    # The form only offers languages whose letter text is translated and live.
    letter_page, letter_block = setup.letter_block(language)
    country = form.cleaned_data["country"]
    member = {key: form.cleaned_data[key] for key in MEMBER_FIELDS}
    decision_makers = [in_language(dm, letter_page.locale) for dm in form.chosen_decision_makers()]
    if decision_makers:
        recipients = [recipient_values(dm, language) for dm in decision_makers]
    else:
        recipients = [generic_recipient(letter_block, country, language)]
    return build_letter_contexts(
        member=member,
        recipients=recipients,
        block_value=letter_block,
        campaign_title=letter_page.title,
        language=language,
    )


def letter_response(request, page, form):
    """The .docx of a valid letter *form*, counted; or the page again when it is too long to make."""
    language = form.cleaned_data["language"]
    country = form.cleaned_data["country"]
    contexts = page.get_letter_contexts(form)
    try:
        document = render_letters(page.get_letter_template(language), contexts, language)
    except LetterTooCostly as costly:
        # The allowlist keeps real letters far below the caps: this is worth a look.
        logger.warning("Letter refused on %s: it passed the %s cap", page.url_path, costly.reason)
        form.add_error(None, LETTER_TOO_LONG)
        return form_again(request, page, form)
    source = page_source(page, request.POST.get("source"))  # an undefined slug counts as no source
    count_letters(
        campaign_key=page.translation_key, country=country, language=language, number=len(contexts), source=source
    )

    response = HttpResponse(document, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{letter_filename(page.title, country)}"'
    return no_store(response)


def render_letters(template: bytes, contexts: list[dict], language: str | None = None) -> bytes:
    """One letter, or one document with a letter per recipient, set to *language*."""
    if len(contexts) == 1:
        return render(template, contexts[0], language)
    return render_many(template, contexts, language)
