"""A member's suggestion of a decision maker for a country the directory does not cover yet."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country, CountryField

from soroptimist_advocacy.compat import page_model_name
from soroptimist_advocacy.models.member_submission import OPEN, MemberSubmission
from soroptimist_advocacy.models.text_limits import SHORT_TEXT_MAX


# The suggested official's name, post and office are not personal data of the member: they are
# public facts, and a draft page may already hold them. Only what identifies the member goes.
class DecisionMakerSuggestion(MemberSubmission):
    """Who a member says holds the post in her country, for an editor to check.

    Editors turn it into an unpublished decision-maker page in one click; the
    suggestion keeps a link to that draft.
    """

    class Status(models.TextChoices):
        OPEN = OPEN, _("open")
        HANDLED = "handled", _("handled")

    HANDLED = Status.HANDLED
    MEMBER_FIELDS = ("submitter_name", "submitter_email")
    SENT_FIELDS = ("country", "name", "position_title", "office_email", "office_website", "evidence", *MEMBER_FIELDS)
    # What identifies the member, or what she wrote in her own words: blanked by retention.
    PERSONAL_FIELDS = ("evidence", *MEMBER_FIELDS)

    directory = models.ForeignKey(
        page_model_name(),
        verbose_name=_("directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="advocacy_suggestions",
    )
    country: CountryField[str, Country] = CountryField(_("country"), db_index=True)
    name = models.CharField(_("full name"), max_length=255)
    position_title = models.CharField(_("post"), max_length=255)
    office_email = models.EmailField(_("email of the office"), blank=True)
    office_website = models.URLField(_("website of the office"), blank=True)
    evidence = models.TextField(_("source or evidence"), blank=True)
    submitter_name = models.CharField(_("member's name"), max_length=SHORT_TEXT_MAX, blank=True)
    submitter_email = models.EmailField(_("member's email"), blank=True)
    draft_page = models.ForeignKey(
        page_model_name(),
        verbose_name=_("draft page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta(MemberSubmission.Meta):
        verbose_name = _("decision-maker suggestion")
        verbose_name_plural = _("decision-maker suggestions")

    def __str__(self) -> str:
        return f"{self.name} ({self.country.code}, {self.created_at:%Y-%m-%d})"
