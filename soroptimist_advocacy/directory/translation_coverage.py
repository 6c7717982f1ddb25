"""Which decision makers lack a translation in each of their campaigns' languages.

A letter in French to a decision maker nobody translated falls back to a neutral salutation;
the coverage report tells editors which pages to translate so it need not. "Translated" is
judged from wagtail-localize's string translations, as for the letter text: a translation it
publishes shows the source's words for every segment nobody translated, so a live French
page proves nothing. A page translated without wagtail-localize (copied and edited by hand)
has nothing to check against and counts as translated once it is live.
"""

from __future__ import annotations

from collections import defaultdict

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation

from soroptimist_advocacy.web.privacy import publicly_visible

# Segments wagtail-localize offers that no letter or listing shows in the member's language: an
# English slug in a French address is not an untranslated page.
UNJUDGED_FIELDS = ("slug",)


def campaign_locales(directory, campaigns) -> list[Locale]:
    """The languages of *campaigns* (pages in any language) other than *directory*'s own."""
    locale_ids = {campaign.locale_id for campaign in campaigns} - {directory.locale_id}
    return list(Locale.objects.filter(pk__in=locale_ids).order_by("language_code"))


def untranslated_locales(pages, locales) -> dict[int, list[Locale]]:
    """For each of *pages* (source pages of one language), the *locales* it lacks a full, live
    translation in; pages translated everywhere are left out. Three queries whatever the counts."""
    if not pages or not locales:
        return {}
    keys = {page.translation_key: page for page in pages}
    locale_ids = {locale.pk for locale in locales}
    live = set(
        Page.objects.filter(translation_key__in=keys, locale_id__in=locale_ids, live=True).values_list(
            "translation_key", "locale_id"
        )
    )
    # page pk -> {(string id, context id)} to translate; only pages wagtail-localize translated.
    segments: defaultdict[int, set[tuple[int, int]]] = defaultdict(set)
    rows = (
        StringSegment.objects.filter(source__object_id__in=keys, source__locale_id=pages[0].locale_id)
        .exclude(context__path__in=UNJUDGED_FIELDS)
        .values_list("source__object_id", "string_id", "context_id")
    )
    for key, string_id, context_id in rows:
        segments[keys[key].pk].add((string_id, context_id))
    wanted = set().union(*segments.values()) if segments else set()
    held: defaultdict[int, set[tuple[int, int]]] = defaultdict(set)
    if wanted:
        translated = StringTranslation.objects.filter(
            translation_of_id__in={string_id for string_id, _ in wanted},
            context_id__in={context_id for _, context_id in wanted},
            locale_id__in=locale_ids,
        ).values_list("locale_id", "translation_of_id", "context_id", "data")
        for locale_id, string_id, context_id, data in translated:
            if data.strip():
                held[locale_id].add((string_id, context_id))
    missing = {}
    for page in pages:
        lacking = [
            locale
            for locale in locales
            if (page.translation_key, locale.pk) not in live or not segments[page.pk] <= held[locale.pk]
        ]
        if lacking:
            missing[page.pk] = lacking
    return missing


def untranslated_by_country(directory, campaigns) -> dict[str, list[tuple[str, list[Locale]]]]:
    """Country code -> [(decision maker's name, the campaign languages she lacks a translation in)]
    for *directory*'s live, publicly visible decision makers."""
    locales = campaign_locales(directory, campaigns)
    if not locales:
        return {}
    pages = list(
        publicly_visible(directory.get_decision_maker_model().objects.child_of(directory).live())
        .only("pk", "title", "country", "translation_key", "locale_id")
        .order_by("title")
    )
    lacking = untranslated_locales(pages, locales)
    found: defaultdict[str, list[tuple[str, list[Locale]]]] = defaultdict(list)
    for page in pages:
        if page.pk in lacking:
            found[page.country.code].append((page.title, lacking[page.pk]))
    return dict(found)
