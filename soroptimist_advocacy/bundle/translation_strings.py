"""The translations a bundle carries: wagtail-localize's own strings, by segment path.

A page's live translation travels as the strings wagtail-localize extracts from it
(``extract_segments``), grouped by the segment's path (field name, StreamField block
id and child name) in their order on the page: ``{"fr": {"intro": ["Écrivez…"],
"body.<block id>": ["…"]}}``. The source and its translations share their block ids,
so the path finds the same segment on the importing site, where each string becomes
a string translation of the imported page's segment (what a translator types in
wagtail-localize's editor) and wagtail-localize builds the translated page from them.

Why this carrier and not a PO file or whole field values: a PO file carries a
translation-id header that must be rewritten for the target site, and neither it nor
strings carry images or synchronised fields (those are copied from the source page by
wagtail-localize, as on the partner's site). Whole field values would bypass
wagtail-localize, so the importing site's translators could not re-sync them.
"""

from __future__ import annotations

from django.utils.translation import gettext
from wagtail.models import Page
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from soroptimist_advocacy.bundle.errors import Refusals

# A translated string longer than this is not a translation of a page's text.
MAX_STRING = 20_000
MAX_LANGUAGE_CODE = 20


def page_strings(page) -> dict[str, list[str]]:
    """*page*'s translatable strings by segment path, in their order."""
    strings: dict[str, list[str]] = {}
    for segment in extract_segments(page.specific):
        if isinstance(segment, StringSegmentValue):
            strings.setdefault(segment.path, []).append(segment.string.data)
    return strings


def live_translations(page) -> dict[str, dict[str, list[str]]]:
    """The strings of each live translation of *page* (other than its own language), by language code."""
    translations = (
        Page.objects.filter(translation_key=page.translation_key, live=True)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    return {translated.locale.language_code: page_strings(translated) for translated in translations}


def check_translations(value, path: str, refusals: Refusals) -> dict[str, dict[str, list[str]]]:
    """*value* (a bundle's translations of one page) if of the right shape, else {} with refusals at *path*."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        refusals.add(path, gettext("must be an object of translations by language."))
        return {}
    before = len(refusals.messages)
    for code, strings in value.items():
        where = f"{path}.{str(code)[:MAX_LANGUAGE_CODE]}"
        if len(code) > MAX_LANGUAGE_CODE:
            refusals.add(where, gettext("is not a language code."))
        elif not isinstance(strings, dict) or not all(
            isinstance(texts, list) and all(isinstance(text, str) for text in texts) for texts in strings.values()
        ):
            refusals.add(where, gettext("must be lists of texts by segment."))
            continue
        for segment_path, texts in strings.items():
            for index, text in enumerate(texts):
                if len(text) > MAX_STRING:
                    refusals.add(
                        f"{where}.{segment_path[:200]}[{index}]",
                        gettext("is longer than %(count)d characters.") % {"count": MAX_STRING},
                    )
    return value if len(refusals.messages) == before else {}
