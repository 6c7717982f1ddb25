"""Decision makers members suggested: the editors' listing beside corrections, and
"Create draft page", which turns a suggestion into an unpublished decision-maker page.
Who suggested one (her name and email) is for those who may see members' personal data
only (see member_identity); the draft page never holds it."""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import truncatechars
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from soroptimist_advocacy.directory.admin.member_identity import MemberIdentityListingMixin
from soroptimist_advocacy.models.decision_maker import directory_pages
from soroptimist_advocacy.models.suggestion import DecisionMakerSuggestion
from soroptimist_advocacy.web.admin.forbidden import refusals_as_403
from soroptimist_advocacy.web.admin.permissions import DecisionMakerEditorsMenuItem, can_edit_decision_makers
from soroptimist_advocacy.web.spreadsheet import FormulaSafeExportMixin

INDEX_URL_NAME = "advocacy_suggestions:index"

# What identifies the member who suggested a decision maker (see member_identity).
SUBMITTER_FIELDS = ("submitter_name", "submitter_email")


def visible_suggestions(user):
    """Suggestions for the directories *user* may add pages to; those whose directory was
    deleted go to everyone who edits some decision maker, so that they are not lost."""
    suggestions = DecisionMakerSuggestion.objects.all()
    if user.is_superuser:
        return suggestions
    addable = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"add"})
    visible = Q(directory__in=addable.values("pk"))
    if can_edit_decision_makers(user):
        visible |= Q(directory__isnull=True)
    return suggestions.filter(visible)


class SuggestionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=DecisionMakerSuggestion.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = DecisionMakerSuggestion
        fields = ["status"]


class CreatePageColumn(Column):
    """A "Create draft page" button (a POST form) for open suggestions; a link to the draft after."""

    cell_template_name = "soroptimist_advocacy/admin/create_draft_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["create_url"] = reverse("advocacy_suggestions:create_page", args=[instance.pk])
        context["draft_url"] = (
            reverse("wagtailadmin_pages:edit", args=[instance.draft_page_id]) if instance.draft_page_id else ""
        )
        # Cells render from a plain dict, without context processors.
        context["csrf_token"] = get_token(request) if request else ""
        return context


def submitter_of(suggestion) -> str:
    if suggestion.submitter_name and suggestion.submitter_email:
        return f"{suggestion.submitter_name} <{suggestion.submitter_email}>"
    return suggestion.submitter_name or suggestion.submitter_email


def office_of(suggestion) -> str:
    return " · ".join(value for value in (suggestion.office_email, suggestion.office_website) if value)


class SuggestionReportView(MemberIdentityListingMixin, FormulaSafeExportMixin, ReportView):
    model = DecisionMakerSuggestion
    identity_fields = SUBMITTER_FIELDS
    page_title = _("Decision makers suggested by members")
    header_icon = "user"
    filterset_class = SuggestionFilterSet
    index_url_name = INDEX_URL_NAME
    index_results_url_name = "advocacy_suggestions:index_results"
    default_ordering = "-created_at"
    paginate_by = 50
    is_searchable = True
    # The member's name and email only for those who may see them (MemberIdentityListingMixin.setup).
    search_fields = ["name", "position_title", "office_email", "office_website", "evidence", *SUBMITTER_FIELDS]
    list_export = [
        "created_at",
        "country.code",
        "country.name",
        "name",
        "position_title",
        "office_email",
        "office_website",
        "evidence",
        "submitter_name",
        "submitter_email",
        "status",
        "handled_at",
    ]
    export_headings = {
        "created_at": _("Suggested at"),
        "country.code": _("Country code"),
        "country.name": _("Country"),
        "name": _("Name"),
        "position_title": _("Post"),
        "office_email": _("Email of the office"),
        "office_website": _("Website of the office"),
        "evidence": _("Source or evidence"),
        "submitter_name": _("Member's name"),
        "submitter_email": _("Member's email"),
        "status": _("Status"),
        "handled_at": _("Handled at"),
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn("name", label=_("Name"), sort_key="name"),
            Column(
                "country", label=_("Country"), accessor=lambda suggestion: suggestion.country.name, sort_key="country"
            ),
            Column("position_title", label=_("Post"), sort_key="position_title"),
            Column("office", label=_("Office"), accessor=office_of),
            Column(
                "evidence",
                label=_("Source or evidence"),
                accessor=lambda suggestion: truncatechars(suggestion.evidence, 200),
            ),
            *([Column("submitter", label=_("Suggested by"), accessor=submitter_of)] if self.shows_member else []),
            DateColumn("created_at", label=_("Suggested"), sort_key="created_at"),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                primary=lambda suggestion: suggestion.is_open,
                sort_key="status",
            ),
            # An explicit accessor: a column name that is a method would be called for every row.
            CreatePageColumn("actions", label="", accessor=lambda suggestion: ""),
        ]

    # Access follows page permissions (see dispatch), not model permissions.
    permission_policy = None

    def dispatch(self, request, *args, **kwargs):
        if not can_edit_decision_makers(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return visible_suggestions(self.request.user).select_related("handled_by")

    def get_filename(self):
        return f"decision-maker-suggestions-{timezone.localdate():%Y-%m-%d}"


def directory_for(suggestion):
    """The directory the draft goes under: the one the member used, in the default language when
    it is translated (translations are synchronised from there); else the first directory."""
    directories = directory_pages().order_by("path").specific()
    used = directories.filter(pk=suggestion.directory_id).first() if suggestion.directory_id else None
    if used is not None:
        return directories.filter(translation_key=used.translation_key, locale=Locale.get_default()).first() or used
    return directories.filter(locale=Locale.get_default()).first() or directories.first()


def draft_page_from(suggestion, directory):
    """An unsaved, unpublished decision-maker page (of *directory*'s decision-maker type) holding what
    the member suggested about the post, never who she is: every editor of the directory reads the
    draft and its revisions."""
    return directory.get_decision_maker_model()(
        title=suggestion.name,
        position_title=suggestion.position_title,
        country=suggestion.country,
        email=suggestion.office_email,
        website=suggestion.office_website,
        # A link in the evidence is where an editor checks the post; anything else stays in the suggestion.
        source_url=suggestion.evidence if is_url(suggestion.evidence) else "",
        live=False,
    )


def is_url(text: str) -> bool:
    """True when *text* is one web address that fits the page's source field."""
    text = text.strip()
    if not text or len(text) > 200:
        return False
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        return False
    return True


@require_POST
def create_draft_page(request, pk: int):
    """Create an unpublished decision-maker page from the suggestion and mark it handled."""
    suggestion = get_object_or_404(visible_suggestions(request.user), pk=pk)
    if not suggestion.is_open:
        messages.warning(request, gettext("This suggestion has already been handled."))
        return redirect(INDEX_URL_NAME)
    directory = directory_for(suggestion)
    if directory is None:
        messages.error(request, gettext("There is no directory to add the decision maker to yet."))
        return redirect(INDEX_URL_NAME)
    if not directory.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    page = draft_page_from(suggestion, directory)
    try:
        with transaction.atomic():
            directory.add_child(instance=page)
            page.save_revision(user=request.user, log_action=True)
            suggestion.mark_handled(request.user, draft_page=page)
    except ValidationError as error:
        messages.error(
            request,
            gettext("The draft page could not be created: %(errors)s") % {"errors": " ".join(error.messages)},
        )
        return redirect(INDEX_URL_NAME)
    messages.success(
        request,
        gettext("A draft page for %(name)s was created: check it and publish it.") % {"name": suggestion.name},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


class SuggestionViewSet(ViewSet):
    name = "advocacy_suggestions"
    url_prefix = "advocacy/suggestions"
    icon = "user"
    menu_label = _("Suggestions")
    menu_icon = "user"
    menu_item_class = DecisionMakerEditorsMenuItem

    def get_urlpatterns(self):
        return refusals_as_403(
            [
                path("", SuggestionReportView.as_view(), name="index"),
                path("results/", SuggestionReportView.as_view(results_only=True), name="index_results"),
                path("<int:pk>/create-page/", create_draft_page, name="create_page"),
            ]
        )
