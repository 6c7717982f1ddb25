"""Admin registrations: snippets and viewsets."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .compat import register_permission_policy
from .models import ActionReport
from .report_permissions import ActionReportPermissionPolicy
from .viewsets import LetterTemplateViewSet

register_snippet(LetterTemplateViewSet)

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


@hooks.register("before_edit_snippet")
def warn_about_an_unusable_letter_template(request, instance):
    from django.contrib import messages

    from .letter_template_warnings import template_warning
    from .models import LetterTemplate

    if request.method == "GET" and isinstance(instance, LetterTemplate):
        if warning := template_warning(instance):
            messages.warning(request, warning)


@hooks.register("before_edit_page")
def warn_about_a_campaigns_unusable_letter_template(request, page):
    from django.contrib import messages

    from .letter_template_warnings import campaign_warnings

    if request.method == "GET":
        for warning in campaign_warnings(page.specific):
            messages.warning(request, warning)
