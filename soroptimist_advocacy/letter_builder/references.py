"""Each letter's reference code and QR code, put in its context before it is rendered.

A code is drawn and stored (``campaigns.references``: campaign, country, language, source, time;
nothing about her) for every letter of a document, and the letter prints it with a QR code
opening ``<campaign>/sent/<code>/`` on the campaign page in the letter's language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from soroptimist_advocacy.campaigns.reference_codes import display_code
from soroptimist_advocacy.campaigns.references import issue_references
from soroptimist_advocacy.letters.qr import qr_png
from soroptimist_advocacy.models.letter_reference import LetterReference

SENT_ROUTE = "sent_route"
# The sample letter's code (admin preview): a dummy, never stored, so it never counts.
SAMPLE_CODE = "K7QF3MXD92A"


def sent_url(request, page, code: str) -> str:
    """The absolute URL of *page*'s "I sent it" page for *code* (canonical or as printed)."""
    base = page.get_full_url(request) or ""
    if base and not base.endswith("/"):
        base += "/"
    return base + page.reverse_subpage(SENT_ROUTE, args=(display_code(code),))


def with_reference(context: dict, code: str, url: str) -> dict:
    """*context* with the letter's code (as printed) and its QR code opening *url*; whatever else
    the context says about the letter is kept."""
    letter = dict(context.get("letter") or {}, reference=display_code(code), qr=qr_png(url))
    return dict(context, letter=letter)


def with_references(contexts: Sequence[dict], codes: Sequence[str], url_of: Callable[[str], str]) -> list[dict]:
    return [with_reference(context, code, url_of(code)) for context, code in zip(contexts, codes, strict=True)]


def referenced_contexts(
    request,
    *,
    campaign,
    letter_page,
    contexts: Sequence[dict],
    country: str,
    language: str,
    source: str,
    decision_makers: Sequence = (),
) -> tuple[list[dict], list[str]]:
    """*contexts*, a new stored code each (counting for *campaign*, all its translations; the n-th
    letter addressed to the n-th of *decision_makers* when there is one per letter), and the codes."""
    codes = issue_references(
        campaign_key=campaign.translation_key,
        country=country,
        language=language,
        source=source,
        number=len(contexts),
        decision_maker_keys=[decision_maker.translation_key for decision_maker in decision_makers],
    )
    return with_references(contexts, codes, lambda code: sent_url(request, letter_page, code)), codes


def withdraw_references(codes: Sequence[str]) -> None:
    """Forget codes whose letters were not made after all (too long to render)."""
    LetterReference.objects.filter(code__in=list(codes)).delete()
