"""A letter's reference code: what the "I sent it" page needs to count it, and nothing about who."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SendingChannel(models.TextChoices):
    POST = "post", _("By post")
    EMAIL = "email", _("By e-mail")
    HANDED_IN = "handed_in", _("Handed in")
    OTHER = "other", _("Another way")


class LetterReference(models.Model):
    """One letter's code (``campaigns.reference_codes``), with no personal data: the campaign (all
    its translations, by ``translation_key``), country, letter language and source it counts for, the
    decision maker it is addressed to,
    when it was made, and, once she says so, when and how it was sent. Deleted after the retention
    period (``purge_personal_data``); the counts it made stay in ``LetterCounter``."""

    code = models.CharField(_("code"), max_length=16, unique=True)
    campaign_key = models.UUIDField(_("campaign"), db_index=True)
    country = models.CharField(_("country"), max_length=2)
    language = models.CharField(_("language"), max_length=12)
    source = models.CharField(_("source"), max_length=50, blank=True, default="")
    # The public official the letter went to (her page's translation_key, all languages), so that
    # the report form can be offered about her; none for a country with nobody listed.
    decision_maker_key = models.UUIDField(_("decision maker"), null=True, blank=True)
    made_at = models.DateTimeField(_("made at"), default=timezone.now, db_index=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    channel = models.CharField(
        _("how it was sent"), max_length=12, choices=SendingChannel.choices, blank=True, default=""
    )

    class Meta:
        verbose_name = _("letter reference")
        verbose_name_plural = _("letter references")

    def __str__(self):
        return self.code
