"""Word templates for letters: a translatable snippet pointing at a Wagtail document."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class LetterTemplateMixin(models.Model):
    """A named ``.docx`` template. Each language may point at its own document.

    The file is a foreign key to a Wagtail document, never a FileField:
    wagtail-localize would copy a file field from the source on every sync and
    silently replace the French ``.docx``; an overridable synchronised foreign
    key is kept on re-sync.
    """

    name = models.CharField(_("name"), max_length=255)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("Word template (.docx)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Upload the .docx as a document, then choose it here. Without one, the app's own letter is used."
        ),
    )
    notes = models.TextField(_("notes for editors"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("document"), FieldPanel("notes")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("document", overridable=True),
        SynchronizedField("notes"),
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def read_template(self) -> bytes:
        """The template's raw bytes: its document, or the app's default letter."""
        from ..letters import default_template_bytes

        if self.document is None:
            return default_template_bytes()
        return read_document_bytes(self.document)

    def clean(self):
        super().clean()
        if self.document_id is None:
            return
        from ..letters import clean_template, validate

        try:
            validate(clean_template(read_document_bytes(self.document)))
        except ValidationError as error:
            raise ValidationError({"document": error.messages}) from None
        except OSError:
            raise ValidationError(
                {"document": _("The document's file cannot be read; upload it again.")}
            ) from None


def read_document_bytes(document) -> bytes:
    """Read a Wagtail document's file whatever the storage (local disk, S3...)."""
    with document.open_file() as handle:
        return handle.read()


class LetterTemplate(LetterTemplateMixin, TranslatableMixin, models.Model):
    class Meta(TranslatableMixin.Meta):
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
