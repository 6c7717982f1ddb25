"""What a member reports: the action she took and any response she received."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country, CountryField

from soroptimist_advocacy.compat import page_model_name
from soroptimist_advocacy.models.personal_data import PersonalDataMixin, PersonalDataQuerySet
from soroptimist_advocacy.models.text_limits import LONG_TEXT_MAX, SHORT_TEXT_MAX


class ActionType(models.TextChoices):
    LETTER_POSTED = "letter_posted", _("Letter posted")
    LETTER_EMAILED = "letter_emailed", _("Letter emailed")
    DELIVERED_BY_HAND = "delivered_by_hand", _("Letter delivered by hand")
    MEETING = "meeting", _("Meeting")
    PHONE_CALL = "phone_call", _("Phone call")
    SOCIAL_MEDIA = "social_media", _("Social media")
    OTHER = "other", _("Other")


class ResponseStatus(models.TextChoices):
    NO_REPLY = "no_reply", _("No reply yet")
    ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement only")
    POSITIVE = "positive", _("Positive")
    PROMISE = "promise", _("A promise to act")
    NEGATIVE = "negative", _("Negative")
    OTHER = "other", _("Other")


# The one rule for "a response was received": any status but "no reply yet". The campaign
# figures, the response board and the reminders (ActionReportQuerySet.awaiting_response) use it.
RESPONSE_RECEIVED = ~Q(response_status=ResponseStatus.NO_REPLY)
RECEIVED_STATUSES = [(value, label) for value, label in ResponseStatus.choices if value != ResponseStatus.NO_REPLY]

# Everything a member types about herself in the report forms stays out of Django's error reports.
PERSONAL_POST_FIELDS = ("name", "email", "club", "notes", "response_summary")


class ActionReportQuerySet(PersonalDataQuerySet):
    def for_campaign(self, campaign_key):
        """Reports of a campaign in every language (its pages share one translation key)."""
        return self.filter(campaign_key=campaign_key)

    def awaiting_response(self):
        return self.exclude(RESPONSE_RECEIVED)


class ActionReport(PersonalDataMixin, models.Model):
    """One member's action for a campaign. Not a page and not a snippet: members
    create reports, staff read, export and erase them."""

    # What a member typed about herself or in her own words. Retention and "delete my
    # report" blank exactly these; everything else is an aggregate fact
    # (campaign, country, club, action, dates, response status).
    PERSONAL_FIELDS = ("name", "email", "notes", "response_summary")
    # The private link is revoked too (its hash is removed), and no email can go out
    # any more: the address is gone and so is the consent to use it.
    # The consent to publish her summary goes with the summary.
    ERASED_VALUES = {"email_consent": False, "token_hash": None, "may_publish": False}

    # The campaign is kept three ways so that deleting or translating the page
    # never loses a report: its translation key groups every language, the page
    # link is a convenience that may become empty, the title is what she saw.
    campaign_key = models.UUIDField(
        _("campaign key"),
        db_index=True,
        editable=False,
        help_text=_("Shared by every translation of the campaign page."),
    )
    campaign = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("campaign page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    campaign_title = models.CharField(_("campaign"), max_length=255)
    language = models.CharField(_("language"), max_length=12, help_text=_("The language of the page she reported on."))
    source = models.CharField(
        _("source"),
        max_length=50,
        blank=True,
        default="",
        help_text=_("The campaign source (?source=) the report form was opened from."),
    )

    country: CountryField[str, Country] = CountryField(_("country"), db_index=True)
    club = models.CharField(_("club"), max_length=SHORT_TEXT_MAX)
    name = models.CharField(_("name"), max_length=SHORT_TEXT_MAX, blank=True)
    email = models.EmailField(_("email"), blank=True)

    action_type = models.CharField(_("action"), max_length=32, choices=ActionType.choices, db_index=True)
    action_date = models.DateField(_("date of the action"), db_index=True)
    # Any page type: a site's own decision-maker type (its directory's get_decision_maker_model()) too.
    decision_maker = models.ForeignKey(
        page_model_name(),
        verbose_name=_("decision maker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Like the campaign: the translation key counts her across languages and the
    # name survives the page being deleted.
    decision_maker_key = models.UUIDField(_("decision maker key"), null=True, blank=True, db_index=True, editable=False)
    decision_maker_name = models.CharField(_("decision maker's name"), max_length=255, blank=True)
    notes = models.TextField(_("notes"), max_length=LONG_TEXT_MAX, blank=True)

    response_status = models.CharField(
        _("response"), max_length=32, choices=ResponseStatus.choices, default=ResponseStatus.NO_REPLY, db_index=True
    )
    response_date = models.DateField(_("date of the response"), null=True, blank=True)
    response_summary = models.TextField(_("summary of the response"), max_length=LONG_TEXT_MAX, blank=True)
    may_publish = models.BooleanField(
        _("the summary may be published"),
        default=False,
        help_text=_(
            "She agreed that the summary of the response may appear on the campaign's public responses "
            "page, without her name or email."
        ),
    )

    consent = models.BooleanField(_("agreed to the privacy text"), default=False)
    privacy_text_version = models.CharField(
        _("privacy text version"),
        max_length=80,
        help_text=_("SHA-256 of the privacy text she agreed to, as it was shown to her."),
    )
    email_consent = models.BooleanField(_("agreed to receive the link and one reminder by email"), default=False)

    # The private link is derived from this seed and the site's SECRET_KEY, so the
    # reminder can repeat it; only its SHA-256 is stored, to find the report.
    token_seed = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    token_hash = models.CharField(
        _("private link hash"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Empty once the private link is revoked."),
    )
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True, editable=False)
    personal_data_purged_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ActionReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("action report")
        verbose_name_plural = _("action reports")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["campaign_key", "country"], name="sa_report_campaign_country"),
            # The staff listing's country and action filters: counted from the index, so a filtered
            # page costs the same at 100,000 reports as at 1,000 (benchmarks/scale.py).
            models.Index(fields=["country", "action_type"], name="sa_report_country_action"),
        ]
        permissions = [
            (
                "view_personal_data_actionreport",
                _("Can see members' names, emails and notes (action reports, corrections and suggestions)"),
            )
        ]

    def __str__(self) -> str:
        # Shown in admin breadcrumbs and the audit log: never personal data.
        return gettext("%(action)s, %(country)s, %(date)s") % {
            "action": self.get_action_type_display(),
            "country": self.country.name,
            "date": self.action_date.isoformat() if self.action_date else "",
        }
