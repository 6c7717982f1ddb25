"""The directory's coverage report: the campaigns' target countries, those with nobody
listed first, with CSV/XLSX export (see ``soroptimist_advocacy.directory.coverage``)."""

from __future__ import annotations

from dataclasses import replace

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusFlagColumn, StatusTagColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import Locale, Page

from soroptimist_advocacy.directory.admin.columns import LastVerifiedColumn
from soroptimist_advocacy.directory.coverage import directory_coverage
from soroptimist_advocacy.directory.translation_coverage import untranslated_by_country
from soroptimist_advocacy.models.decision_maker import directory_pages
from soroptimist_advocacy.web.admin.forbidden import refusals_as_403
from soroptimist_advocacy.web.admin.permissions import DecisionMakerEditorsMenuItem, can_edit_decision_makers
from soroptimist_advocacy.web.spreadsheet import FormulaSafeExportMixin


def describe_untranslated(people) -> str:
    """“Name (Language, Language); Name (Language)” for the report's cell and its export."""
    return "; ".join(
        gettext("%(name)s (%(languages)s)")
        % {"name": name, "languages": ", ".join(locale.get_display_name() for locale in locales)}
        for name, locales in people
    )


def default_directory():
    """The directory the report opens on: the first in the default language, else the first."""
    directories = directory_pages().order_by("path").specific()
    return directories.filter(locale=Locale.get_default()).first() or directories.first()


class CoverageFilterSet(WagtailFilterSet):
    """Parsed only: the rows are a list computed per directory, not a queryset to filter."""

    directory = django_filters.ModelChoiceFilter(
        label=_("Directory"),
        # Called per request: the directory page types are known once the app registry is ready.
        queryset=lambda request: directory_pages().select_related("locale").order_by("path"),
        empty_label=None,
        method="keep",
    )
    missing_only = django_filters.BooleanFilter(label=_("Only countries with nobody listed"), method="keep")

    class Meta:
        model = Page
        fields: list[str] = []

    def keep(self, queryset, name, value):
        return queryset


class CoverageReportView(FormulaSafeExportMixin, ReportView):
    page_title = _("Directory coverage")
    header_icon = "site"
    filterset_class = CoverageFilterSet
    index_url_name = "advocacy_coverage:index"
    index_results_url_name = "advocacy_coverage:index_results"
    paginate_by = 100
    list_export = ["code", "name", "covered", "decision_makers", "last_verified", "out_of_date", "untranslated"]
    export_headings = {
        "code": _("Country code"),
        "name": _("Country"),
        "covered": _("Decision maker listed"),
        "decision_makers": _("Decision makers"),
        "last_verified": _("Last verified"),
        "out_of_date": _("May be out of date"),
        "untranslated": _("Not translated into"),
    }

    @cached_property
    def columns(self):
        return [
            Column("name", label=_("Country")),
            StatusTagColumn(
                "covered",
                label=_("Decision maker listed"),
                accessor=lambda row: gettext("Listed") if row.covered else gettext("Missing"),
                primary=lambda row: not row.covered,
            ),
            Column("decision_makers", label=_("Decision makers")),
            LastVerifiedColumn("last_verified", label=_("Last verified"), has_record=lambda row: row.covered),
            StatusFlagColumn("out_of_date", label=_("Freshness"), true_label=_("May be out of date")),
            Column("untranslated", label=_("Not translated into")),
        ]

    # Access follows page permissions (see dispatch), not model permissions.
    permission_policy = None

    def dispatch(self, request, *args, **kwargs):
        if not can_edit_decision_makers(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def directory(self):
        chosen = self.filters.form.cleaned_data.get("directory") if self.filters and self.filters.is_valid() else None
        return chosen.specific if chosen is not None else default_directory()

    @cached_property
    def coverage(self):
        return directory_coverage(self.directory) if self.directory else None

    @cached_property
    def untranslated(self) -> dict[str, list]:
        """Country code -> the decision makers there who lack a translation in a campaign language."""
        return untranslated_by_country(self.directory, self.coverage.campaigns) if self.coverage else {}

    def get_base_queryset(self):
        """The target countries, those with nobody listed first (a list: the rows are computed),
        each naming who lacks a translation in which of the campaigns' languages."""
        if not self.coverage:
            return []
        return [
            replace(row, untranslated=describe_untranslated(self.untranslated[row.code]))
            if row.code in self.untranslated
            else row
            for row in self.coverage.missing_first
        ]

    def order_queryset(self, queryset):
        return queryset  # Already in report order; the columns offer no other.

    def filter_queryset(self, queryset):
        missing_only = (
            self.filters.form.cleaned_data.get("missing_only") if self.filters and self.filters.is_valid() else None
        )
        return [row for row in queryset if not row.covered] if missing_only else queryset

    def get_page_subtitle(self):
        if self.coverage is None:
            return ""
        subtitle = gettext("%(directory)s, %(covered)d of %(total)d countries covered") % {
            "directory": self.directory.title,
            "covered": len(self.coverage.covered),
            "total": len(self.coverage.countries),
        }
        lacking = sum(len(people) for people in self.untranslated.values())
        if lacking:
            subtitle += " · " + ngettext(
                "%(count)d decision maker lacks a translation in a campaign language",
                "%(count)d decision makers lack a translation in a campaign language",
                lacking,
            ) % {"count": lacking}
        return subtitle

    def get_filename(self):
        return f"directory-coverage-{timezone.localdate():%Y-%m-%d}"


class CoverageViewSet(ViewSet):
    name = "advocacy_coverage"
    url_prefix = "advocacy/coverage"
    icon = "site"
    menu_label = _("Coverage")
    menu_icon = "site"
    menu_item_class = DecisionMakerEditorsMenuItem

    def get_urlpatterns(self):
        return refusals_as_403(
            [
                path("", CoverageReportView.as_view(), name="index"),
                path("results/", CoverageReportView.as_view(results_only=True), name="index_results"),
            ]
        )
