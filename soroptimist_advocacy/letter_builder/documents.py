"""A Wagtail document form that refuses a replacement file a letter template cannot use.

Anyone allowed to change documents (Wagtail's default Editors group) may
replace the file behind an approved letter template without any right on
letter templates. Configured as ``WAGTAILDOCS_DOCUMENT_FORM_BASE``, this form
validates the new file then, with the messages the template snippet gives.
Other writes (the API, storage changed directly) are caught when letters are
rendered: the engine never renders bytes it has not validated.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from soroptimist_advocacy.letters import validate
from soroptimist_advocacy.models import LetterTemplate

DOCUMENT_FORM_BASE_PATH = "soroptimist_advocacy.letter_builder.documents.LetterSafeDocumentForm"
REFUSED_FOR_LETTERS = _(
    "This document is a letter template (%(templates)s), and this file cannot replace it: %(reason)s"
)


def letter_templates_using(document) -> list:
    if document.pk is None:
        return []
    return list(LetterTemplate.objects.filter(document=document).order_by("pk")[:5])


class LetterSafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form, checking a new file against the letter templates that use the document."""

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("file")
        if upload is None or "file" not in self.changed_data:
            return cleaned_data
        templates = letter_templates_using(self.instance)
        if not templates:
            return cleaned_data

        upload.seek(0)
        data = upload.read()
        upload.seek(0)
        try:
            validate(data)
        except ValidationError as error:
            names = ", ".join(str(template) for template in templates)
            for message in error.messages:
                self.add_error(
                    "file",
                    ValidationError(
                        REFUSED_FOR_LETTERS, code="letter_template", params={"templates": names, "reason": message}
                    ),
                )
        return cleaned_data
