"""Corrections members sent about decision makers: the editors' listing, search, inspect,
"mark resolved", and the dashboard's open-corrections count. Who sent one (her name and email)
is for those who may see members' personal data only (see member_identity)."""

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
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet

from soroptimist_advocacy.compat import RegisteredPolicyMixin, get_permission_policy
from soroptimist_advocacy.directory.admin.member_identity import MemberIdentityListingMixin, fields_for
from soroptimist_advocacy.models.correction import DecisionMakerCorrection
from soroptimist_advocacy.web.admin import url_names
from soroptimist_advocacy.web.admin.forbidden import refusals_as_403
from soroptimist_advocacy.web.admin.permissions import (
    DecisionMakerEditorsMenuItem,
    can_edit_decision_makers,
    visible_corrections,
)
from soroptimist_advocacy.web.spreadsheet import FormulaSafeExportMixin

# What identifies the member who sent a correction (see member_identity).
REPORTER_FIELDS = ("reporter_name", "reporter_email")


class CorrectionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=DecisionMakerCorrection.Status.choices,
        empty_label=_("All"),
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

    def __init__(self, *args, resolve_url_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.resolve_url_name = resolve_url_name

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["resolve_url"] = reverse(self.resolve_url_name, args=[instance.pk])
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


class CorrectionIndexView(MemberIdentityListingMixin, FormulaSafeExportMixin, IndexView):
    """The corrections an editor may see (those of the decision makers she may edit), newest first."""

    page_title = _("Corrections from members")
    header_icon = "warning"
    resolve_url_name = None
    identity_fields = REPORTER_FIELDS

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "decision_maker_name",
                label=_("Decision maker"),
                get_url=decision_maker_edit_url,
                sort_key="decision_maker_name",
            ),
            Column(
                "country", label=_("Country"), accessor=lambda correction: correction.country.name, sort_key="country"
            ),
            Column(
                "details",
                label=_("What the member knows"),
                accessor=lambda correction: truncatechars(correction.details, 300),
            ),
            *([Column("reporter", label=_("Reported by"), accessor=reporter_of)] if self.shows_member else []),
            DateColumn("created_at", label=_("Reported"), sort_key="created_at"),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                primary=lambda correction: correction.is_open,
                sort_key="status",
            ),
            # An explicit accessor: a column name that is a method would be called for every row.
            ResolveColumn("actions", label="", accessor=lambda correction: "", resolve_url_name=self.resolve_url_name),
        ]

    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "view").select_related(
            "resolved_by"
        )

    def get_filename(self):
        return f"decision-maker-corrections-{timezone.localdate():%Y-%m-%d}"


class VisibleCorrectionMixin:
    """Views of one correction: one the editor may see, else 404 (her own directory's, not another's)."""

    def get_visible_correction(self, action: str):
        if not self.permission_policy.user_has_permission(self.request.user, action):
            raise PermissionDenied  # no right at all: a 403, whichever correction is asked for
        visible = self.permission_policy.instances_user_has_permission_for(self.request.user, action)
        return get_object_or_404(visible, pk=self.kwargs["pk"])


class CorrectionInspectView(VisibleCorrectionMixin, InspectView):
    any_permission_required = ["view"]

    def get_object(self, queryset=None):
        return self.get_visible_correction("view")

    def get_fields(self):
        return fields_for(self.request.user, super().get_fields(), REPORTER_FIELDS)


class ResolveCorrectionView(VisibleCorrectionMixin, RegisteredPolicyMixin, PermissionCheckedMixin, View):
    """Mark a correction resolved; the editor has changed the page (or found nothing to change)."""

    model = DecisionMakerCorrection
    permission_required = "change"
    http_method_names = ["post"]
    index_url_name = None

    def post(self, request, pk: int):
        correction = self.get_visible_correction("change")
        if correction.is_open:
            correction.mark_resolved(request.user)
            messages.success(
                request,
                gettext("The correction about %(name)s is marked resolved.") % {"name": correction.decision_maker_name},
            )
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse(self.index_url_name)
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


class CorrectionViewSet(ModelViewSet):
    """Members' corrections: the listing (with export), inspect, and "mark resolved".

    Members write corrections and editors only resolve them, so there is no
    add, edit or copy view; who sees which correction is the registered
    ``CorrectionPermissionPolicy``'s answer.
    """

    model = DecisionMakerCorrection
    name = url_names.CORRECTIONS
    url_prefix = "advocacy/corrections"
    icon = "warning"
    menu_label = _("Corrections")
    menu_icon = "warning"
    menu_item_class = DecisionMakerEditorsMenuItem
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = CorrectionIndexView
    inspect_view_class = CorrectionInspectView
    resolve_view_class = ResolveCorrectionView
    filterset_class = CorrectionFilterSet
    ordering = "-created_at"
    list_per_page = 50
    # The member's name and email only for those who may see them (CorrectionIndexView.setup).
    search_fields = ["decision_maker_name", "position_title", "details", *REPORTER_FIELDS]
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
    inspect_view_fields = [
        "decision_maker_name",
        "position_title",
        "country",
        "details",
        "reporter_name",
        "reporter_email",
        "status",
        "created_at",
        "resolved_at",
        "resolved_by",
    ]

    @cached_property
    def permission_policy(self):
        # Wagtail 7.4 would build a ModelPermissionPolicy here; the registered one follows page permissions.
        return get_permission_policy(DecisionMakerCorrection)

    def get_common_view_kwargs(self, **kwargs):
        # There is no add, edit or usage view to link to (see get_urlpatterns).
        return {
            **super().get_common_view_kwargs(**kwargs),
            "add_url_name": None,
            "edit_url_name": None,
            "delete_url_name": None,
            "usage_url_name": None,
            "history_url_name": None,
        }

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(resolve_url_name=self.get_url_name("resolve"), **kwargs)

    @cached_property
    def resolve_view(self):
        return self.construct_view(self.resolve_view_class, index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        return refusals_as_403(
            [
                path("", self.index_view, name="index"),
                path("results/", self.index_results_view, name="index_results"),
                path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
                path("<int:pk>/resolve/", self.resolve_view, name="resolve"),
            ]
        )

    def get_permissions_to_register(self):
        # Access follows page permissions (see CorrectionPermissionPolicy): no model permission to grant.
        return super().get_permissions_to_register().none()
