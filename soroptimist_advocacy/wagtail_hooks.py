"""Admin registrations: snippets and viewsets."""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.snippets.models import register_snippet

from soroptimist_advocacy.bundle.admin import CampaignBundleViewSet
from soroptimist_advocacy.compat import register_permission_policy
from soroptimist_advocacy.directory.admin.corrections import OpenCorrectionsSummaryItem
from soroptimist_advocacy.directory.admin.decision_makers import DecisionMakerViewSetGroup
from soroptimist_advocacy.letter_builder.admin import LetterTemplateViewSet
from soroptimist_advocacy.letter_builder.template_warnings import campaign_warnings, template_warning
from soroptimist_advocacy.letter_builder.translation import letter_block_ids, translated_letter_locales
from soroptimist_advocacy.models import ActionReport, DecisionMakerCorrection, DecisionMakerSuggestion, LetterTemplate
from soroptimist_advocacy.network.admin import PartnerFeedViewSet
from soroptimist_advocacy.reports.admin.dashboard import CampaignsDashboardPanel, may_see_panel
from soroptimist_advocacy.reports.admin.listing import ERASE_LOG_ACTION
from soroptimist_advocacy.reports.admin.menu import ActionReportsViewSetGroup
from soroptimist_advocacy.reports.permissions import ActionReportPermissionPolicy
from soroptimist_advocacy.web.admin.permissions import CorrectionPermissionPolicy, SuggestionPermissionPolicy

register_snippet(LetterTemplateViewSet)
register_snippet(PartnerFeedViewSet)

register_permission_policy(ActionReport, ActionReportPermissionPolicy(ActionReport))
register_permission_policy(DecisionMakerCorrection, CorrectionPermissionPolicy(DecisionMakerCorrection))
register_permission_policy(DecisionMakerSuggestion, SuggestionPermissionPolicy(DecisionMakerSuggestion))


@hooks.register("register_admin_viewset")
def register_action_report_views():
    return ActionReportsViewSetGroup()


@hooks.register("register_log_actions")
def register_action_report_log_actions(actions):
    actions.register_action(ERASE_LOG_ACTION, _("Erase personal data"), _("Personal data erased"))


@hooks.register("register_admin_viewset")
def register_decision_maker_views():
    return DecisionMakerViewSetGroup()


@hooks.register("construct_homepage_summary_items")
def add_open_corrections_summary_item(request, summary_items):
    summary_items.append(OpenCorrectionsSummaryItem(request))


@hooks.register("construct_homepage_panels")
def add_campaigns_dashboard_panel(request, panels):
    if may_see_panel(request.user):
        panels.append(CampaignsDashboardPanel(request))


@hooks.register("register_admin_viewset")
def register_campaign_bundle_import():
    return CampaignBundleViewSet()


@hooks.register("register_permissions")
def campaign_bundle_import_permission():
    # Offered in the admin's group editor: who may import campaign bundles.
    return Permission.objects.filter(content_type__app_label="soroptimist_advocacy", codename="import_campaign_bundle")


@hooks.register("before_edit_snippet")
def warn_about_an_unusable_letter_template(request, instance):
    if request.method == "GET" and isinstance(instance, LetterTemplate) and (warning := template_warning(instance)):
        messages.warning(request, warning)


@hooks.register("before_edit_snippet")
def point_to_an_imported_letter_template_document(request, instance):
    if request.method == "GET" and isinstance(instance, LetterTemplate) and instance.pending_document_id:
        review = reverse(instance.snippet_viewset.get_url_name("imported_document"), args=[instance.pk])
        admin_messages.warning(
            request,
            gettext(
                "A campaign bundle brought a new document for this template. Members keep the current one "
                "until you approve it."
            ),
            buttons=[admin_messages.button(review, gettext("Review"))],
        )


@hooks.register("before_edit_page")
def warn_about_a_campaigns_unusable_letter_template(request, page):
    if request.method == "GET":
        for warning in campaign_warnings(page.specific):
            messages.warning(request, warning)


def warn_if_letter_untranslated(request, page) -> None:
    """Tell the editor of a translation that members cannot get its letter yet, and why."""
    page = page.specific
    if not hasattr(page, "get_directory") or not letter_block_ids(page):
        return
    code = page.locale.language_code
    if page.locale_id in translated_letter_locales(page, {code: page}):
        return
    try:
        language = get_language_info(code)["name_translated"]
    except KeyError:
        language = code
    messages.warning(
        request,
        gettext(
            "The letter text of this page is not fully translated into %(language)s: members are not offered a "
            "letter in %(language)s until every paragraph and the subject of the letter are translated and published."
        )
        % {"language": language},
    )


# Before wagtail-localize's own hook, which answers the request with its translation editor
# (publishing there redirects back to it, so the editor sees this right after publishing).
@hooks.register("before_edit_page", order=-1)
def letter_translation_warning_on_edit(request, page):
    if request.method == "GET":
        warn_if_letter_untranslated(request, page)


@hooks.register("after_publish_page")
def letter_translation_warning_on_publish(request, page):
    warn_if_letter_untranslated(request, page)
