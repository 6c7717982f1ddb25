"""The example site's language switcher."""

from django import template
from django.utils.translation import get_language_info

from soroptimist_advocacy.web.translations import live_translations

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context, page, inclusive=False):
    """(page, language info) for every live translation of *page*, in one query whatever
    the number of languages: the locales come with the pages."""
    if page is None or not hasattr(page, "get_translations"):
        return []
    # The same list the page's hreflang tags use, fetched once for both.
    pages = [
        translation
        for translation in live_translations(page, context.get("request")).values()
        if translation.live and (inclusive or translation.pk != page.pk)
    ]
    links = []
    for translation in pages:
        code = translation.locale.language_code
        try:
            info = get_language_info(code)
        except KeyError:
            info = {"code": code, "name_local": code, "bidi": False}
        links.append((translation, info))
    return links
