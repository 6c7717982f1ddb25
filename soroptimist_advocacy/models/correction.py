"""A member's report that a decision maker's details are out of date."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country, CountryField

from soroptimist_advocacy.compat import page_model_name
from soroptimist_advocacy.models.member_submission import OPEN, MemberSubmission
from soroptimist_advocacy.models.text_limits import SHORT_TEXT_MAX


class DecisionMakerCorrection(MemberSubmission):
    """What a member knows about a decision maker that the directory does not.

    The page may be deleted later (a minister leaves office); the correction
    keeps a copy of her name, post and country so the history still reads.
    """

    class Status(models.TextChoices):
        OPEN = OPEN, _("open")
        RESOLVED = "resolved", _("resolved")

    HANDLED = Status.RESOLVED
    MEMBER_FIELDS = ("reporter_name", "reporter_email")
    SENT_FIELDS = ("details", *MEMBER_FIELDS)
    # What a member typed: blanked by retention (reports/retention.py). The decision maker's
    # copied name and country stay, so the history of which records were reported remains.
    PERSONAL_FIELDS = ("details", *MEMBER_FIELDS)

    decision_maker = models.ForeignKey(
        page_model_name(),
        verbose_name=_("decision maker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="advocacy_corrections",
    )
    decision_maker_name = models.CharField(_("decision maker's name"), max_length=255)
    position_title = models.CharField(_("post"), max_length=255, blank=True)
    country: CountryField[str, Country] = CountryField(_("country"), blank=True)
    details = models.TextField(_("what the member knows"))
    reporter_name = models.CharField(_("member's name"), max_length=SHORT_TEXT_MAX, blank=True)
    reporter_email = models.EmailField(_("member's email"), blank=True)

    class Meta(MemberSubmission.Meta):
        verbose_name = _("decision-maker correction")
        verbose_name_plural = _("decision-maker corrections")

    def __str__(self) -> str:
        return f"{self.decision_maker_name} ({self.created_at:%Y-%m-%d})"

    @classmethod
    def for_page(cls, page, **fields) -> DecisionMakerCorrection:
        """An unsaved correction of *page* with a copy of the details that identify her."""
        return cls(
            decision_maker=page,
            decision_maker_name=page.title,
            position_title=page.position_title,
            country=page.country,
            **fields,
        )
