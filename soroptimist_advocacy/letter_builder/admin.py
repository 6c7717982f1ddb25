"""Admin viewsets of the app's snippets and listings."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from soroptimist_advocacy.letter_builder.sample_letters import sample_letter_for_template
from soroptimist_advocacy.models import LetterTemplate


class SampleLetterColumn(Column):
    """A link that downloads the template filled with sample details."""

    cell_template_name = "soroptimist_advocacy/admin/sample_letter_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = reverse(instance.snippet_viewset.get_url_name("sample_letter"), args=[instance.pk])
        return context


class LetterTemplateViewSet(SnippetViewSet):
    model = LetterTemplate
    icon = "doc-full-inverse"
    menu_label = _("Letter templates")
    list_display = ["name", "document", "locale", SampleLetterColumn("sample", label=_("Sample letter"))]
    search_fields = ["name"]

    def sample_letter_view(self, request, pk):
        if not self.permission_policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"]):
            raise PermissionDenied
        return sample_letter_for_template(get_object_or_404(LetterTemplate, pk=pk))

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("sample/<int:pk>/", self.sample_letter_view, name="sample_letter"),
        ]
