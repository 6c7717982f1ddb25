"""The forms members fill in about the directory: a correction of a decision maker's details and a
suggestion of one for a country nobody covers yet."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from soroptimist_advocacy.models.correction import DecisionMakerCorrection
from soroptimist_advocacy.models.member_submission import MemberSubmission
from soroptimist_advocacy.models.suggestion import DecisionMakerSuggestion
from soroptimist_advocacy.models.text_limits import LONG_TEXT_MAX
from soroptimist_advocacy.web.country_select import CountryChoiceField
from soroptimist_advocacy.web.honeypot import HoneypotMixin
from soroptimist_advocacy.web.printable import validate_printable

# A post title or a ministry's name, as long as the directory's own fields allow.
POST_MAX = 255


def is_typed_text(field: forms.Field) -> bool:
    """A field of free text (not an address, whose own validation is stricter)."""
    return isinstance(field, forms.CharField) and not isinstance(field, forms.EmailField | forms.URLField)


class MemberSubmissionForm(HoneypotMixin, forms.ModelForm):
    """What a member sends about the directory (a ``MemberSubmission``): the model's ``SENT_FIELDS``,
    a honeypot, printable text only, and her own name and email, optional and capped as the model
    keeps them. Give it an unsaved instance saying what it is about; ``save()`` stores it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        model: type[MemberSubmission] = self._meta.model
        for name in model.SENT_FIELDS:
            if is_typed_text(self.fields[name]):
                self.fields[name].validators.append(validate_printable)
        member_name, email = (self.fields[field] for field in model.MEMBER_FIELDS)
        member_name.label = _("Your name (optional)")
        member_name.widget.attrs["autocomplete"] = "name"
        email.label = _("Your email (optional)")
        email.help_text = _("Only if an editor may ask you about this. Your name and email are deleted after a while.")
        email.widget.attrs["autocomplete"] = "email"


class CorrectionForm(MemberSubmissionForm):
    details = forms.CharField(
        label=_("What has changed?"),
        help_text=_("For example the new minister's name, a new address, or a link to the government's announcement."),
        max_length=LONG_TEXT_MAX,  # a new name, post, address and a source link; not an essay
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Please tell us what is out of date.")},
    )

    class Meta:
        model = DecisionMakerCorrection
        fields = DecisionMakerCorrection.SENT_FIELDS


class SuggestionForm(MemberSubmissionForm):
    country = CountryChoiceField(label=_("Country"), error_messages={"required": _("Please choose the country.")})
    name = forms.CharField(
        label=_("Full name of the decision maker"),
        max_length=POST_MAX,
        error_messages={"required": _("Please give the decision maker's name.")},
    )
    position_title = forms.CharField(
        label=_("Post or title"),
        help_text=_('For example "Minister for Women and Gender Equality".'),
        max_length=POST_MAX,
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
    )

    class Meta:
        model = DecisionMakerSuggestion
        fields = DecisionMakerSuggestion.SENT_FIELDS
