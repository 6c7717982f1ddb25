"""A campaign's public figures: what its summary block shows and its ``figures.json`` publishes.

``ActionKitMixin.get_public_figures()`` hands the page one of these (the campaign figures
sit above the models, so the page imports them on use). Aggregates only, from the shared
cache (``figures_cache``): neither a visitor nor a partner polling the feed makes a count.
"""

from __future__ import annotations

from functools import cached_property

from django.utils import translation
from django.utils.text import slugify

from soroptimist_advocacy.campaigns.figures import CampaignFigures
from soroptimist_advocacy.campaigns.figures_cache import CachedFigures, cached_campaign_figures
from soroptimist_advocacy.campaigns.figures_json import country_entries, figures_json_response
from soroptimist_advocacy.campaigns.map_files import map_png_response, map_svg_response
from soroptimist_advocacy.campaigns.public_responses import serve_responses
from soroptimist_advocacy.campaigns.rollup import NetworkFigures, network_figures
from soroptimist_advocacy.campaigns.world_map import campaign_map, counts_by_country
from soroptimist_advocacy.maps.figure import WorldMap
from soroptimist_advocacy.maps.png import png_available


class PublicFigures:
    """The public figures of campaign *page*, across its translations; make one per use."""

    def __init__(self, page) -> None:
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

    # -- the world map ------------------------------------------------------------

    def world_map(self, network: NetworkFigures | None = None) -> WorldMap:
        """The campaign's world map in the active language: this site's figures, with the partners'
        country entries when *network* (``with_partners()``) is given; drawn once per figures."""
        sites = [country_entries(self.figures)]
        if network is not None:
            sites += [partner.country_rows for partner in network.partners]
        return campaign_map(counts_by_country(*sites), self.figures.target_codes)

    def png_available(self) -> bool:
        return png_available()

    def map_filename(self, extension: str) -> str:
        return f"{slugify(self.page.slug) or 'campaign'}-map-{translation.get_language()}.{extension}"

    def map_svg_response(self, request):
        """``map.svg``: this site's map as a standalone SVG file."""
        return map_svg_response(request, self.world_map(), self.map_filename("svg"))

    def map_png_response(self, request):
        """``map.png``: the same map as a PNG (a 404 saying so where CairoSVG is not installed)."""
        return map_png_response(request, self.world_map(), self.map_filename("png"))

    # -- the responses page ---------------------------------------------------------

    def responses_response(self, request):
        """``responses/``: per country, whether a response came and its kind (``public_responses``)."""
        return serve_responses(request, self.page, self.cached.counts)
