"""Texts of a translated page that are still in the source language, so that templates can
mark them with their own ``lang`` (screen readers, hyphenation, fonts and, in a right-to-left
page, the place of an English sentence's full stop all depend on it).

wagtail-localize publishes a translation whose untranslated segments keep the source text:
its own records say which segments those are, so nothing here guesses a language.
"""

from __future__ import annotations

from functools import cached_property

from django.utils.html import format_html
from django.utils.translation import get_language_info
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.strings import StringValue

from soroptimist_advocacy.web.request_memo import remembered


class FallbackText:
    """The source-language texts left in *page*; two queries, on first use only."""

    def __init__(self, page) -> None:
        self.page = page

    @cached_property
    def _language_and_texts(self) -> tuple[str, set[str]]:
        page = self.page
        rows = list(
            StringSegment.objects.filter(source__object_id=page.translation_key)
            .exclude(source__locale_id=page.locale_id)
            .order_by("source_id")
            .values_list("source_id", "source__locale__language_code", "string_id", "context_id", "string__data")
        )
        if not rows:
            return "", set()
        first_source, language = rows[0][0], rows[0][1]
        segments = {
            (string_id, context_id): text
            for source_id, _, string_id, context_id, text in rows
            if source_id == first_source
        }
        translated = set(
            StringTranslation.objects.filter(
                locale_id=page.locale_id,
                translation_of_id__in={string_id for string_id, _ in segments},
                context_id__in={context_id for _, context_id in segments},
            ).values_list("translation_of_id", "context_id")
        )
        # Very short texts (a brand name, "PDF") read the same in every language.
        missing = {text for key, text in segments.items() if key not in translated and len(text) > 3}
        return language, missing

    def language_of(self, text: str) -> str:
        """The source language when *text* holds a segment left untranslated, else ""."""
        language, missing = self._language_and_texts
        if not missing or not text:
            return ""
        text = str(text)
        return language if any(segment in text for segment in missing) else ""


def fallback_for(page, request=None) -> FallbackText | None:
    """*page*'s texts left in the source language, read once per *request* however many blocks ask."""
    if page is None or not getattr(page, "translation_key", None):
        return None
    return remembered(request, page, "fallback_text", lambda: FallbackText(page))


def lang_attributes(page, text, request=None) -> str:
    """` lang="en" dir="ltr"` for text left in the source language, else nothing."""
    fallback = fallback_for(page, request)
    language = fallback.language_of(text) if fallback is not None else ""
    if not language:
        return ""
    try:
        direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    except KeyError:
        direction = "auto"
    return format_html(' lang="{}" dir="{}"', language, direction)


def _plain(data: str) -> str:
    # Segments of plain-text fields are stored as HTML ("&amp;", "<br>" for a line break).
    return StringValue(data).render_text().strip()


def texts_left_in_source(page, texts: dict[str, str]) -> set[str]:
    """Those of *texts* (the text *page* shows, by wagtail-localize context path: a field's name,
    or ``body.<block id>.<child>`` in a StreamField) still in the source language: the source's
    words copied there, with no translation into *page*'s language that reads the same.

    A text differing from its source segment was translated, or written by hand after the
    translation stopped being synchronised; a published translation reads as its string
    translation says, even when a translator kept the source's words. The original page, and
    one wagtail-localize never translated, has nothing left in a source. At most two queries.
    """
    wanted = {path: text.strip() for path, text in texts.items() if text and text.strip()}
    if not wanted:
        return set()
    rows = (
        StringSegment.objects.filter(source__object_id=page.translation_key, context__path__in=wanted)
        .order_by("source_id")
        .values_list("source_id", "source__locale_id", "context__path", "string_id", "context_id", "string__data")
    )
    original: tuple[int, int] | None = None  # the original source's id and locale id
    # (string id, context id) -> the path whose text is still its source segment's
    copied: dict[tuple[int, int], str] = {}
    for source_id, locale_id, path, string_id, context_id, data in rows:
        # The oldest source is the original; a later one is a translation used as a source.
        original = original or (source_id, locale_id)
        if original[1] == page.locale_id:
            return set()  # *page* is the original
        if source_id == original[0] and _plain(data) == wanted[path]:
            copied[string_id, context_id] = path
    if not copied:
        return set()
    translations = StringTranslation.objects.filter(
        locale_id=page.locale_id,
        translation_of_id__in={string_id for string_id, _ in copied},
        context_id__in={context_id for _, context_id in copied},
    ).values_list("translation_of_id", "context_id", "data")
    for string_id, context_id, data in translations:
        path = copied.get((string_id, context_id))
        if path is not None and _plain(data) == wanted[path]:
            del copied[string_id, context_id]
    return set(copied.values())
