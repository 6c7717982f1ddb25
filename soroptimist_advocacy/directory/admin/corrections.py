"""Corrections members sent about decision makers: the editors' listing, "mark
resolved", and the dashboard's open-corrections count."""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import truncatechars
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet

from soroptimist_advocacy.models.correction import DecisionMakerCorrection
from soroptimist_advocacy.web.spreadsheet import FormulaSafeExportMixin
from soroptimist_advocacy.web.admin.forbidden import forbidden_as_403
from soroptimist_advocacy.web.admin.permissions import DecisionMakerEditorsMenuItem, can_edit_decision_makers, visible_corrections
from soroptimist_advocacy.web.admin import url_names



class CorrectionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=DecisionMakerCorrection.Status.choices, empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    # Set by the "open corrections" links of the decision-maker listing.
    decision_maker = django_filters.NumberFilter(label=_("Decision maker (page ID)"), field_name="decision_maker")

    class Meta:
        model = DecisionMakerCorrection
        fields = ["status", "decision_maker"]


class ResolveColumn(Column):
    """A "Mark resolved" button (a POST form) for open corrections."""

    cell_template_name = "soroptimist_advocacy/admin/resolve_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["resolve_url"] = reverse(url_names.CORRECTIONS_RESOLVE, args=[instance.pk])
        context["next_url"] = request.get_full_path() if request else ""
        # Cells render from a plain dict, without context processors.
        context["csrf_token"] = get_token(request) if request else ""
        return context


def decision_maker_edit_url(correction) -> str | None:
    if correction.decision_maker_id is None:
        return None
    return reverse("wagtailadmin_pages:edit", args=[correction.decision_maker_id])


def reporter_of(correction) -> str:
    if correction.reporter_name and correction.reporter_email:
        return f"{correction.reporter_name} <{correction.reporter_email}>"
    return correction.reporter_name or correction.reporter_email


class CorrectionReportView(FormulaSafeExportMixin, ReportView):
    model = DecisionMakerCorrection
    page_title = _("Corrections from members")
    header_icon = "warning"
    filterset_class = CorrectionFilterSet
    index_url_name = url_names.CORRECTIONS_INDEX
    index_results_url_name = url_names.CORRECTIONS_INDEX_RESULTS
    default_ordering = "-created_at"
    paginate_by = 50
    list_export = [
        "created_at",
        "decision_maker_name",
        "position_title",
        "country.name",
        "details",
        "reporter_name",
        "reporter_email",
        "status",
        "resolved_at",
        "resolved_by",
    ]
    export_headings = {
        "created_at": _("Reported at"),
        "decision_maker_name": _("Decision maker"),
        "position_title": _("Post"),
        "country.name": _("Country"),
        "details": _("What the member knows"),
        "reporter_name": _("Member's name"),
        "reporter_email": _("Member's email"),
        "status": _("Status"),
        "resolved_at": _("Resolved at"),
        "resolved_by": _("Resolved by"),
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "decision_maker_name",
                label=_("Decision maker"),
                get_url=decision_maker_edit_url,
                sort_key="decision_maker_name",
            ),
            Column("country", label=_("Country"), accessor=lambda correction: correction.country.name, sort_key="country"),
            Column("details", label=_("What the member knows"), accessor=lambda correction: truncatechars(correction.details, 300)),
            Column("reporter", label=_("Reported by"), accessor=reporter_of),
            DateColumn("created_at", label=_("Reported"), sort_key="created_at"),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                primary=lambda correction: correction.is_open,
                sort_key="status",
            ),
            # An explicit accessor: a column name that is a method would be called for every row.
            ResolveColumn("actions", label="", accessor=lambda correction: ""),
        ]

    # Access follows page permissions (see dispatch), not model permissions.
    permission_policy = None

    def dispatch(self, request, *args, **kwargs):
        if not can_edit_decision_makers(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return visible_corrections(self.request.user).select_related("resolved_by")

    def get_filename(self):
        return f"decision-maker-corrections-{timezone.localdate():%Y-%m-%d}"


@require_POST
def resolve_correction(request, pk: int):
    """Mark a correction resolved; the editor has changed the page (or found nothing to change)."""
    correction = get_object_or_404(visible_corrections(request.user), pk=pk)
    if correction.is_open:
        correction.mark_resolved(request.user)
        messages.success(
            request, gettext("The correction about %(name)s is marked resolved.") % {"name": correction.decision_maker_name}
        )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        next_url = reverse(url_names.CORRECTIONS_INDEX)
    return redirect(next_url)


class OpenCorrectionsSummaryItem(SummaryItem):
    """The dashboard's "N open corrections" line, for editors of decision makers."""

    order = 450
    template_name = "soroptimist_advocacy/admin/open_corrections_summary.html"

    def get_context_data(self, parent_context):
        return {
            "open_corrections": visible_corrections(self.request.user).open().count(),
            "url": reverse(url_names.CORRECTIONS_INDEX) + "?status=open",
        }

    def is_shown(self):
        return can_edit_decision_makers(self.request.user)


class CorrectionViewSet(ViewSet):
    name = url_names.CORRECTIONS
    url_prefix = "advocacy/corrections"
    icon = "warning"
    menu_label = _("Corrections")
    menu_icon = "warning"
    menu_item_class = DecisionMakerEditorsMenuItem

    def get_urlpatterns(self):
        return [
            path("", forbidden_as_403(CorrectionReportView.as_view()), name="index"),
            path("results/", forbidden_as_403(CorrectionReportView.as_view(results_only=True)), name="index_results"),
            path("<int:pk>/resolve/", forbidden_as_403(resolve_correction), name="resolve"),
        ]
