"""The example site's language switcher."""

from django import template
from django.utils.translation import get_language_info

register = template.Library()


@register.simple_tag
def page_languages(page, inclusive=False):
    """(page, language info) for every live translation of *page*, in one query whatever
    the number of languages: the locales come with the pages."""
    if page is None or not hasattr(page, "get_translations"):
        return []
    pages = page.get_translations(inclusive=inclusive).live().select_related("locale").order_by("locale__pk")
    links = []
    for translation in pages:
        code = translation.locale.language_code
        try:
            info = get_language_info(code)
        except KeyError:
            info = {"code": code, "name_local": code, "bidi": False}
        links.append((translation, info))
    return links
