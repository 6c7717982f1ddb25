"""Anonymous counts of the wording members choose: which alternative of each letter section."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SectionChoiceCounter(models.Model):
    """No personal data, no country, no day: how many letters used each alternative of each
    section of a campaign (all its translations together, by ``translation_key``). Sections and
    alternatives are known by their block ids, which every translation keeps."""

    campaign_key = models.UUIDField(_("campaign"), db_index=True)
    section = models.CharField(_("section"), max_length=64)
    alternative = models.CharField(_("alternative"), max_length=64)
    letters = models.PositiveIntegerField(_("letters"), default=0)

    class Meta:
        verbose_name = _("section choice count")
        verbose_name_plural = _("section choice counts")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign_key", "section", "alternative"], name="sa_section_choice_counter_unique"
            )
        ]

    def __str__(self):
        return f"{self.campaign_key} {self.section} {self.alternative}: {self.letters}"
