"""Admin viewsets of the app's snippets and listings."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from soroptimist_advocacy.letter_builder.sample_letters import (
    sample_letter_for_imported_document,
    sample_letter_for_template,
)
from soroptimist_advocacy.models import LetterTemplate
from soroptimist_advocacy.web.admin.forbidden import refusals_as_403

IMPORTED_DOCUMENT_TEMPLATE = "soroptimist_advocacy/admin/imported_letter_document.html"


class SampleLetterColumn(Column):
    """A link that downloads the template filled with sample details."""

    cell_template_name = "soroptimist_advocacy/admin/sample_letter_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = reverse(instance.snippet_viewset.get_url_name("sample_letter"), args=[instance.pk])
        return context


class ImportedDocumentColumn(Column):
    """ "Waiting for approval", linking to the review of a document a campaign bundle brought."""

    cell_template_name = "soroptimist_advocacy/admin/imported_document_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if instance.pending_document_id:
            context["url"] = reverse(instance.snippet_viewset.get_url_name("imported_document"), args=[instance.pk])
        return context


class ImportedDocumentView(WagtailAdminTemplateMixin, View):
    """Review a document a campaign bundle brought for this template: try it, then approve or discard it.

    Members get the template's own document until it is approved.
    """

    page_title = _("Imported letter template document")
    header_icon = "doc-full-inverse"
    # Given by the viewset (as_view() accepts only names the class has).
    permission_policy: ModelPermissionPolicy | None = None
    edit_url_name = ""
    sample_url_name = ""
    list_url_name = ""
    list_label = ""

    def dispatch(self, request, pk):
        self.template = get_object_or_404(LetterTemplate, pk=pk)
        policy = self.permission_policy  # none given: nobody may, rather than everybody
        if policy is None or not policy.user_has_permission_for_instance(request.user, "change", self.template):
            raise PermissionDenied
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.template.name

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.list_url_name), "label": self.list_label},
            {"url": reverse(self.edit_url_name, args=[self.template.pk]), "label": self.template.name},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, pk):
        if self.template.pending_document_id is None:
            return redirect(self.edit_url_name, pk)
        if request.GET.get("sample"):
            try:
                return sample_letter_for_imported_document(self.template)
            except (ValidationError, OSError) as error:
                messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return self.render()

    def post(self, request, pk):
        if self.template.pending_document_id is None:
            return redirect(self.edit_url_name, pk)
        if request.POST.get("action") == "discard":
            self.template.discard_pending_document()
            messages.success(request, gettext("The imported document was discarded; letters are unchanged."))
            return redirect(self.edit_url_name, pk)
        try:
            self.template.approve_pending_document()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            self.template.refresh_from_db()
            return self.render(status=400)
        log(instance=self.template, action="wagtail.edit", user=request.user)
        messages.success(request, gettext("Letters now use the imported document."))
        return redirect(self.edit_url_name, pk)

    def render(self, status=200):
        context = self.get_context_data(
            template=self.template,
            edit_url=reverse(self.edit_url_name, args=[self.template.pk]),
            sample_url=reverse(self.sample_url_name, args=[self.template.pk]),
        )
        return TemplateResponse(self.request, IMPORTED_DOCUMENT_TEMPLATE, context, status=status)


class LetterTemplateViewSet(SnippetViewSet):
    model = LetterTemplate
    icon = "doc-full-inverse"
    menu_label = _("Letter templates")
    list_display = [
        "name",
        "document",
        "locale",
        SampleLetterColumn("sample", label=_("Sample letter")),
        ImportedDocumentColumn("pending_document", label=_("Imported document")),
    ]
    search_fields = ["name"]

    def sample_letter_view(self, request, pk):
        if not self.permission_policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"]):
            raise PermissionDenied
        return sample_letter_for_template(get_object_or_404(LetterTemplate, pk=pk))

    @property
    def imported_document_view(self):
        return ImportedDocumentView.as_view(
            permission_policy=self.permission_policy,
            edit_url_name=self.get_url_name("edit"),
            sample_url_name=self.get_url_name("imported_document"),
            list_url_name=self.get_url_name("list"),
            list_label=self.menu_label,
        )

    def get_urlpatterns(self):
        # Wagtail's own snippet views answer a refusal as Wagtail does; the app's own views with a 403.
        return super().get_urlpatterns() + refusals_as_403(
            [
                path("sample/<int:pk>/", self.sample_letter_view, name="sample_letter"),
                path("imported/<int:pk>/", self.imported_document_view, name="imported_document"),
            ]
        )
