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

from soroptimist_advocacy.web.request_memo import remembered


class FallbackText:
    """The source-language texts left in *page*; two queries, on first use only."""

    def __init__(self, page):
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
