"""The form a member fills in to suggest a decision maker for a country nobody covers yet."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from soroptimist_advocacy.models.text_limits import LONG_TEXT_MAX, SHORT_TEXT_MAX
from soroptimist_advocacy.web.country_select import CountryChoiceField
from soroptimist_advocacy.web.honeypot import HoneypotMixin
from soroptimist_advocacy.web.printable import validate_printable

# A post title or a ministry's name, as long as the directory's own fields allow.
POST_MAX = 255


class SuggestionForm(HoneypotMixin, forms.Form):
    country = CountryChoiceField(label=_("Country"), error_messages={"required": _("Please choose the country.")})
    name = forms.CharField(
        label=_("Full name of the decision maker"),
        max_length=POST_MAX,
        validators=[validate_printable],
        error_messages={"required": _("Please give the decision maker's name.")},
    )
    position_title = forms.CharField(
        label=_("Post or title"),
        help_text=_('For example "Minister for Women and Gender Equality".'),
        max_length=POST_MAX,
        validators=[validate_printable],
        error_messages={"required": _("Please give the decision maker's post.")},
    )
    office_email = forms.EmailField(label=_("Email of the office (optional)"), required=False)
    office_website = forms.URLField(label=_("Website of the office (optional)"), required=False, assume_scheme="https")
    evidence = forms.CharField(
        label=_("Where did you find this? (optional)"),
        help_text=_("A link to the government's website or an announcement helps our editors check it."),
        required=False,
        max_length=LONG_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[validate_printable],
    )
    submitter_name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=SHORT_TEXT_MAX,
        validators=[validate_printable],
    )
    submitter_email = forms.EmailField(
        label=_("Your email (optional)"),
        required=False,
        help_text=_("Only if an editor may ask you about this. Your name and email are deleted after a while."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submitter_name"].widget.attrs["autocomplete"] = "name"
        self.fields["submitter_email"].widget.attrs["autocomplete"] = "email"
