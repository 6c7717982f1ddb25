"""A campaign's sources as editors define them: a slug (the same in every language) and a label."""

from __future__ import annotations

from django.core.validators import validate_slug
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

SOURCE_MAX_LENGTH = 50


class SourceSlugBlock(blocks.CharBlock):
    """The slug is the same in every translation: wagtail-localize offers no segment for it."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class CampaignSourceBlock(blocks.StructBlock):
    slug = SourceSlugBlock(
        label=_("Slug"),
        max_length=SOURCE_MAX_LENGTH,
        validators=[validate_slug],
        help_text=_("Lower-case letters, digits and hyphens, e.g. newsletter-nov. Links carry it as ?source=."),
    )
    label = blocks.CharBlock(label=_("Label"), max_length=100)

    class Meta:
        icon = "link"
        label = _("Source")
