"""Where a synced decision maker came from, kept beside the page rather than on it:
sync bookkeeping is not content, so translations and revisions never carry it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class DecisionMakerSyncState(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="sa_sync_state", primary_key=True
    )
    source = models.URLField(_("synced from"), max_length=500, blank=True)
    last_synced_at = models.DateTimeField(_("last synced"), null=True, blank=True)
    managed_locally = models.BooleanField(
        _("managed locally"),
        default=False,
        help_text=_("A sync never changes a decision maker managed locally."),
    )
    missing_upstream = models.BooleanField(_("missing upstream"), default=False)

    class Meta:
        verbose_name = _("decision-maker sync state")
        verbose_name_plural = _("decision-maker sync states")

    def __str__(self) -> str:
        # The page's id rather than its title, so that naming a state costs no query.
        return gettext("Sync state of page %(page_id)s") % {"page_id": self.page_id}


class DirectorySyncSource(models.Model):
    """Validators of the last fetch of one URL into one directory, for conditional requests."""

    directory = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    url = models.URLField(max_length=500)
    etag = models.CharField(max_length=255, blank=True)
    last_modified = models.CharField(max_length=64, blank=True)
    last_synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["directory", "url"], name="sa_unique_sync_source")]

    def __str__(self) -> str:
        return self.url
