"""A campaign's public figures: what its summary block shows and its ``figures.json`` publishes.

``ActionKitMixin.get_public_figures()`` hands the page one of these (the campaign figures
sit above the models, so the page imports them on use). Aggregates only, from the shared
cache (``figures_cache``): neither a visitor nor a partner polling the feed makes a count.
"""

from __future__ import annotations

from functools import cached_property

from soroptimist_advocacy.campaigns.figures import CampaignFigures
from soroptimist_advocacy.campaigns.figures_cache import CachedFigures, cached_campaign_figures
from soroptimist_advocacy.campaigns.figures_json import figures_json_response
from soroptimist_advocacy.campaigns.rollup import NetworkFigures, network_figures


class PublicFigures:
    """The public figures of campaign *page*, across its translations; make one per use."""

    def __init__(self, page):
        self.page = page

    @cached_property
    def cached(self) -> CachedFigures:
        """The figures as last counted (at most every ``FIGURES_REFRESH_SECONDS``), with their counts."""
        return cached_campaign_figures(self.page.translation_key, self.page.target_country_codes())

    @property
    def figures(self) -> CampaignFigures:
        return self.cached.figures

    def with_partners(self) -> NetworkFigures:
        """The figures together with the last good snapshot of each of the campaign's partner feeds."""
        return network_figures(self.page.translation_key, self.figures.target_countries, self.figures)

    def json_response(self, request):
        """``figures.json``: the figures as JSON, for partner sites' roll-ups."""
        return figures_json_response(request, self.page)
