"""Anonymous letter counts: how many letters made and sent, per campaign, country, language, day and source."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterCounter(models.Model):
    """No personal data: a count per campaign (all its translations together, by
    ``translation_key``), country, letter language, day and campaign source (a slug)."""

    campaign_key = models.UUIDField(_("campaign"), db_index=True)
    country = models.CharField(_("country"), max_length=2)
    language = models.CharField(_("language"), max_length=12)
    day = models.DateField(_("day"))
    source = models.CharField(_("source"), max_length=50, blank=True, default="")
    letters = models.PositiveIntegerField(_("letters"), default=0)
    # Letters she said she sent (sent/<code>/), on the day she sent them.
    letters_sent = models.PositiveIntegerField(_("letters sent"), default=0)

    class Meta:
        verbose_name = _("letter count")
        verbose_name_plural = _("letter counts")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign_key", "country", "language", "day", "source"], name="sa_letter_counter_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.campaign_key} {self.country} {self.language} {self.day}: {self.letters}"
