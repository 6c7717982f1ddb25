"""The admin menu entry of action reports: the listing and the campaign figures."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup

from soroptimist_advocacy.reports.admin.impact import CampaignImpactViewSet
from soroptimist_advocacy.reports.admin.listing import ActionReportViewSet


class ActionReportsViewSetGroup(ViewSetGroup):
    menu_label = _("Action reports")
    menu_icon = "tasks"
    items = (ActionReportViewSet, CampaignImpactViewSet)
