"""A member's suggestion of a decision maker for a country the directory does not cover yet."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from soroptimist_advocacy.compat import page_model_name
from soroptimist_advocacy.models.personal_data import PersonalDataMixin, PersonalDataQuerySet
from soroptimist_advocacy.models.text_limits import SHORT_TEXT_MAX


class DecisionMakerSuggestionQuerySet(PersonalDataQuerySet):
    def open(self):
        return self.filter(status=DecisionMakerSuggestion.Status.OPEN)


# The suggested official's name, post and office are not personal data of the member: they are
# public facts, and a draft page may already hold them. Only what identifies the member goes.
class DecisionMakerSuggestion(PersonalDataMixin, models.Model):
    """Who a member says holds the post in her country, for an editor to check.

    Editors turn it into an unpublished decision-maker page in one click; the
    suggestion keeps a link to that draft.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        HANDLED = "handled", _("handled")

    # What identifies the member, or what she wrote in her own words: blanked by retention.
    PERSONAL_FIELDS = ("evidence", "submitter_name", "submitter_email")

    directory = models.ForeignKey(
        page_model_name(),
        verbose_name=_("directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="advocacy_suggestions",
    )
    country = CountryField(_("country"), db_index=True)
    name = models.CharField(_("full name"), max_length=255)
    position_title = models.CharField(_("post"), max_length=255)
    office_email = models.EmailField(_("email of the office"), blank=True)
    office_website = models.URLField(_("website of the office"), blank=True)
    evidence = models.TextField(_("source or evidence"), blank=True)
    submitter_name = models.CharField(_("member's name"), max_length=SHORT_TEXT_MAX, blank=True)
    submitter_email = models.EmailField(_("member's email"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True)
    created_at = models.DateTimeField(_("suggested at"), default=timezone.now, db_index=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    draft_page = models.ForeignKey(
        page_model_name(),
        verbose_name=_("draft page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    personal_data_purged_at = models.DateTimeField(_("personal data removed at"), null=True, blank=True, editable=False)

    objects = DecisionMakerSuggestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision-maker suggestion")
        verbose_name_plural = _("decision-maker suggestions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.country.code}, {self.created_at:%Y-%m-%d})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def mark_handled(self, user, draft_page=None) -> None:
        self.status = self.Status.HANDLED
        self.handled_at = timezone.now()
        self.handled_by = user
        self.draft_page = draft_page
        self.save(update_fields=["status", "handled_at", "handled_by", "draft_page"])
