"""The letter as a page: read it, copy it, print it or e-mail it (``<campaign>/letter/text/``).

This is the confirmation after a letter is made: the same letter as the .docx, from the same
contexts, counted once as a letter made. Nothing is stored: the page is ``no-store`` and the
member's details live only in it (the .docx download on it re-posts them, marked as already
counted so the letter is not counted twice).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext

from soroptimist_advocacy.campaigns.choice_counters import count_section_choices
from soroptimist_advocacy.campaigns.counters import count_letters
from soroptimist_advocacy.letter_builder.contexts import is_right_to_left
from soroptimist_advocacy.letter_builder.form_context import report_url
from soroptimist_advocacy.letter_builder.mailto import MailtoLink, mailto_link
from soroptimist_advocacy.letter_builder.plain_letter import PlainLetter, plain_letter
from soroptimist_advocacy.models.campaign_sources import page_source
from soroptimist_advocacy.web.caching import no_store

LETTER_TEXT_TEMPLATE = "soroptimist_advocacy/pages/letter_text.html"
# Posted back with the .docx download of the text view: that letter is already counted.
ALREADY_COUNTED = "counted"


@dataclass(frozen=True)
class ShownLetter:
    letter: PlainLetter
    office: str  # whom the e-mail goes to, as the member knows her
    mailto: MailtoLink | None  # None when the directory has no address for her


def shown_letters(form, contexts: list[dict]) -> list[ShownLetter]:
    """Each letter of a valid *form*, with an e-mail link to its decision maker when she has an address."""
    language = form.cleaned_data["language"]
    # The contexts follow the chosen decision makers (or the one generic addressee) in order.
    decision_makers = form.chosen_decision_makers() or [None] * len(contexts)
    note = gettext("[Paste the text of your letter here: copy it from the page you came from.]")
    shown = []
    for decision_maker, context in zip(decision_makers, contexts, strict=False):
        letter = plain_letter(context, language)
        address = (getattr(decision_maker, "email", "") or "").strip()
        office = (decision_maker.organisation or decision_maker.title) if decision_maker is not None else ""
        link = mailto_link(address, context.get("subject") or "", letter.text, note) if address else None
        shown.append(ShownLetter(letter, office, link))
    return shown


def count_letter(request, page, form, number: int) -> None:
    """Count *number* letters made and the wording chosen, unless the page posting them says they were."""
    if request.POST.get(ALREADY_COUNTED) == "1":
        return
    count_letters(
        campaign_key=page.translation_key,
        country=form.cleaned_data["country"],
        language=form.cleaned_data["language"],
        number=number,
        source=page_source(page, request.POST.get("source")),  # an undefined slug counts as no source
    )
    count_section_choices(campaign_key=page.translation_key, choices=form.chosen_alternatives(), number=number)


def letter_text_page(request, page, form, contexts: list[dict]):
    """The text view of a valid letter *form*: its letters as pages, counted, never cached."""
    language = form.cleaned_data["language"]
    count_letter(request, page, form, len(contexts))
    page_url = page.get_url(request)
    source = page_source(page, request.POST.get("source"))
    response = page.render(
        request,
        template=LETTER_TEXT_TEMPLATE,
        context_overrides={
            "letter_form": form,
            "letters": shown_letters(form, contexts),
            "letter_language": language,
            "letter_direction": "rtl" if is_right_to_left(language) else "ltr",
            "letter_action": page_url + page.reverse_subpage("letter_route"),
            "already_counted_field": ALREADY_COUNTED,
            "campaign_source": source,
            "report_url": report_url(page, page_url, form.cleaned_data["country"], source),
        },
    )
    return no_store(response)
