"""Decision makers members suggested: the editors' listing beside corrections (see
``submissions``), and "Create draft page", which turns a suggestion into an unpublished
decision-maker page. The draft page never holds who suggested it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.shortcuts import redirect
from django.template.defaultfilters import truncatechars
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.models import Locale

from soroptimist_advocacy.directory.admin.columns import country_column
from soroptimist_advocacy.directory.admin.submissions import (
    HandleSubmissionView,
    SubmissionFilterSet,
    SubmissionIndexView,
    SubmissionViewSet,
)
from soroptimist_advocacy.directory.translations import translate_decision_maker
from soroptimist_advocacy.models.decision_maker import directory_pages
from soroptimist_advocacy.models.suggestion import DecisionMakerSuggestion
from soroptimist_advocacy.web.admin import url_names


class SuggestionFilterSet(SubmissionFilterSet):
    class Meta:
        model = DecisionMakerSuggestion
        fields = ["status"]


def office_of(suggestion) -> str:
    return " · ".join(value for value in (suggestion.office_email, suggestion.office_website) if value)


class SuggestionIndexView(SubmissionIndexView):
    """The suggestions for the directories an editor may add pages to, newest first."""

    page_title = _("Decision makers suggested by members")
    header_icon = "user"
    member_label = _("Suggested by")
    created_label = _("Suggested")
    handle_cell_template_name = "soroptimist_advocacy/admin/create_draft_cell.html"

    def get_about_columns(self):
        return [
            TitleColumn("name", label=_("Name"), sort_key="name", get_url=self.get_inspect_url),
            country_column(),
            Column("position_title", label=_("Post"), sort_key="position_title"),
            Column("office", label=_("Office"), accessor=office_of),
            Column(
                "evidence",
                label=_("Source or evidence"),
                accessor=lambda suggestion: truncatechars(suggestion.evidence, 200),
            ),
        ]


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


class CreateDraftPageView(HandleSubmissionView):
    """Create an unpublished decision-maker page from the suggestion and mark it handled."""

    model = DecisionMakerSuggestion
    # A suggestion she may not see is not found, whatever her rights; adding the page takes the
    # right to add one under the directory.
    permission_required = None

    def post(self, request, pk: int):
        suggestion = self.get_visible_submission("change")
        if not suggestion.is_open:
            messages.warning(request, gettext("This suggestion has already been handled."))
            return redirect(self.index_url_name)
        directory = directory_for(suggestion)
        if directory is None:
            messages.error(request, gettext("There is no directory to add the decision maker to yet."))
            return redirect(self.index_url_name)
        if not directory.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        page = draft_page_from(suggestion, directory)
        try:
            with transaction.atomic():
                directory.add_child(instance=page)
                page.save_revision(user=request.user, log_action=True)
                # A draft in every language of the directory, so publishing reaches every member.
                translate_decision_maker(page, request.user)
                suggestion.mark_handled(request.user, draft_page=page)
        except ValidationError as error:
            messages.error(
                request,
                gettext("The draft page could not be created: %(errors)s") % {"errors": " ".join(error.messages)},
            )
            return redirect(self.index_url_name)
        messages.success(
            request,
            gettext("A draft page for %(name)s was created: check it and publish it.") % {"name": suggestion.name},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)


class SuggestionViewSet(SubmissionViewSet):
    """Members' suggestions: the listing (with export), inspect, and "Create draft page"."""

    model = DecisionMakerSuggestion
    name = url_names.SUGGESTIONS
    url_prefix = "advocacy/suggestions"
    icon = "user"
    menu_label = _("Suggestions")
    menu_icon = "user"
    index_view_class = SuggestionIndexView
    filterset_class = SuggestionFilterSet
    export_filename = "decision-maker-suggestions"
    handle_view_class = CreateDraftPageView
    handle_path = "<int:pk>/create-page/"
    handle_url_name = "create_page"
