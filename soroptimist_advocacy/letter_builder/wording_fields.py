"""The letter form's wording fields: a choice per section of the letter, and her own words."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from soroptimist_advocacy.letter_builder.sections import Section
from soroptimist_advocacy.web.printable import validate_printable

# Long enough for a paragraph of her own, short enough to stay a paragraph of the letter.
OWN_WORDS_MAX_LENGTH = 1_500
CHOOSE_ONE = _("Choose one of these paragraphs.")


def section_field_name(index: int) -> str:
    """The form field of the section at *index* (0-based): section_1, section_2..."""
    return f"section_{index + 1}"


def section_field(section: Section) -> forms.ChoiceField:
    """Radio buttons, one per alternative, each labelled with its full text; the first chosen.
    A form posted without it (a page cached before the section was added) gets the first."""
    return forms.ChoiceField(
        label=section.label,
        required=False,
        choices=[(str(position), text) for position, (_id, text) in enumerate(section.alternatives, start=1)],
        initial="1",
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": CHOOSE_ONE},
    )


def own_words_field() -> forms.CharField:
    """Her own paragraph: plain text (the letter escapes it and never reads it as a template),
    line breaks kept."""
    return forms.CharField(
        label=_("In your own words (optional)"),
        help_text=_(
            "A paragraph of your own, added after the text above: a personal word makes a letter count. "
            "At most 1,500 characters."
        ),
        required=False,
        max_length=OWN_WORDS_MAX_LENGTH,
        validators=[validate_printable],
        widget=forms.Textarea(attrs={"rows": 5}),
    )


def add_wording_fields(form: forms.Form, sections: list[Section]) -> None:
    """Add a field per section of the letter and the own-words field to *form*."""
    for index, section in enumerate(sections):
        form.fields[section_field_name(index)] = section_field(section)
    form.fields["own_words"] = own_words_field()


def chosen_alternatives(cleaned_data: dict, sections: list[Section]) -> dict[str, str]:
    """Section id -> the id of the alternative the member chose, from a valid form's *cleaned_data*."""
    choices = {}
    for index, section in enumerate(sections):
        position = int(cleaned_data.get(section_field_name(index)) or 1)
        choices[section.id] = section.alternatives[position - 1][0]
    return choices
