"""Federation network: partner sites whose campaign figures roll up into ours."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel

from soroptimist_advocacy.conf import settings


class PartnerFeed(models.Model):
    """One partner's ``figures.json`` for one of our campaigns, and the last good copy of it.

    A failed fetch only records the error: the last good snapshot stays, shown as stale.
    """

    name = models.CharField(_("partner name"), max_length=255)
    feed_url = models.URLField(
        _("figures feed URL"),
        max_length=500,
        help_text=_(
            "The partner campaign's figures.json, e.g. https://example.org/campaign/figures.json. "
            "Its host must be listed in the NETWORK_ALLOWED_HOSTS setting."
        ),
    )
    campaign = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("our campaign"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The campaign whose totals include this partner's figures."),
    )
    active = models.BooleanField(_("active"), default=True)
    snapshot = models.JSONField(_("last good figures"), null=True, blank=True, editable=False)
    fetched_at = models.DateTimeField(_("last good fetch"), null=True, blank=True, editable=False)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    etag = models.CharField(max_length=255, blank=True, editable=False)
    last_modified = models.CharField(max_length=64, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("feed_url"),
        PageChooserPanel("campaign", ["soroptimist_advocacy.ActionKitPage"]),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("partner feed")
        verbose_name_plural = _("partner feeds")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def is_stale(self, now: datetime.datetime | None = None) -> bool:
        """True when the last fetch failed or the last good figures are too old."""
        if self.snapshot is None or self.last_error or self.fetched_at is None:
            return True
        now = now or timezone.now()
        return now - self.fetched_at > datetime.timedelta(hours=settings.FIGURES_STALE_AFTER_HOURS)

    @property
    def stale(self) -> bool:
        return self.is_stale()
