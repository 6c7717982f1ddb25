"""The member's letter form."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from soroptimist_advocacy.letter_builder.sections import letter_sections
from soroptimist_advocacy.letter_builder.wording_fields import add_wording_fields, chosen_alternatives
from soroptimist_advocacy.models.text_limits import SHORT_TEXT_MAX
from soroptimist_advocacy.web.country_select import CountryChoiceField, country_codes
from soroptimist_advocacy.web.printable import validate_printable


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
        # A decision maker ticked for one country and posted with another (a page left open, an
        # old link): the form shows the posted country's list again, and says why.
        error_messages={
            "invalid_choice": _(
                "The decision makers you ticked are not those of the country you chose: tick them again below."
            )
        },
    )

    def __init__(self, data=None, initial=None, *, setup, **kwargs) -> None:
        """The form of the campaign whose letter *setup* (``letter_builder.setup.LetterSetup``)
        it offers: that directory's decision makers of the chosen country, primary first, and
        the languages the letter is translated into, the page's own first."""
        languages = setup.languages()
        super().__init__(data=data, initial={"language": languages[0][0], **(initial or {})}, **kwargs)
        self.setup = setup
        cast(forms.ChoiceField, self.fields["language"]).choices = languages
        if len(languages) < 2:
            # Nothing to choose: keep the field, but out of the member's way.
            self.fields["language"].widget = forms.HiddenInput()
        country = (self.data.get("country") if self.is_bound else self.initial.get("country")) or ""
        country = country.strip().upper()
        self.country_decision_makers = setup.decision_makers(country) if country in country_codes() else []
        cast(forms.ChoiceField, self.fields["decision_maker"]).choices = [
            (decision_maker.pk, str(decision_maker)) for decision_maker in self.country_decision_makers
        ]
        for name in ("name", "club", "town", "email"):
            if name not in self.fields:
                continue  # a subclass without it (the club pack has names, no email)
            self.fields[name].widget.attrs["autocomplete"] = {
                "name": "name",
                "club": "organization",
                "town": "address-level2",
                "email": "email",
            }[name]
        # The sections as the page's own language words them; a choice names an alternative by its
        # block id, the same in every translation.
        self.sections = letter_sections(setup.block_value)
        add_wording_fields(self, self.sections)

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data  # what Form.clean() returns, typed as possibly None
        chosen = cleaned.get("decision_maker") or []
        if "country" in cleaned and self.country_decision_makers and not chosen and "decision_maker" not in self.errors:
            self.add_error("decision_maker", _("Choose at least one decision maker to write to."))
        return cleaned

    def chosen_alternatives(self) -> dict[str, str]:
        """Section id -> the id of the alternative the member chose (``letter_builder.sections``)."""
        return chosen_alternatives(self.cleaned_data, self.sections)

    def chosen_decision_makers(self) -> list:
        """The decision makers the member chose, in directory order (primary first)."""
        chosen = set(self.cleaned_data.get("decision_maker") or [])
        return [dm for dm in self.country_decision_makers if dm.pk in chosen]
