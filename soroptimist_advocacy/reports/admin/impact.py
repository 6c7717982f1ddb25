"""Campaign impact: letters per country, actions and responses, reach against the target."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from soroptimist_advocacy.campaigns.breakdown import impact_breakdown
from soroptimist_advocacy.campaigns.figures_cache import cached_campaign_figures
from soroptimist_advocacy.campaigns.figures_json import country_entries
from soroptimist_advocacy.campaigns.pages import all_campaigns
from soroptimist_advocacy.campaigns.rollup import network_figures
from soroptimist_advocacy.campaigns.world_map import campaign_map, counts_by_country
from soroptimist_advocacy.letter_builder.choice_figures import section_choice_figures
from soroptimist_advocacy.maps.png import png_available
from soroptimist_advocacy.models.campaign_sources import page_sources
from soroptimist_advocacy.network.impact_export import network_download_response
from soroptimist_advocacy.reports.admin.access import (
    CampaignMixin,
    ReportFiguresPermissionMixin,
    ReportViewersMenuItem,
)
from soroptimist_advocacy.reports.admin.charts import bar_chart
from soroptimist_advocacy.reports.admin.impact_export import impact_rows
from soroptimist_advocacy.reports.admin.response_board import ResponseBoardView
from soroptimist_advocacy.web.admin import url_names
from soroptimist_advocacy.web.admin.forbidden import refusals_as_403
from soroptimist_advocacy.web.table_download import DOWNLOAD_FORMATS, table_download_response

# A chart taller than this many countries stops being readable; the table lists them all.
CHART_MAX_COUNTRIES = 30


class CampaignImpactIndexView(ReportFiguresPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every campaign with its headline figures."""

    template_name = "soroptimist_advocacy/admin/impact_index.html"
    page_title = _("Campaign impact")
    header_icon = "order"
    impact_url_name = None

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["campaigns"] = [
            {
                "campaign": campaign,
                "figures": cached_campaign_figures(campaign.key, campaign.target_codes).figures,
                "url": reverse(self.impact_url_name, args=[campaign.key]),
            }
            for campaign in all_campaigns()
        ]
        return context


class CampaignImpactView(ReportFiguresPermissionMixin, CampaignMixin, WagtailAdminTemplateMixin, TemplateView):
    """One campaign across all its translations."""

    template_name = "soroptimist_advocacy/admin/impact.html"
    page_title = _("Campaign impact")
    header_icon = "order"

    @cached_property
    def cached(self):
        """From the shared cache; ``?refresh=1`` (the "Aggregate now" button) counts now."""
        refresh = self.request.GET.get("refresh") == "1"
        return cached_campaign_figures(self.campaign.key, self.campaign.target_codes, refresh=refresh)

    @property
    def figures(self):
        return self.cached.figures

    def country_chart(self):
        busiest = sorted(self.figures.countries, key=lambda row: (-row.letters, -row.actions, row.name))
        shown = sorted(busiest[:CHART_MAX_COUNTRIES], key=lambda row: row.name.casefold())
        return bar_chart(
            [(row.name, [row.letters, row.actions]) for row in shown],
            [_("Letters generated"), _("Actions reported")],
        )

    def status_chart(self):
        return bar_chart(
            [(figure.label, [figure.count]) for figure in self.figures.responses_by_status],
            [_("Reports")],
        )

    @cached_property
    def breakdown(self):
        """Letters, reports and responses per source and per language, from the cached counts."""
        page = self.campaign.page
        return impact_breakdown(self.cached.counts, page_sources(page) if page is not None else {})

    @cached_property
    def network(self):
        """Our figures plus the partner feeds' (federation network); None without partners."""
        network = network_figures(self.campaign.key, self.campaign.target_countries, self.figures)
        return network if network.partners else None

    def world_map(self):
        """The campaign's map, with the partners' countries when partners report."""
        sites = [country_entries(self.figures)]
        if self.network is not None:
            sites += [partner.country_rows for partner in self.network.partners]
        return campaign_map(counts_by_country(*sites), self.campaign.target_codes)

    def map_file_urls(self) -> dict[str, str]:
        """The public ``map.svg`` and ``map.png`` of a live campaign page (this site's figures)."""
        page = self.campaign.page
        if page is None or not page.live:
            return {}
        url = page.get_url(self.request)
        if not url:
            return {}
        urls = {"map_svg_url": url + page.reverse_subpage("map_svg_route")}
        if png_available():
            urls["map_png_url"] = url + page.reverse_subpage("map_png_route")
        return urls

    def get(self, request, *args, **kwargs):
        export_format = request.GET.get("export")
        # ?export=network (CSV, the first link) and ?export=network-xlsx: the roll-up by site.
        network_format = {"network": "csv", "network-xlsx": "xlsx"}.get(export_format or "")
        if network_format and self.network is not None:
            filename = f"campaign-network-{self.campaign.key}"
            return network_download_response(self.network, network_format, filename)
        if export_format in DOWNLOAD_FORMATS:
            rows = impact_rows(self.figures, self.breakdown)
            return table_download_response(rows, export_format, f"campaign-impact-{self.campaign.key}")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            self.campaign_urls(),
            network=self.network,
            campaign=self.campaign,
            figures=self.figures,
            figures_as_of=self.cached.as_of,
            breakdown=self.breakdown,
            country_chart=self.country_chart(),
            status_chart=self.status_chart(),
            chart_truncated=len(self.figures.countries) > CHART_MAX_COUNTRIES,
            chart_max_countries=CHART_MAX_COUNTRIES,
            world_map=self.world_map(),
            map_png_missing=not png_available(),
            section_choices=section_choice_figures(self.campaign.page, self.campaign.key),
            **self.map_file_urls(),
        )
        return context


class CampaignImpactViewSet(ViewSet):
    name = url_names.CAMPAIGN_IMPACT
    icon = "order"
    menu_label = _("Campaign impact")
    index_view_class = CampaignImpactIndexView
    impact_view_class = CampaignImpactView
    response_board_view_class = ResponseBoardView
    reports_url_name = url_names.ACTION_REPORTS_INDEX
    menu_item_class = ReportViewersMenuItem

    def url_names(self) -> dict[str, str]:
        return {
            "index_url_name": self.get_url_name("index"),
            "impact_url_name": self.get_url_name("impact"),
            "response_board_url_name": self.get_url_name("response_board"),
            "reports_url_name": self.reports_url_name,
        }

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(view_class, **self.url_names(), **kwargs)

    def get_urlpatterns(self):
        return refusals_as_403(
            [
                path("", self.construct_view(self.index_view_class), name="index"),
                path("<uuid:campaign_key>/", self.construct_view(self.impact_view_class), name="impact"),
                path(
                    "<uuid:campaign_key>/responses/",
                    self.construct_view(self.response_board_view_class),
                    name="response_board",
                ),
            ]
        )
