"""The response board of a campaign: each decision maker, and what members heard back."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_countries import countries
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from soroptimist_advocacy.models.report import RECEIVED_STATUSES, RESPONSE_RECEIVED, ActionReport
from soroptimist_advocacy.reports.admin.access import CampaignMixin, ReportFiguresPermissionMixin


@dataclass(frozen=True)
class BoardRow:
    name: str
    country: str
    actions: int
    responses: int
    by_status: dict[str, int]


def response_board(campaign_key) -> list[BoardRow]:
    """Decision makers reported on in the campaign, most responses first.

    A decision maker counts once across languages (by her page's translation
    key) and stays on the board after her page is deleted.
    """
    statuses = [value for value, _label in RECEIVED_STATUSES]
    rows = (
        ActionReport.objects.for_campaign(campaign_key)
        .exclude(decision_maker_key__isnull=True)
        .values("decision_maker_key")
        .annotate(
            name=Max("decision_maker_name"),
            country=Max("country"),
            actions=Count("pk"),
            responses=Count("pk", filter=RESPONSE_RECEIVED),
            **{status: Count("pk", filter=Q(response_status=status)) for status in statuses},
        )
        .order_by("-responses", "-actions", "name")
    )
    return [
        BoardRow(
            name=row["name"],
            country=str(countries.name(row["country"])) or row["country"],
            actions=row["actions"],
            responses=row["responses"],
            by_status={status: row[status] for status in statuses},
        )
        for row in rows
    ]


class ResponseBoardView(ReportFiguresPermissionMixin, CampaignMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "soroptimist_advocacy/admin/response_board.html"
    page_title = _("Response board")
    header_icon = "user"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statuses = RECEIVED_STATUSES
        board = response_board(self.campaign.key)
        reports = ActionReport.objects.for_campaign(self.campaign.key)
        context.update(
            self.campaign_urls(),
            campaign=self.campaign,
            statuses=statuses,
            rows=[{"row": row, "counts": [row.by_status[value] for value, _label in statuses]} for row in board],
            unnamed_actions=reports.filter(decision_maker_key__isnull=True).count(),
        )
        return context
