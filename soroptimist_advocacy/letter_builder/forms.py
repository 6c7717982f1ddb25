"""Forms members fill in on the public pages."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from soroptimist_advocacy.models.text_limits import SHORT_TEXT_MAX
from soroptimist_advocacy.web.country_select import CountryChoiceField, country_codes


def validate_printable(value: str) -> None:
    """Refuse control characters: they cannot be printed and are not part of any name."""
    if any(ord(char) < 32 and char not in "\t\n\r" for char in value) or "\x7f" in value:
        raise ValidationError(_("Please remove the invisible control characters from this field."), code="control")


class LetterForm(forms.Form):
    """The member's details for a letter. Field names are part of the public contract."""

    name = forms.CharField(label=_("Your name"), max_length=SHORT_TEXT_MAX, validators=[validate_printable])
    club = forms.CharField(label=_("Your club"), max_length=SHORT_TEXT_MAX, validators=[validate_printable])
    town = forms.CharField(label=_("Your town or city"), max_length=SHORT_TEXT_MAX, validators=[validate_printable])
    email = forms.EmailField(
        label=_("Your email (optional)"),
        required=False,
        help_text=_("Printed on the letter so the office can reply to you. We do not store it."),
    )
    country = CountryChoiceField(label=_("Your country"))
    language = forms.ChoiceField(
        label=_("Language of the letter"),
        help_text=_("The campaign's letter is available in these languages."),
    )
    decision_maker = forms.TypedMultipleChoiceField(
        label=_("Send the letter to"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, decision_makers_for_country=None, languages=(), **kwargs):
        """*decision_makers_for_country(code)* returns that country's decision makers, primary
        first; *languages* are the (code, name) pairs a letter can be written in."""
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = list(languages)
        if len(self.fields["language"].choices) < 2:
            # Nothing to choose: keep the field, but out of the member's way.
            self.fields["language"].widget = forms.HiddenInput()
        self.decision_makers_for_country = decision_makers_for_country or (lambda code: [])
        country = (self.data.get("country") if self.is_bound else self.initial.get("country")) or ""
        country = country.strip().upper()
        self.country_decision_makers = (
            list(self.decision_makers_for_country(country)) if country in country_codes() else []
        )
        self.fields["decision_maker"].choices = [
            (decision_maker.pk, str(decision_maker)) for decision_maker in self.country_decision_makers
        ]
        for name in ("name", "club", "town", "email"):
            self.fields[name].widget.attrs["autocomplete"] = {
                "name": "name",
                "club": "organization",
                "town": "address-level2",
                "email": "email",
            }[name]

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("decision_maker") or []
        if "country" in cleaned and self.country_decision_makers and not chosen and "decision_maker" not in self.errors:
            self.add_error("decision_maker", _("Choose at least one decision maker to write to."))
        return cleaned

    def chosen_decision_makers(self) -> list:
        """The decision makers the member chose, in directory order (primary first)."""
        chosen = set(self.cleaned_data.get("decision_maker") or [])
        return [dm for dm in self.country_decision_makers if dm.pk in chosen]
