"""Which languages a campaign's letter is really translated into.

A live translated page is not enough: wagtail-localize publishes a translation
whose untranslated segments keep the source text, so a "French" campaign may
carry an English letter. A language is offered for letters only when
wagtail-localize holds a translation, in that locale, of every segment of the
letter text (its subject line, paragraphs and sections) and the live page shows it. This
asks wagtail-localize's own records, never guesses the language of the words.
"""

from __future__ import annotations

from collections import defaultdict

from wagtail_localize.models import StringSegment, StringTranslation


def letter_block_ids(page) -> list[str]:
    """The ids of *page*'s letter builder blocks; translations keep the source's block ids."""
    return [raw.get("id") for raw in page.body.raw_data if raw["type"] == "letter_builder" and raw.get("id")]


def letter_paragraphs(body) -> set[str]:
    """The subject and paragraphs of every letter builder block in a page's *body*."""
    texts = set()
    for raw in body.raw_data:
        if raw["type"] == "letter_builder":
            value = raw.get("value") or {}
            texts.add(value.get("subject") or "")
            for item in value.get("paragraphs") or []:
                texts.add(_item_value(item))
            for section in value.get("sections") or []:
                section = _item_value(section) or {}
                texts.add(section.get("label") or "")
                texts.update(_item_value(item) for item in section.get("alternatives") or [])
    return texts


def _item_value(item):
    """A raw ListBlock item's value (ListBlock stores {"type": "item", "value": ..., "id": ...})."""
    return item.get("value", "") if isinstance(item, dict) and "type" in item else item


def _is_letter_path(path: str, block_ids: list[str]) -> bool:
    return any(
        path == f"body.{id}.subject" or path.startswith((f"body.{id}.paragraphs.", f"body.{id}.sections."))
        for id in block_ids
    )


def letter_segments(page):
    """(source locale id, [(string id, context id, source text), ...]) of *page*'s letter text,
    from its wagtail-localize source; None when wagtail-localize did not translate *page*."""
    block_ids = letter_block_ids(page)
    rows = (
        StringSegment.objects.filter(source__object_id=page.translation_key, context__path__startswith="body.")
        .order_by("source_id")
        .values_list("source_id", "source__locale_id", "string_id", "context_id", "context__path", "string__data")
    )
    first_source = None
    locale_id, segments = None, []
    for source_id, source_locale, string_id, context_id, path, text in rows:
        # The oldest source is the original; a later one would be a translation used as a source.
        first_source = first_source or source_id
        if source_id != first_source or not _is_letter_path(path, block_ids):
            continue
        locale_id = source_locale
        segments.append((string_id, context_id, text))
    if first_source is None:
        return None
    return locale_id, segments


def translated_letter_locales(page, translations: dict) -> set[int]:
    """The locale ids, among *translations* (live pages by language code), whose letter text is
    translated in full and live. At most three queries whatever the number of languages."""
    found = letter_segments(page)
    locale_ids = {translation.locale_id for translation in translations.values()}
    if found is None:
        # Not translated with wagtail-localize (copied by hand, say): nothing to check against.
        return locale_ids
    source_locale, segments = found
    if source_locale is None:
        return locale_ids  # the source has no letter text to translate
    wanted = {(string_id, context_id): text for string_id, context_id, text in segments}
    # locale id -> {(string id, context id): translated text}
    held: defaultdict[int, dict[tuple[int, int], str]] = defaultdict(dict)
    rows = StringTranslation.objects.filter(
        translation_of_id__in={string_id for string_id, _ in wanted},
        context_id__in={context_id for _, context_id in wanted},
        locale_id__in=locale_ids - {source_locale},
    ).values_list("locale_id", "translation_of_id", "context_id", "data")
    for locale_id, string_id, context_id, data in rows:
        if (string_id, context_id) in wanted and data.strip():
            held[locale_id][string_id, context_id] = data
    offered = {source_locale} & locale_ids
    complete = {locale_id: done for locale_id, done in held.items() if len(done) == len(wanted)}
    if not complete:
        return offered
    # One query for the live letters of every complete language (translations may be plain Pages).
    bodies = (
        type(page)
        .objects.filter(
            pk__in=[translation.pk for translation in translations.values() if translation.locale_id in complete]
        )
        .values_list("locale_id", "body")
    )
    for locale_id, body in bodies:
        shown = letter_paragraphs(body)
        # Translated but not yet published: the live page still shows the source's words.
        if all(text in shown for text in complete[locale_id].values()):
            offered.add(locale_id)
    return offered


def letter_translations(page, translations: dict) -> dict:
    """Those of *translations* (*page*'s live translations by language code) whose letter text
    is translated in full and live: the languages a member may choose for her letter."""
    offered = translated_letter_locales(page, translations)
    return {code: translation for code, translation in translations.items() if translation.locale_id in offered}
