"""Admin registrations: snippets and viewsets."""

from wagtail.snippets.models import register_snippet

from .viewsets import LetterTemplateViewSet

register_snippet(LetterTemplateViewSet)
