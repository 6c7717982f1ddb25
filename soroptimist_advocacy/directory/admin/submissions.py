"""What members sent about the directory (``MemberSubmission``: corrections and suggestions), in
the admin: one viewset base for both, with a listing (its own columns, then who sent it, when,
the status and the button that handles an open one), a status filter, search, CSV/XLSX export
and inspect, all reading the model's field declarations. Who sent it (her name and email) is for
those who may see members' personal data only (see member_identity); exports are formula-safe.

Members write these and editors only handle them: there is no add, edit, copy or delete view;
who sees which is the answer of the permission policy registered for the model.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import Promise, cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from django_countries.fields import CountryField
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from soroptimist_advocacy.compat import RegisteredPolicyMixin, get_permission_policy
from soroptimist_advocacy.directory.admin.member_identity import MemberIdentityListingMixin, fields_for
from soroptimist_advocacy.models.member_submission import MemberSubmission
from soroptimist_advocacy.web.admin.forbidden import refusals_as_403
from soroptimist_advocacy.web.admin.permissions import DecisionMakerEditorsMenuItem
from soroptimist_advocacy.web.spreadsheet import FormulaSafeExportMixin

# Where a submission stands: its export and inspect show these after what it says.
STATE_FIELDS = ("status", "handled_at", "handled_by")


class SubmissionFilterSet(WagtailFilterSet):
    """The status filter, with the statuses of the filtered model."""

    status = django_filters.ChoiceFilter(label=_("Status"), choices=(), empty_label=_("All"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["status"].extra["choices"] = self._meta.model.Status.choices


class HandleColumn(Column):
    """The button (a POST form) that handles an open submission; what became of it after."""

    def __init__(self, *args, handle_url_name: str, cell_template_name: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.handle_url_name = handle_url_name
        self.cell_template_name = cell_template_name

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["handle_url"] = reverse(self.handle_url_name, args=[instance.pk])
        context["next_url"] = request.get_full_path() if request else ""
        # Cells render from a plain dict, without context processors.
        context["csrf_token"] = get_token(request) if request else ""
        return context


def is_country(model, name: str) -> bool:
    try:
        return isinstance(model._meta.get_field(name), CountryField)
    except FieldDoesNotExist:
        return False


def export_fields(model, names) -> list[str]:
    """*names* as export columns: a country as its code and its name."""
    return [
        column
        for name in names
        for column in ((f"{name}.code", f"{name}.name") if is_country(model, name) else (name,))
    ]


class SubmissionIndexView(MemberIdentityListingMixin, FormulaSafeExportMixin, IndexView):
    """The submissions the editor may see, newest first. A subclass gives the columns of what they
    are about (``get_about_columns``) and the labels of who sent them and when."""

    member_label: str | Promise  # the heading of who sent it, "Reported by"
    created_label: str | Promise  # and of when, "Reported"
    handle_url_name = ""
    handle_cell_template_name = ""

    def get_about_columns(self) -> list[Column]:
        raise NotImplementedError

    @cached_property
    def columns(self):
        return [
            *self.get_about_columns(),
            *([Column("member", label=self.member_label, accessor="member")] if self.shows_member else []),
            DateColumn("created_at", label=self.created_label, sort_key="created_at"),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                primary=lambda submission: submission.is_open,
                sort_key="status",
            ),
            # An explicit accessor: a column name that is a method would be called for every row.
            HandleColumn(
                "actions",
                label="",
                accessor=lambda submission: "",
                handle_url_name=self.handle_url_name,
                cell_template_name=self.handle_cell_template_name,
            ),
        ]

    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "view").select_related(
            "handled_by"
        )

    def get_filename(self):
        # Per request, so the date is the day of the download.
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"


class VisibleSubmissionMixin:
    """Views of one submission: one the editor may see, else 404 (her own directory's, not another's)."""

    # Set by the view.
    request: HttpRequest
    kwargs: dict[str, Any]
    permission_policy: BasePermissionPolicy

    def get_submission(self, action: str):
        if not self.permission_policy.user_has_permission(self.request.user, action):
            raise PermissionDenied  # no right at all: a 403, whichever submission is asked for
        return self.get_visible_submission(action)

    def get_visible_submission(self, action: str):
        visible = self.permission_policy.instances_user_has_permission_for(self.request.user, action)
        return get_object_or_404(visible, pk=self.kwargs["pk"])


class SubmissionInspectView(VisibleSubmissionMixin, InspectView):
    any_permission_required = ["view"]

    def get_object(self, queryset=None):
        return self.get_submission("view")

    def get_fields(self):
        return fields_for(self.request.user, super().get_fields(), self.model.MEMBER_FIELDS)


class HandleSubmissionView(VisibleSubmissionMixin, RegisteredPolicyMixin, PermissionCheckedMixin, View):
    """POST: handle an open submission the editor may change (``post`` of a subclass)."""

    model: type[MemberSubmission] | None = None
    permission_required: str | None = "change"
    http_method_names = ["post"]
    index_url_name = ""  # set by the viewset

    def back(self, request):
        """Back to the listing she came from (the form's ``next``, if it is this site's), else the listing."""
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse(self.index_url_name)
        return redirect(next_url)


class SubmissionViewSet(ModelViewSet):
    """Members' submissions of one model: the listing (with export), inspect, and the view that
    handles one (``handle_view_class``, at ``handle_path``, named ``handle_url_name``).

    Search, export and inspect read the model's ``SENT_FIELDS``, after ``about_fields`` (what the
    submission is about that the member did not type, such as a decision maker's copied name).
    """

    about_fields: tuple[str, ...] = ()
    handle_view_class: type[HandleSubmissionView]
    handle_path = ""
    handle_url_name = ""
    menu_item_class = DecisionMakerEditorsMenuItem
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = SubmissionInspectView
    ordering = "-created_at"
    list_per_page = 50
    export_headings = {"country.code": _("Country code"), "country.name": _("Country")}

    @cached_property
    def shown_fields(self) -> tuple[str, ...]:
        return (*self.about_fields, *self.model.SENT_FIELDS)

    @cached_property
    def search_fields(self):
        # The member's name and email only for those who may see them (MemberIdentityListingMixin.setup).
        return [name for name in self.shown_fields if not is_country(self.model, name)]

    @cached_property
    def list_export(self):
        return ["created_at", *export_fields(self.model, self.shown_fields), *STATE_FIELDS]

    @cached_property
    def inspect_view_fields(self):
        return ["created_at", *self.shown_fields, *STATE_FIELDS]

    @cached_property
    def permission_policy(self):
        # Wagtail 7.4 would build a ModelPermissionPolicy here; the registered one follows page permissions.
        return get_permission_policy(self.model)

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
        return super().get_index_view_kwargs(handle_url_name=self.get_url_name(self.handle_url_name), **kwargs)

    @cached_property
    def handle_view(self):
        return self.construct_view(self.handle_view_class, index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        return refusals_as_403(
            [
                path("", self.index_view, name="index"),
                path("results/", self.index_results_view, name="index_results"),
                path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
                path(self.handle_path, self.handle_view, name=self.handle_url_name),
            ]
        )

    def get_permissions_to_register(self):
        # Access follows page permissions (see the registered policy): no model permission to grant.
        return super().get_permissions_to_register().none()
