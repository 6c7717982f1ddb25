"""The campaign's figures on its own page: aggregates only, so the page stays cacheable."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from soroptimist_advocacy.blocks.content import TEMPLATE_DIR


class CampaignSummaryBlock(blocks.StructBlock):
    """Countries reached, actions reported and responses received, across every
    translation of the campaign. It shows no name and nothing per visitor."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, default=_("What members have done so far"))
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    include_partners = blocks.BooleanBlock(
        label=_("Include partner sites"),
        required=False,
        help_text=_("Add the figures of the partner feeds of this campaign, with each partner's freshness."),
    )
    show_map = blocks.BooleanBlock(
        label=_("Show a world map"),
        required=False,
        help_text=_(
            "Countries shaded by what members did there (a response received, letters sent, letters made, "
            "a target not reached yet), with a table of the same figures and the map to download."
        ),
    )

    class Meta:
        icon = "order"
        label = _("Campaign summary")
        template = TEMPLATE_DIR + "campaign_summary.html"
        help_text = _(
            "Figures of this campaign in all its languages. A country is reached when a letter was "
            "generated for it or an action was reported there."
        )

    def get_context(self, value, parent_context: Mapping[str, Any] | None = None):
        """The figures the campaign page gives (``get_public_figures``): from the shared cache, counted
        at most every FIGURES_REFRESH_SECONDS, never a count per visitor. None on another page type."""
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        get_public_figures = getattr(page, "get_public_figures", None)
        public_figures = get_public_figures() if get_public_figures is not None else None
        context["figures"] = public_figures.figures if public_figures is not None else None
        if public_figures is not None and value.get("include_partners"):
            context["network"] = public_figures.with_partners()
        if public_figures is not None and value.get("show_map"):
            context["world_map"] = public_figures.world_map(context.get("network"))
            context["map_png"] = public_figures.png_available()
        return context
