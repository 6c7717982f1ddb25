"""The staff listing of action reports: filters, search, inspect, export, erase on request.

Export columns (headings in the admin's language; these are the English ones):

=========================  =====================================================
Report ID                  the report's number
Reported at                when she sent the report
Campaign                   the campaign title she saw (in her language)
Campaign key               the campaign's translation key, shared by its translations
Language                   language of the page she reported on
Campaign source            the ?source= slug the form was opened from (empty: none)
Country code / Country     ISO 3166 code and name
Club                       her club
Action code / Action       letter_posted, letter_emailed, delivered_by_hand,
                           meeting, phone_call, social_media, other
Action date                date of the action
Decision maker             name of the decision maker she contacted, if any
Response code / Response   no_reply, acknowledgement, positive, negative, other
Response date              date of the response, if any
Name, Email, Notes,        personal data: only with the "Can see the names,
Response summary           emails, notes and response summaries" permission
Agreed to emails           whether she asked for her link and one reminder
Reminder sent at           when the one reminder was sent
Privacy text version       SHA-256 of the privacy text she agreed to
Personal data erased at    when retention, she or staff erased her personal data
=========================  =====================================================

Every text cell that a spreadsheet could run as a formula is neutralised: an
apostrophe in CSV, Excel's quote prefix in XLSX (see ``soroptimist_advocacy.web.spreadsheet``).
"""

from __future__ import annotations

import tempfile

import django_filters
from django import forms
from django.core.cache import cache
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log

from soroptimist_advocacy.campaigns.pages import campaign_choices
from soroptimist_advocacy.compat import RegisteredPolicyMixin, get_permission_policy
from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.models.report import ActionReport, ActionType, ResponseStatus
from soroptimist_advocacy.reports.permissions import MEMBER_ONLY_ACTIONS
from soroptimist_advocacy.web.admin import url_names
from soroptimist_advocacy.web.admin.forbidden import refusals_as_403
from soroptimist_advocacy.web.admin.permissions import can_view_personal_data
from soroptimist_advocacy.web.countries import sorted_countries
from soroptimist_advocacy.web.spreadsheet import FormulaSafeExportMixin

ERASE_LOG_ACTION = "soroptimist_advocacy.erase_personal_data"

EXPORT_COLUMNS = {
    "pk": _("Report ID"),
    "created_at": _("Reported at"),
    "campaign_title": _("Campaign"),
    "campaign_key": _("Campaign key"),
    "language": _("Language"),
    "source": _("Campaign source"),
    "country.code": _("Country code"),
    "country.name": _("Country"),
    "club": _("Club"),
    "action_type": _("Action code"),
    "get_action_type_display": _("Action"),
    "action_date": _("Action date"),
    "decision_maker_name": _("Decision maker"),
    "response_status": _("Response code"),
    "get_response_status_display": _("Response"),
    "response_date": _("Response date"),
    "name": _("Name"),
    "email": _("Email"),
    "notes": _("Notes"),
    "response_summary": _("Response summary"),
    "email_consent": _("Agreed to emails"),
    "reminder_sent_at": _("Reminder sent at"),
    "privacy_text_version": _("Privacy text version"),
    "personal_data_purged_at": _("Personal data erased at"),
}


def without_personal_data(names):
    return [name for name in names if name not in ActionReport.PERSONAL_FIELDS]


# The countries that have reports, kept a minute in the shared cache: finding them reads every
# report (a DISTINCT over the table), which would make each listing page slower as reports pile up.
REPORTED_COUNTRIES_CACHE_KEY = "soroptimist_advocacy:reported-countries"
REPORTED_COUNTRIES_SECONDS = 60


def reported_country_choices() -> list[tuple[str, str]]:
    """Only the countries that have reports (as of a minute ago at most), named in the admin's language."""
    codes = cache.get(REPORTED_COUNTRIES_CACHE_KEY)
    if codes is None:
        codes = sorted(set(ActionReport.objects.order_by().values_list("country", flat=True).distinct()))
        cache.set(REPORTED_COUNTRIES_CACHE_KEY, codes, REPORTED_COUNTRIES_SECONDS)
    known = set(codes)
    return [(code, name) for code, name in sorted_countries() if code in known]


class ActionReportFilterSet(WagtailFilterSet):
    campaign_key = django_filters.ChoiceFilter(label=_("Campaign"), empty_label=_("All"))
    country = django_filters.ChoiceFilter(label=_("Country"), empty_label=_("All"))
    action_type = django_filters.ChoiceFilter(
        label=_("Action"), choices=ActionType.choices, widget=forms.RadioSelect, empty_label=_("All")
    )
    response_status = django_filters.ChoiceFilter(
        label=_("Response"), choices=ResponseStatus.choices, widget=forms.RadioSelect, empty_label=_("All")
    )
    action_date = django_filters.DateFromToRangeFilter(label=_("Date of the action"), widget=DateRangePickerWidget)

    class Meta:
        model = ActionReport
        fields = ["campaign_key", "country", "action_type", "response_status", "action_date"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Campaigns and countries change as content and reports arrive: read them per request.
        self.filters["campaign_key"].extra["choices"] = campaign_choices()
        self.filters["country"].extra["choices"] = reported_country_choices()


# An XLSX export is built in a spooled file: in memory while small, on disk beyond this.
XLSX_SPOOL_BYTES = 5_000_000


class ChunkedRows:
    """A queryset read from the database ``BATCH_SIZE`` rows at a time (a server-side
    cursor on PostgreSQL), never held whole: what Wagtail's export writers iterate."""

    def __init__(self, queryset) -> None:
        self.queryset = queryset
        self.model = queryset.model

    def __iter__(self):
        return self.queryset.iterator(chunk_size=settings.BATCH_SIZE)


class ActionReportIndexView(FormulaSafeExportMixin, IndexView):
    search_fields: list[str] | None  # given by the viewset
    list_export: list[str]

    any_permission_required = ["view"]

    def get(self, request, *args, **kwargs):
        if self.is_export:
            # Wagtail builds the whole listing context before exporting, and that
            # takes len() of the unpaginated queryset: every row in memory at once.
            return self.as_spreadsheet(self.get_queryset(), request.GET.get("export"))
        return super().get(request, *args, **kwargs)

    def stream_csv(self, queryset):
        return super().stream_csv(ChunkedRows(queryset))

    def write_xlsx_response(self, queryset):
        # openpyxl's write-only workbook (Wagtail's) keeps rows in its own temporary
        # files; the finished file is spooled and streamed in blocks.
        # No context manager: FileResponse closes the file once it has been streamed.
        output = tempfile.SpooledTemporaryFile(max_size=XLSX_SPOOL_BYTES)  # noqa: SIM115
        self.write_xlsx(ChunkedRows(queryset), output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            filename=f"{self.get_filename()}.xlsx",
        )

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if can_view_personal_data(request.user):
            self.search_fields = [*(self.search_fields or []), "name", "email"]
        else:
            self.list_export = without_personal_data(self.list_export)


class ActionReportInspectView(InspectView):
    any_permission_required = ["view"]
    erase_url_name = None

    def get_fields(self):
        fields = super().get_fields()
        if not can_view_personal_data(self.request.user):
            fields = without_personal_data(fields)
        return fields

    def get_erase_url(self):
        if self.erase_url_name and self.object.has_personal_data and self.user_has_permission("delete"):
            return reverse(self.erase_url_name, args=[self.object.pk])
        return None

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if erase_url := self.get_erase_url():
            buttons.append(Button(_("Erase personal data"), url=erase_url, icon_name="bin", priority=15))
        return buttons


class EraseReportView(RegisteredPolicyMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Erase one report's personal data, when she asks the federation rather than use her link."""

    model = ActionReport
    permission_required = "delete"
    template_name = "soroptimist_advocacy/admin/erase_personal_data.html"
    page_title = _("Erase personal data")
    header_icon = "bin"
    # Given by the viewset (as_view() accepts only names the class has).
    index_url_name = ""
    inspect_url_name = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(ActionReport, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": capfirst(ActionReport._meta.verbose_name_plural)},
            {"url": reverse(self.inspect_url_name, args=[self.object.pk]), "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        fields = {field.name: field for field in ActionReport._meta.fields}
        context.update(
            object=self.object,
            personal_field_labels=[fields[name].verbose_name for name in ActionReport.PERSONAL_FIELDS],
            cancel_url=reverse(self.inspect_url_name, args=[self.object.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        if self.object.has_personal_data:
            with transaction.atomic():
                self.object.erase_personal_data()
                log(instance=self.object, action=ERASE_LOG_ACTION, user=request.user)
            messages.success(request, _("The personal data of this report is erased."))
        return redirect(self.inspect_url_name, self.object.pk)


class ActionReportViewSet(ModelViewSet):
    model = ActionReport
    name = url_names.ACTION_REPORTS
    icon = "tasks"
    # Not "Reports": the menu sits beside Wagtail's own "Reports" (site history, aging pages, ...).
    menu_label = _("All action reports")
    # Reports are created by members only, never copied, edited or indexed as references.
    copy_view_enabled = False
    add_to_reference_index = False
    inspect_view_enabled = True
    index_view_class = ActionReportIndexView
    inspect_view_class = ActionReportInspectView
    erase_view_class = EraseReportView
    filterset_class = ActionReportFilterSet
    list_display = ["__str__", "campaign_title", "country", "club", "response_status", "created_at"]
    list_per_page = 50
    ordering = "-created_at"
    search_fields = ["club", "campaign_title", "decision_maker_name"]
    list_export = list(EXPORT_COLUMNS)
    export_headings = EXPORT_COLUMNS
    export_filename = "action-reports"
    inspect_view_fields = [
        "created_at",
        "campaign_title",
        "campaign",
        "campaign_key",
        "language",
        "country",
        "club",
        "name",
        "email",
        "action_type",
        "action_date",
        "decision_maker",
        "decision_maker_name",
        "notes",
        "response_status",
        "response_date",
        "response_summary",
        "consent",
        "privacy_text_version",
        "email_consent",
        "reminder_sent_at",
        "personal_data_purged_at",
        "updated_at",
    ]

    @cached_property
    def permission_policy(self):
        # Wagtail 7.4 builds a plain ModelPermissionPolicy here; the app's policy
        # (no add or change for staff) comes from the compat registry on both versions.

        return get_permission_policy(ActionReport)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(erase_url_name=self.get_url_name("erase"), **kwargs)

    @property
    def erase_view(self):
        return self.construct_view(
            self.erase_view_class,
            index_url_name=self.get_url_name("index"),
            inspect_url_name=self.get_url_name("inspect"),
        )

    def get_common_view_kwargs(self, **kwargs):
        # There is no add, edit or usage view to link to (see get_urlpatterns).
        return {
            **super().get_common_view_kwargs(**kwargs),
            "add_url_name": None,
            "edit_url_name": None,
            "usage_url_name": None,
        }

    def get_urlpatterns(self):
        # Staff never create, copy or rewrite what a member reported, so those views do not exist;
        # nothing refers to a report, so neither does a usage view. The history (its audit trail,
        # erasures included) needs the delete permission, as Wagtail's history views do.
        return refusals_as_403(
            [
                path("", self.index_view, name="index"),
                path("results/", self.index_results_view, name="index_results"),
                path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
                path("erase/<int:pk>/", self.erase_view, name="erase"),
                path("delete/<int:pk>/", self.delete_view, name="delete"),
                path("history/<int:pk>/", self.history_view, name="history"),
                path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            ]
        )

    def get_permissions_to_register(self):
        # "add" and "change" are never granted (see report_permissions), so not offered either.
        codenames = [f"{action}_{self.model_name}" for action in MEMBER_ONLY_ACTIONS]
        return super().get_permissions_to_register().exclude(codename__in=codenames)
