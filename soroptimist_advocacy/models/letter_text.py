"""Refuse letter text whose placeholders an editor or translator got wrong.

The block's letter text is filled by a regular expression over documented names
(:data:`PLACEHOLDER_PATTERN`, which ``letter_builder.contexts`` fills), so a
misspelt placeholder would be printed as typed in every member's letter.
wagtail-localize cannot attach StreamField errors to segments, so the page's own
``clean()`` refuses the save or publish and names the placeholder.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext
from wagtail_localize.models import TranslationSource

from soroptimist_advocacy.letters.variables import TEXT_PLACEHOLDER_NAMES
from soroptimist_advocacy.web.translations import translation_in

# Any ``{{ group.name }}`` an editor wrote; only TEXT_PLACEHOLDERS (letters/variables.py) are filled.
PLACEHOLDER_PATTERN = re.compile(r"\{\{\s*([a-z_]+)\.([a-z_]+)\s*\}\}")


def placeholders_in(text: str) -> set[str]:
    """Every ``{{ group.name }}`` placeholder written in *text*, known or not."""
    return {f"{group}.{name}" for group, name in PLACEHOLDER_PATTERN.findall(text)}


def allowed_placeholders() -> set[str]:
    return set(TEXT_PLACEHOLDER_NAMES)


def _block_texts(value) -> list[str]:
    """The letter text of a letter builder block *value*, and each of its section alternatives."""
    alternatives = [text for section in value.get("sections") or [] for text in section.get("alternatives") or []]
    return [*(value.get("paragraphs") or []), *alternatives]


def letter_texts(page) -> dict[str, str]:
    """Each letter builder block's text (section alternatives included) on *page*, joined, by block id."""
    return {
        block.id: "\n".join(_block_texts(block.value)) for block in page.body if block.block_type == "letter_builder"
    }


def translation_source_page(page):
    """The page *page* was translated from with wagtail-localize, or None for a source page."""
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
        .first()
    )
    if source is None:
        return None
    return translation_in(page, source.locale, live_only=False, fallback=None)


def _named(names) -> str:
    return ", ".join("{{ " + name + " }}" for name in sorted(names))


def letter_placeholder_errors(page) -> list[str]:
    """Messages for unknown placeholders and, in a translation, dropped or added ones."""
    errors = []
    allowed = allowed_placeholders()
    texts = letter_texts(page)
    for text in texts.values():
        unknown = placeholders_in(text) - allowed
        if unknown:
            errors.append(
                gettext("The letter text uses %(unknown)s, which the letter cannot fill in. Use only: %(allowed)s.")
                % {"unknown": _named(unknown), "allowed": _named(allowed)}
            )
    source = translation_source_page(page) if page.pk else None
    if source is None:
        return errors
    source_texts = letter_texts(source.specific)
    for block_id, text in texts.items():
        if block_id not in source_texts:
            continue
        expected, found = placeholders_in(source_texts[block_id]), placeholders_in(text)
        if expected - found:
            errors.append(
                gettext("This translation of the letter drops %(names)s; keep every placeholder of the original.")
                % {"names": _named(expected - found)}
            )
        if (found - expected) & allowed:
            errors.append(
                gettext("This translation of the letter adds %(names)s, which the original does not use.")
                % {"names": _named((found - expected) & allowed)}
            )
    return errors
