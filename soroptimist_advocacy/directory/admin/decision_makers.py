"""Admin listing of every decision maker, on Wagtail's page listing: country,
post, last verified, whether she may be out of date and how many corrections
members have reported, with CSV/XLSX export. The viewset also carries the CSV
import (see ``importer``) and the directory's CSV download."""

from __future__ import annotations

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, StatusFlagColumn
from wagtail.admin.ui.tables.pages import PageTitleColumn
from wagtail.admin.views.pages.choose_parent import ChooseParentView
from wagtail.admin.views.pages.listing import IndexView as PageIndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Site
from wagtail.permission_policies.pages import PagePermissionPolicy

from soroptimist_advocacy.directory.admin.columns import LastVerifiedColumn, country_column
from soroptimist_advocacy.directory.admin.corrections import CorrectionViewSet
from soroptimist_advocacy.directory.admin.coverage import CoverageViewSet
from soroptimist_advocacy.directory.admin.importer import DecisionMakerImportView
from soroptimist_advocacy.directory.admin.suggestions import SuggestionViewSet
from soroptimist_advocacy.directory.admin.sync import sync_column, toggle_managed_locally
from soroptimist_advocacy.directory.csv_format import csv_text
from soroptimist_advocacy.directory.freshness import annotate_stale
from soroptimist_advocacy.directory.records import page_values
from soroptimist_advocacy.models.correction import DecisionMakerCorrection
from soroptimist_advocacy.models.decision_maker import DecisionMakerPage, directory_page_models, directory_pages
from soroptimist_advocacy.web.admin import url_names
from soroptimist_advocacy.web.admin.forbidden import refusals_as_403
from soroptimist_advocacy.web.admin.permissions import (
    DecisionMakerEditorsMenuItem,
    can_import_into,
    editable_decision_makers,
)
from soroptimist_advocacy.web.countries import country_choices_for
from soroptimist_advocacy.web.spreadsheet import FormulaSafeExportMixin


class DecisionMakerFilterSet(WagtailFilterSet):
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        choices=lambda: country_choices_for(listed_decision_maker_model().objects.all()),
        empty_label=_("All"),
    )
    # The annotation made by annotate_stale, so the filter agrees with is_stale().
    out_of_date = django_filters.BooleanFilter(label=_("May be out of date"))
    has_open_corrections = django_filters.BooleanFilter(
        label=_("Has open corrections"), method="filter_has_open_corrections"
    )

    class Meta:
        model = DecisionMakerPage
        fields = ["country", "live"]

    def filter_has_open_corrections(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(open_corrections__gt=0) if value else queryset.filter(open_corrections=0)


class OpenCorrectionsColumn(Column):
    """The number of open corrections, linking to them."""

    cell_template_name = "soroptimist_advocacy/admin/open_corrections_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["corrections_url"] = reverse(url_names.CORRECTIONS_INDEX) + f"?decision_maker={instance.pk}&status=open"
        return context


def post_of(page) -> str:
    return f"{page.position_title}, {page.organisation}" if page.organisation else page.position_title


class DecisionMakerIndexView(FormulaSafeExportMixin, PageIndexView):
    """Wagtail's page listing, narrowed to the decision makers the editor may edit, with their freshness."""

    page_title = _("Decision makers")
    header_icon = "group"
    # On Page: Wagtail 7.4 takes the permission codenames from the policy's model (add_page, ...).
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    # No search box, as before: the filters (country, freshness, open corrections) narrow the list.
    is_searchable = False
    import_url_name = None

    # Also the viewset's ``columns``. No locale column: with several languages Wagtail's
    # title column labels each page with its locale.
    base_columns = [
        PageTitleColumn("title", label=_("Name"), sort_key="title", classname="title"),
        country_column(),
        Column("post", label=_("Post"), accessor=post_of, sort_key="position_title"),
        Column("rank", label=_("Order"), sort_key="rank"),
        LastVerifiedColumn("last_verified", label=_("Last verified"), sort_key="last_verified"),
        StatusFlagColumn(
            "out_of_date", label=_("Freshness"), true_label=_("May be out of date"), sort_key="out_of_date"
        ),
        OpenCorrectionsColumn("open_corrections", label=_("Open corrections"), sort_key="open_corrections"),
        LiveStatusTagColumn(),
        sync_column(),  # Federation network: source, last synced.
    ]

    def get_filename(self):
        # Per request, so the date is the day of the download.
        return f"decision-makers-{timezone.localdate():%Y-%m-%d}"

    def order_queryset(self, queryset):
        # Secondary keys keep the primary decision maker first within a country.
        ordering = self.ordering or self.default_ordering
        return queryset.order_by(ordering, "country", "rank", "title", "pk")

    def get_base_queryset(self):
        pages = self.model.objects.filter(pk__in=editable_decision_makers(self.request.user).values("pk"))
        open_corrections = Count(
            "advocacy_corrections", filter=Q(advocacy_corrections__status=DecisionMakerCorrection.Status.OPEN)
        )
        pages = (
            annotate_stale(pages).annotate(open_corrections=open_corrections).select_related("locale", "sa_sync_state")
        )
        # What Wagtail's page columns and actions read (site roots, schedules, workflow states).
        return self.annotate_queryset(pages)

    @cached_property
    def header_buttons(self):
        buttons = [
            *super().header_buttons,
            HeaderButton(
                _("Import CSV"),
                url=reverse(self.import_url_name),
                icon_name="upload",
            ),
        ]
        create_url = new_directory_url(self.request)
        if create_url:
            # The menu is there from the start; on a new site its first step is a directory.
            buttons.insert(0, HeaderButton(_("Create a directory"), url=create_url, icon_name="plus"))
        return buttons


class DecisionMakerChooseParentView(ChooseParentView):
    """Wagtail's "choose a directory" step of adding a decision maker, refused (403) to those who
    may add one nowhere, as the app's other admin views are, rather than an empty choice."""

    def refuse_unless_a_directory_is_open_to(self, user):
        if not self.get_valid_parent_pages(user).exists():
            raise PermissionDenied

    def get(self, request, *args, **kwargs):
        self.refuse_unless_a_directory_is_open_to(request.user)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.refuse_unless_a_directory_is_open_to(request.user)
        return super().post(request, *args, **kwargs)


def new_directory_url(request) -> str | None:
    """Where to add the first directory (under the site's home page), or None once one exists."""
    if directory_pages().exists():
        return None
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    return reverse("wagtailadmin_pages:add", args=["soroptimist_advocacy", "decisionmakerindexpage", site.root_page_id])


def export_directory_csv(request, directory_id: int):
    """The directory in the import format, for editing in a spreadsheet and importing back."""
    directory = get_object_or_404(directory_pages(), pk=directory_id).specific
    if not can_import_into(request.user, directory):
        raise PermissionDenied
    decision_makers = directory.get_decision_maker_model().objects.child_of(directory)
    pages = decision_makers.live().order_by("country", "rank", "title", "pk")
    response = HttpResponse(csv_text(page_values(page) for page in pages), content_type="text/csv; charset=utf-8")
    stem = slugify(directory.title)[:50] or "directory"
    response["Content-Disposition"] = content_disposition_header(True, f"{stem}-{directory.locale.language_code}.csv")
    return response


def listed_decision_maker_model():
    """The decision-maker page type the listing shows: the one the site's directory page types
    name (``get_decision_maker_model()``); the app's own when they name several (a page listing
    shows one page type)."""
    named = {model.get_decision_maker_model() for model in directory_page_models()}
    return named.pop() if len(named) == 1 else DecisionMakerPage


class DecisionMakerViewSet(PageListingViewSet):
    """The listing (with export and "add" through a parent directory), the CSV import and the directory's CSV download."""

    model = DecisionMakerPage  # the site's own type when its directories name one (see __init__)
    name = url_names.DECISION_MAKERS
    url_prefix = "advocacy/decision-makers"
    icon = "group"
    menu_label = _("Directory")
    menu_icon = "group"
    menu_item_class = DecisionMakerEditorsMenuItem
    index_view_class = DecisionMakerIndexView
    choose_parent_view_class = DecisionMakerChooseParentView
    filterset_class = DecisionMakerFilterSet
    ordering = "country"
    list_per_page = 50
    list_export = [
        "title",
        "position_title",
        "organisation",
        "country.code",
        "country.name",
        "last_verified",
        "out_of_date",
        "open_corrections",
        "live",
        "external_id",
        "email",
    ]
    export_headings = {
        "title": _("Name"),
        "position_title": _("Post"),
        "organisation": _("Organisation or ministry"),
        "country.code": _("Country code"),
        "country.name": _("Country"),
        "last_verified": _("Last verified"),
        "out_of_date": _("May be out of date"),
        "open_corrections": _("Open corrections"),
        "live": _("Published"),
        "external_id": _("External ID"),
        "email": _("Email"),
    }

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("model", listed_decision_maker_model())
        super().__init__(*args, **kwargs)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(import_url_name=self.get_url_name("import"), **kwargs)

    @cached_property
    def import_view(self):
        return self.construct_view(DecisionMakerImportView)

    def get_urlpatterns(self):
        # A refusal is a real 403 (in the admin's layout), as across the app's admin views.
        return refusals_as_403(
            [
                *super().get_urlpatterns(),
                path("import/", self.import_view, name="import"),
                path("export/<int:directory_id>/", export_directory_csv, name="export"),
                path("managed-locally/<int:page_id>/", toggle_managed_locally, name="managed_locally"),
            ]
        )


class DecisionMakerViewSetGroup(ViewSetGroup):
    """The admin menu's "Decision makers": the directory listing (with import), the corrections and
    suggestions members sent, and the coverage of the campaigns' target countries."""

    menu_label = _("Decision makers")
    menu_icon = "group"
    menu_name = "advocacy-decision-makers"
    items = (DecisionMakerViewSet, CorrectionViewSet, SuggestionViewSet, CoverageViewSet)
