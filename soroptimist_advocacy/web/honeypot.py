"""A honeypot field: people never see it, simple bots fill it."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website_url"


class HoneypotMixin(forms.Form):
    """Adds a hidden field that must stay empty. It is hidden from screen readers
    (aria-hidden, tabindex -1) and from autofill (autocomplete off, an unusual name)."""

    website_url = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))

    def fields_to_fill(self) -> list[forms.BoundField]:
        """The fields a person sees, in order: all but the honeypot, which its own template hides."""
        return [field for field in self.visible_fields() if field.name != HONEYPOT_FIELD]
