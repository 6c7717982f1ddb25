"""Admin viewsets of the app's snippets and listings."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import LetterTemplate


class LetterTemplateViewSet(SnippetViewSet):
    model = LetterTemplate
    icon = "doc-full-inverse"
    menu_label = _("Letter templates")
    list_display = ["name", "document", "locale"]
    search_fields = ["name"]
