"""What the campaign views share: the reports' view permission, and the campaign in the URL."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from soroptimist_advocacy.campaigns.pages import get_campaign
from soroptimist_advocacy.compat import RegisteredPolicyMixin, get_permission_policy
from soroptimist_advocacy.models.report import ActionReport


class ReportFiguresPermissionMixin(RegisteredPolicyMixin, PermissionCheckedMixin):
    """Campaign figures come from reports: who may view reports may view them."""

    model = ActionReport
    permission_required = "view"


class ReportViewersMenuItem(MenuItem):
    """Shown only to those who may view reports, the same test as the views' (ReportFiguresPermissionMixin)."""

    def is_shown(self, request):
        return get_permission_policy(ActionReport).user_has_permission(request.user, "view")


# The mixin goes before Wagtail's admin template mixin in a view's bases; the type checker is told so.
if TYPE_CHECKING:
    from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin as _ViewBase
else:
    _ViewBase = object


class CampaignMixin(_ViewBase):
    """Views of one campaign, named in the URL by its translation key."""

    # Given by the viewset (as_view() accepts only names the class has).
    index_url_name = ""
    impact_url_name = ""
    response_board_url_name = ""
    reports_url_name = ""

    @cached_property
    def campaign(self):
        campaign = get_campaign(self.kwargs["campaign_key"])
        if campaign is None:
            raise Http404
        return campaign

    def get_page_subtitle(self):
        return self.campaign.title

    def campaign_urls(self) -> dict[str, str]:
        key = self.campaign.key
        return {
            "impact_url": reverse(self.impact_url_name, args=[key]),
            "response_board_url": reverse(self.response_board_url_name, args=[key]),
            "reports_url": reverse(self.reports_url_name) + f"?campaign_key={key}",
        }

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Campaign impact")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.campaign.title},
        ]
