"""A page's live translations, fetched once per request and shared by everything that needs
them: the letter form's languages, the hreflang tags and the example site's language switcher."""

from __future__ import annotations


def live_translations(page) -> dict:
    """Every live translation of *page* (itself included, as it is) by language code, with
    its locale, in locale order; one query per request, shared by the form and the view."""
    cached = getattr(page, "_sa_live_translations", None)
    if cached is None:
        pages = page.get_translations(inclusive=True).live().select_related("locale").order_by("locale__pk")
        cached = {}
        for translation in pages:
            if translation.pk == page.pk:
                page.locale = translation.locale  # already fetched: spare the page a query
                translation = page
            cached[translation.locale.language_code] = translation
        cached.setdefault(page.locale.language_code, page)
        page._sa_live_translations = cached
    return cached
