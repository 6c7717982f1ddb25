"""A country <select> whose ~250 options are rendered once per language.

Rendering every option through Django's widget templates costs more than the
rest of the Action Kit page; the options only change with the language, so
they are built once per process and language, then the chosen one is marked.
"""

from __future__ import annotations

import functools

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from soroptimist_advocacy.web.countries import sorted_countries


@functools.lru_cache(maxsize=32)
def _options_html(language: str) -> str:
    first = format_html('<option value="">{}</option>', gettext("Choose a country"))
    return first + "".join(
        format_html('<option value="{}">{}</option>', code, name) for code, name in sorted_countries(language)
    )


def country_options(selected: str | None = "") -> str:
    """The options of every country in the active language, *selected* marked."""
    html = _options_html(get_language() or "")
    if selected:
        marker = f'<option value="{escape(selected)}">'
        html = html.replace(marker, f'<option value="{escape(selected)}" selected>', 1)
    return mark_safe(html)


@functools.lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    return frozenset(code for code, _name in countries)


class CountryChoiceField(forms.CharField):
    """A country code from ISO 3166-1, chosen in a :class:`CountrySelect`.

    Validated against the set of codes rather than a ``choices`` list, which
    Django would rebuild (with ~250 translated, sorted names) for every form."""

    widget: type[forms.Widget] | None = None  # set below, once CountrySelect exists
    default_error_messages = {"invalid_choice": _("Choose your country from the list.")}

    def to_python(self, value):
        return (super().to_python(value) or "").strip().upper()

    def validate(self, value):
        super().validate(value)
        if value and value not in country_codes():
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")


class CountrySelect(forms.Select):
    """``forms.Select`` for a country field, with the options cached per language."""

    def render(self, name, value, attrs=None, renderer=None):
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html('<select name="{}"{}>{}</select>', name, attributes, country_options(value or ""))


CountryChoiceField.widget = CountrySelect
