"""Turn a member's form, the campaign and a decision maker into the letter engine's context."""

from __future__ import annotations

import datetime
import re
import unicodedata

from django.utils import timezone, translation
from django_countries import countries

from soroptimist_advocacy.letter_builder import wording
from soroptimist_advocacy.letter_builder.addressee_language import ADDRESSING_FIELDS, GENERIC_FIELDS
from soroptimist_advocacy.letter_builder.sections import chosen_paragraphs, letter_sections
from soroptimist_advocacy.letters.variables import MEMBER_FIELDS, RECIPIENT_FIELDS, TEXT_PLACEHOLDERS
from soroptimist_advocacy.models.letter_text import PLACEHOLDER_PATTERN
from soroptimist_advocacy.web.translations import translation_in


def fill_placeholders(text: str, values: dict[str, dict[str, str]]) -> str:
    """Replace the documented placeholders in *text* by *values*; leave anything else as written."""

    def replace(match: re.Match) -> str:
        group, name = match.groups()
        if name in TEXT_PLACEHOLDERS.get(group, ()):
            return values.get(group, {}).get(name, "")
        return match.group(0)

    return PLACEHOLDER_PATTERN.sub(replace, text)


def letter_date(language: str, day: datetime.date | None = None) -> str:
    """Today's date as a letter writes it in *language*: "28 November 2026", "2026年11月28日"."""
    return wording.letter_date(language, day or timezone.localdate())


def country_name(code: str, language: str) -> str:
    with translation.override(language):
        return str(countries.name(code)).strip() if code else ""  # a catalog's stray space stays out


def recipient_values(decision_maker, language: str, in_language: frozenset[str] = ADDRESSING_FIELDS) -> dict[str, str]:
    """*decision_maker* as a letter in *language* addresses her: her salutation and address line
    only when they are written in it (*in_language*, ``addressee_language``), else the language's
    neutral salutation and her name and post as the directory holds them."""
    salutation = decision_maker.salutation.strip() if "salutation" in in_language else ""
    return {
        "salutation": salutation or wording.neutral_salutation(language),
        "name": decision_maker.title,
        "address_line": decision_maker.address_line.strip() if "address_line" in in_language else "",
        "title": decision_maker.position_title,
        "organisation": decision_maker.organisation,
        "address": decision_maker.postal_address,
        "country": country_name(decision_maker.country.code, language),
    }


def generic_recipient(
    block_value, country: str, language: str, in_language: frozenset[str] = GENERIC_FIELDS
) -> dict[str, str]:
    """The addressee the editor set for a country with nobody listed, her words only where
    they are translated into *language* (*in_language*); else the neutral salutation."""
    salutation = (block_value.get("generic_salutation") or "").strip() if "generic_salutation" in in_language else ""
    return {
        **dict.fromkeys(RECIPIENT_FIELDS, ""),
        "salutation": salutation or wording.neutral_salutation(language),
        "title": (block_value.get("generic_addressee") or "") if "generic_addressee" in in_language else "",
        "country": country_name(country, language),
    }


def is_right_to_left(language: str) -> bool:
    try:
        return bool(translation.get_language_info(language)["bidi"])
    except KeyError:
        return False


# Left-to-right embedding and its end (LRE, PDF): understood by Word and LibreOffice alike.
_LTR_START, _LTR_END = "\u202a", "\u202c"


def _first_strong_is_ltr(text: str) -> bool:
    for character in text:
        direction = unicodedata.bidirectional(character)
        if direction == "L":
            return True
        if direction in ("R", "AL"):
            return False
    return False


def keep_ltr_lines_in_order(value: str) -> str:
    """*value* with each line that starts in a left-to-right script kept left to right.

    In a right-to-left letter, "1 Example Street" would otherwise be shown "Example
    Street 1" and a trailing full stop would jump to the wrong end of a Latin name.
    """
    return "\n".join(
        f"{_LTR_START}{line}{_LTR_END}" if _first_strong_is_ltr(line) else line for line in value.split("\n")
    )


def _isolated(values: dict[str, str]) -> dict[str, str]:
    return {key: keep_ltr_lines_in_order(value) if isinstance(value, str) else value for key, value in values.items()}


def build_letter_contexts(
    *,
    member: dict,
    recipients: list[dict],
    block_value,
    campaign_title: str,
    language: str,
    choices: dict[str, str] | None = None,
    own_words: str = "",
) -> list[dict]:
    """One engine context per recipient, every word in *language*; *choices* (section id ->
    alternative id) pick each section's paragraph (the first where it names none), *own_words*
    is her paragraph."""
    member = dict(member, country=country_name(member.get("country", ""), language))
    if is_right_to_left(language):
        # Names, clubs and addresses a member or the directory typed in Latin letters keep their order.
        member = _isolated(member)
        recipients = [_isolated(recipient) for recipient in recipients]
        own_words = keep_ltr_lines_in_order(own_words) if own_words else own_words
    sections = chosen_paragraphs(letter_sections(block_value), choices or {})
    # The editor's subject line in this translation; the campaign's title only when she set none.
    subject = (block_value.get("subject") or "").strip() or campaign_title
    contexts = []
    for recipient in recipients:
        values = {"member": member, "recipient": recipient, "campaign": {"title": campaign_title}}
        contexts.append(
            {
                "member": member,
                "recipient": recipient,
                "recipients": recipients,
                "date": letter_date(language),
                "subject": subject,
                "campaign": {"title": campaign_title},
                "body": [fill_placeholders(paragraph, values) for paragraph in block_value.get("paragraphs") or []],
                "closing": wording.closing_formula(language, recipient.get("salutation", "")),
                # Her own words are hers as typed: never filled in, never read as a template.
                "letter": {
                    "sections": [fill_placeholders(paragraph, values) for paragraph in sections],
                    "own_words": own_words,
                },
            }
        )
    return contexts


def letter_contexts(form, member: dict | None = None) -> list[dict]:
    """One engine context per recipient the valid letter *form* chose, in the chosen language,
    from the letter setup the form was built on; *member* (a club pack's) in place of the form's."""
    language = form.cleaned_data["language"]
    # The form only offers languages whose letter text is translated and live.
    letter_page, letter_block = form.setup.letter_block(language)
    country = form.cleaned_data["country"]
    member = {key: (member if member is not None else form.cleaned_data).get(key, "") for key in MEMBER_FIELDS}
    member["country"] = country
    locale = letter_page.locale
    decision_makers = [translation_in(dm, locale) for dm in form.chosen_decision_makers()]
    if decision_makers:
        recipients = [recipient_values(dm, language, form.setup.addressing(dm, locale)) for dm in decision_makers]
    else:
        recipients = [generic_recipient(letter_block, country, language, form.setup.generic_addressing(language))]
    return build_letter_contexts(
        member=member,
        recipients=recipients,
        block_value=letter_block,
        campaign_title=letter_page.title,
        language=language,
        choices=form.chosen_alternatives(),
        own_words=form.cleaned_data.get("own_words") or "",
    )
