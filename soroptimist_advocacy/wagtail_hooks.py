"""Admin registrations: snippets and viewsets."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import ActionReport
from .report_permissions import ActionReportPermissionPolicy
from .network.admin import PartnerFeedViewSet
from .viewsets import LetterTemplateViewSet

register_snippet(LetterTemplateViewSet)
register_snippet(PartnerFeedViewSet)

register_permission_policy(ActionReport, ActionReportPermissionPolicy(ActionReport))


@hooks.register("register_admin_viewset")
def register_action_report_views():
    from .admin_views.menu import ActionReportsViewSetGroup

    return ActionReportsViewSetGroup()


@hooks.register("register_log_actions")
def register_action_report_log_actions(actions):
    from .admin_views.reports import ERASE_LOG_ACTION

    actions.register_action(ERASE_LOG_ACTION, _("Erase personal data"), _("Personal data erased"))


@hooks.register("register_admin_viewset")
def register_decision_maker_views():
    from .admin_views.decision_makers import DecisionMakerViewSetGroup

    return DecisionMakerViewSetGroup()


@hooks.register("construct_homepage_summary_items")
def add_open_corrections_summary_item(request, summary_items):
    from .admin_views.corrections import OpenCorrectionsSummaryItem

    summary_items.append(OpenCorrectionsSummaryItem(request))
