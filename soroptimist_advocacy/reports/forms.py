"""Forms of the report pages: the report itself, the response added later, "delete my report"."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.formats import get_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from soroptimist_advocacy.models.privacy_text import privacy_text_version
from soroptimist_advocacy.models.report import ActionReport, ResponseStatus
from soroptimist_advocacy.models.text_limits import LONG_TEXT_MAX
from soroptimist_advocacy.web.countries import sorted_countries
from soroptimist_advocacy.web.country_select import CountryChoiceField
from soroptimist_advocacy.web.honeypot import HoneypotMixin
from soroptimist_advocacy.web.printable import validate_printable


class DateInput(forms.DateInput):
    """A native date picker: phones show their own calendar, and the value is always ISO."""

    input_type = "date"

    def __init__(self, attrs=None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def today() -> datetime.date:
    return timezone.localdate()


def display_date(day: datetime.date) -> str:
    return format_date(day, get_format("DATE_FORMAT"))


def without_blank(choices) -> list:
    """Radio buttons need no "---------" choice: the field is required anyway."""
    return [choice for choice in choices if choice[0] != ""]


# The mixin goes before a form class in a form's bases; the type checker is told so.
if TYPE_CHECKING:
    _FormBase = forms.BaseForm
else:
    _FormBase = object


class ResponseFieldsMixin(_FormBase):
    """The response checks shared by the report form and the later response form."""

    def action_date_for_response_check(self) -> datetime.date | None:
        return self.cleaned_data.get("action_date")

    def clean_response_date(self):
        response_date = self.cleaned_data.get("response_date")
        if response_date and response_date > today():
            raise forms.ValidationError(_("The date of the response cannot be in the future."), code="future")
        return response_date

    def check_response(self, cleaned: dict[str, Any]) -> None:
        status = cleaned.get("response_status")
        response_date = cleaned.get("response_date")
        action_date = self.action_date_for_response_check()
        if response_date and action_date and response_date < action_date:
            self.add_error(
                "response_date",
                forms.ValidationError(
                    _("The response cannot come before your action (%(date)s)."),
                    code="before_action",
                    params={"date": display_date(action_date)},
                ),
            )
        if status == ResponseStatus.NO_REPLY and (response_date or cleaned.get("response_summary")):
            self.add_error(
                "response_status",
                forms.ValidationError(
                    _(
                        "You said there is no reply yet: choose what the reply was, "
                        "or leave its date and summary empty."
                    ),
                    code="no_reply_with_details",
                ),
            )


class ActionReportForm(HoneypotMixin, ResponseFieldsMixin, forms.ModelForm):
    """What a member did, for whom, and any response she already has."""

    country = CountryChoiceField(label=_("Your country"))
    decision_maker = forms.TypedChoiceField(
        label=_("Decision maker you contacted (optional)"),
        coerce=int,
        required=False,
        error_messages={"invalid_choice": _("Choose a decision maker from the list.")},
    )
    consent = forms.BooleanField(
        label=_("I agree that this report is kept as the privacy text above says."),
        error_messages={"required": _("Please agree to the privacy text, or your report cannot be kept.")},
    )
    email_consent = forms.BooleanField(
        label=_("Email me my private link now, and once to ask whether I got a response."),
        required=False,
    )
    # The version of the privacy text on the page she read; the template writes the
    # current version, so a text changed since she opened the page is shown again.
    privacy_version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ActionReport
        fields = [
            "country",
            "club",
            "name",
            "email",
            "action_type",
            "action_date",
            "decision_maker",
            "notes",
            "response_status",
            "response_date",
            "response_summary",
            "may_publish",
            "consent",
            "email_consent",
        ]
        labels = {
            "club": _("Your club"),
            "name": _("Your name (optional)"),
            "email": _("Your email (optional)"),
            "action_type": _("What did you do?"),
            "action_date": _("When?"),
            "notes": _("Notes (optional)"),
            "response_status": _("Response received so far"),
            "response_date": _("Date of the response"),
            "response_summary": _("What did the response say? (optional)"),
            "may_publish": _("The campaign may publish this summary on its responses page, without my name or email."),
        }
        widgets = {
            "action_date": DateInput(),
            "response_date": DateInput(),
            "action_type": forms.RadioSelect,
            "response_status": forms.RadioSelect,
            "notes": forms.Textarea(attrs={"rows": 4}),
            "response_summary": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, decision_makers=(), privacy_version: str = "", **kwargs) -> None:
        """*decision_makers* are those of the campaign's directory, in directory order;
        *privacy_version* names the privacy text the page shows now."""
        super().__init__(*args, **kwargs)
        self.current_privacy_version = privacy_version
        self.decision_makers = {decision_maker.pk: decision_maker for decision_maker in decision_makers}
        groups = self.decision_maker_groups()
        chosen = (self.initial.get("country") or "").upper() if not self.is_bound else ""
        if chosen:
            # After the country step she sees only her country's decision makers. A posted form
            # keeps every country's, so that picking another country's is explained, not refused blankly.
            groups = [(name, choices) for code, name, choices in self.decision_maker_groups_by_code() if code == chosen]
        cast(forms.ChoiceField, self.fields["decision_maker"]).choices = [("", _("None, or not listed"))] + groups
        for name in ("club", "name", "notes", "response_summary"):
            self.fields[name].validators.append(validate_printable)
        action_type = cast(forms.ChoiceField, self.fields["action_type"])
        action_type.choices = without_blank(action_type.choices)
        self.fields["notes"].help_text = gettext(
            "Anything the campaign team should know, in up to %(max)s characters."
        ) % {"max": LONG_TEXT_MAX}
        self.fields["response_summary"].help_text = gettext("In your own words, in up to %(max)s characters.") % {
            "max": LONG_TEXT_MAX
        }
        self.fields["action_date"].widget.attrs["max"] = today().isoformat()
        self.fields["response_date"].widget.attrs["max"] = today().isoformat()
        for name, autocomplete in {"club": "organization", "name": "name", "email": "email"}.items():
            self.fields[name].widget.attrs["autocomplete"] = autocomplete

    def decision_maker_groups(self) -> list:
        """Decision makers grouped by country, so one list works without JavaScript."""
        return [(name, choices) for _code, name, choices in self.decision_maker_groups_by_code()]

    def decision_maker_groups_by_code(self) -> list:
        """(country code, country name, choices) for each country that has decision makers."""
        groups: dict[str, list] = {}
        for decision_maker in self.decision_makers.values():
            groups.setdefault(decision_maker.country.code, []).append(
                (
                    decision_maker.pk,
                    gettext("%(name)s, %(post)s")
                    % {
                        "name": decision_maker.title,
                        "post": decision_maker.position_title,
                    },
                )
            )
        return [(code, name, groups[code]) for code, name in sorted_countries() if code in groups]

    def clean_action_date(self):
        action_date = self.cleaned_data["action_date"]
        if action_date > today():
            raise forms.ValidationError(_("The date of your action cannot be in the future."), code="future")
        return action_date

    def clean_privacy_version(self):
        version = self.cleaned_data.get("privacy_version")
        if self.current_privacy_version and version != self.current_privacy_version:
            raise forms.ValidationError(
                _("The privacy text changed while you were filling in the form. Please read it again."),
                code="privacy_text_changed",
            )
        return version

    def clean_decision_maker(self):
        """The chosen decision maker as a page, or None."""
        pk = self.cleaned_data.get("decision_maker")
        if pk in (None, ""):
            return None
        return self.decision_makers[pk]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data  # what Form.clean() returns, typed as possibly None
        decision_maker = cleaned.get("decision_maker")
        country = cleaned.get("country")
        if decision_maker is not None and country and decision_maker.country.code != country:
            self.add_error(
                "decision_maker",
                forms.ValidationError(
                    _("%(name)s is a decision maker of %(their_country)s, not of %(country)s."),
                    code="other_country",
                    params={
                        "name": decision_maker.title,
                        "their_country": decision_maker.country.name,
                        "country": countries.name(country),
                    },
                ),
            )
        if cleaned.get("email_consent") and not cleaned.get("email") and "email" not in self.errors:
            self.add_error(
                "email",
                forms.ValidationError(
                    _("Give your email to receive the link, or untick the box about emails."), code="email_needed"
                ),
            )
        self.check_response(cleaned)
        return cleaned


class ResponseForm(ResponseFieldsMixin, forms.ModelForm):
    """The response, added later through the private link. It never shows what she wrote
    before: the page may be open on a shared screen."""

    class Meta:
        model = ActionReport
        fields = ["response_status", "response_date", "response_summary", "may_publish"]
        labels = ActionReportForm.Meta.labels
        widgets = {
            "response_date": DateInput(),
            "response_status": forms.RadioSelect,
            "response_summary": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, data=None, files=None, *, instance: ActionReport, **kwargs) -> None:
        # Start from the saved status and date, never from the saved summary; the consent to publish
        # starts unticked too: she gives it again for what she saves now (default off, as on the report).
        super().__init__(
            data, files, instance=instance, initial={"response_summary": "", "may_publish": False}, **kwargs
        )
        self.saved_summary = instance.response_summary
        self.fields["response_summary"].validators.append(validate_printable)
        self.fields["response_date"].widget.attrs["max"] = today().isoformat()
        if self.saved_summary:
            self.fields["response_summary"].help_text = _(
                "A summary is already saved. Write a new one to replace it, or leave this empty to keep it."
            )

    def action_date_for_response_check(self):
        return self.instance.action_date

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data  # what ModelForm.clean() returns, typed as possibly None
        self.check_response(cleaned)
        if cleaned.get("response_status") == ResponseStatus.NO_REPLY:
            cleaned["response_summary"] = ""
            cleaned["may_publish"] = False
        elif not cleaned.get("response_summary"):
            # An empty box keeps the saved summary, which the page never shows.
            cleaned["response_summary"] = self.saved_summary
        return cleaned


class DeleteReportForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, delete my name, email, notes and the summary of the response."),
        error_messages={"required": _("Tick the box to confirm, then press the button again.")},
    )


def build_report_form(page, data=None, initial=None) -> ActionReportForm:
    """The report form of campaign *page*, offering the decision makers of its directory."""
    directory = page.get_directory()
    decision_makers = list(directory.get_decision_makers()) if directory is not None else []
    return ActionReportForm(
        data=data,
        initial=initial or {},
        decision_makers=decision_makers,
        privacy_version=privacy_text_version(page.get_privacy_text()),
    )
