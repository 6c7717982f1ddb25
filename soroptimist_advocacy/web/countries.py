"""Countries as the public pages and the directory read them: ``?country=`` and a directory's list."""

from __future__ import annotations

import functools

from django.utils.translation import get_language, override
from django_countries import countries

from soroptimist_advocacy.web.collation import collation_key


@functools.lru_cache(maxsize=32)
def _sorted_countries(language: str) -> tuple[tuple[str, str], ...]:
    with override(language or None):
        # Some catalogs carry stray spaces (one Chinese name starts with one): trimmed here, and
        # sorted here rather than by django-countries, whose one collator ignores the language.
        names = [(code, str(name).strip()) for code, name in countries]
    key = collation_key(language)
    return tuple(sorted(names, key=lambda pair: (key(pair[1]), pair[0])))


def sorted_countries(language: str | None = None) -> tuple[tuple[str, str], ...]:
    """(code, name) of every country, named and sorted in *language* (the active one by default)
    by that language's collation rules (``collation.collation_key``); built once per language."""
    return _sorted_countries(language if language is not None else (get_language() or ""))


def country_choices_for(queryset) -> list[tuple[str, str]]:
    """(code, name) for the countries that *queryset* of decision makers covers,
    named and sorted in the active language."""
    codes = set(queryset.order_by().values_list("country", flat=True).distinct())
    return [(code, name) for code, name in sorted_countries() if code in codes]


def parse_country(value) -> str | None:
    """Return the upper-case ISO code for *value*, or None when it names no country."""
    code = (value or "").strip().upper()
    if len(code) == 2 and code in dict(countries):
        return code
    return None
