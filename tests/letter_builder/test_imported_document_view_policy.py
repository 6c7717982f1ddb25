"""The imported-document review view refuses everyone when no permission policy was given to it
(its viewset always gives one): found by the type check, it failed with an AttributeError."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from soroptimist_advocacy.letter_builder.admin import ImportedDocumentView
from soroptimist_advocacy.models import LetterTemplate


def test_without_a_policy_even_a_superuser_is_refused(db):
    template = LetterTemplate.objects.create(name="Letter")
    request = RequestFactory().get("/")
    request.user = get_user_model().objects.create_user(username="root", password="x", is_superuser=True)
    with pytest.raises(PermissionDenied):
        ImportedDocumentView.as_view()(request, pk=template.pk)
