"""Finding the language version of a page or snippet: the one rule every part of the app uses
(the letter route, letter templates, link and lookup blocks, resource lists, the directory
commands, the placeholder check), and a page's live translations, fetched once per request and
shared by the letter form's languages, the hreflang tags and the example site's language switcher
(``web.request_memo``)."""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Locale, Page

from soroptimist_advocacy.web.privacy import publicly_visible
from soroptimist_advocacy.web.request_memo import remembered

# "No translation": distinct from None, which a caller may want back as the fallback.
_SELF = object()


def translation_in(obj, locale: Locale, *, live_only: bool = True, fallback=_SELF):
    """*obj*'s translation in *locale*: for a page its specific instance, and with *live_only*
    only a live one. Without such a translation, *fallback*, which is *obj* itself unless given
    (``fallback=None`` to know there is none)."""
    if obj.locale_id == locale.pk:
        return obj
    translation = obj.get_translation_or_none(locale)
    if translation is not None and isinstance(translation, Page):
        translation = translation.specific if not live_only or translation.live else None
    if translation is None:
        return obj if fallback is _SELF else fallback
    return translation


def active_locale() -> Locale | None:
    """The locale of the language being served, or None when it has no locale (as Wagtail's
    ``Page.localized`` does, such a request gets the pages as chosen)."""
    try:
        return Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return None


def in_active_language(obj):
    """*obj* in the visitor's language where it is translated and live, else *obj*: Wagtail's
    ``obj.localized``, with the page's specific instance."""
    locale = active_locale() if getattr(settings, "WAGTAIL_I18N_ENABLED", False) else None
    return obj if locale is None else translation_in(obj, locale)


def live_in_active_language(model, pages) -> list:
    """*pages* in the visitor's language where translated (else as chosen), publicly visible
    ones only (live, no view restriction), in the chosen order: two queries however many
    pages, documents included. (translation_in's rule, for a whole list at once.)"""
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    locale = active_locale()
    queryset = publicly_visible(model.objects.all()).select_related("document")
    translated = (
        {
            page.translation_key: page
            for page in queryset.filter(translation_key__in=[page.translation_key for page in pages], locale=locale)
        }
        if locale is not None
        else {}
    )
    originals = {page.pk: page for page in queryset.filter(pk__in=[page.pk for page in pages])}
    chosen = [translated.get(page.translation_key) or originals.get(page.pk) for page in pages]
    return [page for page in chosen if page is not None]


def live_translations(page, request=None) -> dict:
    """Every live translation of *page* (itself included, as it is) by language code, with
    its locale, in locale order; one query per *request*, shared by the form and the view."""
    return remembered(request, page, "live_translations", lambda: _live_translations(page))


def _live_translations(page) -> dict:
    pages = page.get_translations(inclusive=True).live().select_related("locale").order_by("locale__pk")
    found = {}
    for translation in pages:
        if translation.pk == page.pk:
            # The page's own locale came along: fill Django's cache of its foreign key, as
            # select_related would, and spare the page a query.
            page.locale = translation.locale
            translation = page
        found[translation.locale.language_code] = translation
    found.setdefault(page.locale.language_code, page)
    return found
