"""The form a member fills in to say a decision maker's details are out of date."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from soroptimist_advocacy.models.text_limits import LONG_TEXT_MAX, SHORT_TEXT_MAX
from soroptimist_advocacy.web.honeypot import HoneypotMixin
from soroptimist_advocacy.web.printable import validate_printable


class CorrectionForm(HoneypotMixin, forms.Form):
    details = forms.CharField(
        label=_("What has changed?"),
        help_text=_("For example the new minister's name, a new address, or a link to the government's announcement."),
        max_length=LONG_TEXT_MAX,  # a new name, post, address and a source link; not an essay
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[validate_printable],
        error_messages={"required": _("Please tell us what is out of date.")},
    )
    reporter_name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=SHORT_TEXT_MAX,
        validators=[validate_printable],
    )
    reporter_email = forms.EmailField(
        label=_("Your email (optional)"),
        required=False,
        help_text=_("Only if an editor may ask you about this. Your name and email are deleted after a while."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reporter_name"].widget.attrs["autocomplete"] = "name"
        self.fields["reporter_email"].widget.attrs["autocomplete"] = "email"
