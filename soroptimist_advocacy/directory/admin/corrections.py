"""Corrections members sent about decision makers: the editors' listing, search, inspect and
export (see ``submissions``), "mark resolved", and the dashboard's open-corrections count."""

from __future__ import annotations

import django_filters
from django.contrib import messages
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import Column, TitleColumn

from soroptimist_advocacy.directory.admin.columns import country_column
from soroptimist_advocacy.directory.admin.submissions import (
    HandleSubmissionView,
    SubmissionFilterSet,
    SubmissionIndexView,
    SubmissionViewSet,
)
from soroptimist_advocacy.models.correction import DecisionMakerCorrection
from soroptimist_advocacy.web.admin import url_names
from soroptimist_advocacy.web.admin.permissions import can_edit_decision_makers, visible_corrections


class CorrectionFilterSet(SubmissionFilterSet):
    # Set by the "open corrections" links of the decision-maker listing.
    decision_maker = django_filters.NumberFilter(label=_("Decision maker (page ID)"), field_name="decision_maker")

    class Meta:
        model = DecisionMakerCorrection
        fields = ["status", "decision_maker"]


def decision_maker_edit_url(correction) -> str | None:
    if correction.decision_maker_id is None:
        return None
    return reverse("wagtailadmin_pages:edit", args=[correction.decision_maker_id])


class CorrectionIndexView(SubmissionIndexView):
    """The corrections an editor may see (those of the decision makers she may edit), newest first."""

    page_title = _("Corrections from members")
    header_icon = "warning"
    member_label = _("Reported by")
    created_label = _("Reported")
    handle_cell_template_name = "soroptimist_advocacy/admin/resolve_cell.html"

    def get_about_columns(self):
        return [
            TitleColumn(
                "decision_maker_name",
                label=_("Decision maker"),
                get_url=decision_maker_edit_url,
                sort_key="decision_maker_name",
            ),
            country_column(),
            Column(
                "details",
                label=_("What the member knows"),
                accessor=lambda correction: truncatechars(correction.details, 300),
            ),
        ]


class ResolveCorrectionView(HandleSubmissionView):
    """Mark a correction resolved; the editor has changed the page (or found nothing to change)."""

    model = DecisionMakerCorrection

    def post(self, request, pk: int):
        correction = self.get_submission("change")
        if correction.is_open:
            correction.mark_handled(request.user)
            messages.success(
                request,
                gettext("The correction about %(name)s is marked resolved.") % {"name": correction.decision_maker_name},
            )
        return self.back(request)


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


class CorrectionViewSet(SubmissionViewSet):
    """Members' corrections: the listing (with export), inspect, and "mark resolved"."""

    model = DecisionMakerCorrection
    name = url_names.CORRECTIONS
    url_prefix = "advocacy/corrections"
    icon = "warning"
    menu_label = _("Corrections")
    menu_icon = "warning"
    index_view_class = CorrectionIndexView
    filterset_class = CorrectionFilterSet
    export_filename = "decision-maker-corrections"
    # A copy of who the correction is about, kept if her page is deleted.
    about_fields = ("decision_maker_name", "position_title", "country")
    handle_view_class = ResolveCorrectionView
    handle_path = "<int:pk>/resolve/"
    handle_url_name = "resolve"
