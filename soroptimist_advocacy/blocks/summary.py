"""The campaign's figures on its own page: aggregates only, so the page stays cacheable."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from soroptimist_advocacy.blocks.content import TEMPLATE_DIR
from soroptimist_advocacy.campaigns.figures_cache import cached_campaign_figures, campaign_target
from soroptimist_advocacy.network.rollup import network_figures


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

    class Meta:
        icon = "order"
        label = _("Campaign summary")
        template = TEMPLATE_DIR + "campaign_summary.html"
        help_text = _(
            "Figures of this campaign in all its languages. A country is reached when a letter was "
            "generated for it or an action was reported there."
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        key = getattr(page, "translation_key", None)
        # From the shared cache, counted at most every FIGURES_REFRESH_SECONDS: never a count per visitor.
        context["figures"] = cached_campaign_figures(key, campaign_target(page)).figures if key else None
        if key and value.get("include_partners"):
            context["network"] = network_figures(key, context["figures"].target_countries, context["figures"])
        return context
