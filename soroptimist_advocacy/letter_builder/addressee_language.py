"""Which of the words a letter greets and addresses its recipient with are written in the
letter's language, so that a letter never borrows another language's.

A French letter to a decision maker the directory holds in English, or whose French page
wagtail-localize published with her salutation still in English, must not open "Dear
Minister," and close "Veuillez agréer...": her salutation and address line are used only
when they are written in the letter's language; otherwise the letter greets her with its
language's neutral salutation (``wording.neutral_salutation``) and names her by her name
and official post as the directory holds them. The same holds for the campaign's own
salutation and addressee for a country with nobody listed. wagtail-localize's records
decide (``web.fallback_language.texts_left_in_source``); nothing guesses a language from
the words.
"""

from __future__ import annotations

from soroptimist_advocacy.letter_builder.translation import letter_block_ids
from soroptimist_advocacy.web.fallback_language import texts_left_in_source

# A decision maker's fields that are sentences of a language's grammar, not names.
ADDRESSING_FIELDS = frozenset({"salutation", "address_line"})
# The letter builder block's words for a country with nobody listed.
GENERIC_FIELDS = frozenset({"generic_salutation", "generic_addressee"})


def addressing_in_language(decision_maker, locale) -> frozenset[str]:
    """Those of *decision_maker*'s salutation and address line written in *locale*'s language:
    none when her page is not in *locale* (the directory has no live translation of her there)."""
    if decision_maker.locale_id != locale.pk:
        return frozenset()
    texts = {field: getattr(decision_maker, field) for field in ADDRESSING_FIELDS}
    return ADDRESSING_FIELDS - texts_left_in_source(decision_maker, texts)


def generic_addressing_in_language(letter_page, block_value) -> frozenset[str]:
    """Those of the letter builder block's generic salutation and addressee that *letter_page*
    (the campaign in the letter's language, whose block *block_value* is) shows translated."""
    block_ids = letter_block_ids(letter_page)
    if not block_ids:
        return GENERIC_FIELDS
    paths = {f"body.{block_ids[0]}.{field}": field for field in GENERIC_FIELDS}
    left = texts_left_in_source(letter_page, {path: block_value.get(field) or "" for path, field in paths.items()})
    return frozenset(field for path, field in paths.items() if path not in left)
