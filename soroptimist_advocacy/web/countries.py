"""Countries as the public pages and the directory read them: ``?country=`` and a directory's list."""

from __future__ import annotations

from django_countries import countries


def country_choices_for(queryset) -> list[tuple[str, str]]:
    """(code, name) for the countries that *queryset* of decision makers covers,
    named and sorted in the active language."""
    codes = set(queryset.order_by().values_list("country", flat=True).distinct())
    return [(code, name) for code, name in countries if code in codes]


def parse_country(value) -> str | None:
    """Return the upper-case ISO code for *value*, or None when it names no country."""
    code = (value or "").strip().upper()
    if len(code) == 2 and code in dict(countries):
        return code
    return None
