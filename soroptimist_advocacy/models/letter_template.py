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

from soroptimist_advocacy.letters import validate
from soroptimist_advocacy.models.template_versions import read_document_bytes, usable_template_bytes


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
        help_text=_("Upload the .docx as a document, then choose it here. Without one, the app's own letter is used."),
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

    def __str__(self) -> str:
        return self.name

    def read_template(self) -> bytes:
        """The bytes letters are rendered from: the document once validated, else its last
        good version, else the app's default letter (never an unvalidated file)."""
        return usable_template_bytes(self)

    def clean(self):
        super().clean()
        if self.document_id is None:
            return

        try:
            validate(read_document_bytes(self.document))
        except ValidationError as error:
            raise ValidationError({"document": error.messages}) from None
        except OSError:
            raise ValidationError({"document": _("The document's file cannot be read; upload it again.")}) from None


class LetterTemplate(LetterTemplateMixin, TranslatableMixin, models.Model):
    # A document that arrived with a campaign bundle imported without --live: members keep
    # getting ``document`` until an editor approves this one (or discards it). Set only by the
    # import, so not in the form; not copied into a new translation, which has its own document.
    pending_document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("imported document waiting for approval"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pending_since = models.DateTimeField(_("imported on"), null=True, blank=True, editable=False)

    exclude_fields_in_copy = ["pending_document", "pending_since"]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")

    def approve_pending_document(self) -> None:
        """Letters use the imported document from now on; validated again, as the snippet form does."""
        if self.pending_document_id is None:
            return
        self.document_id = self.pending_document_id
        self.pending_document = None
        self.pending_since = None
        self.full_clean()
        self.save()

    def discard_pending_document(self) -> None:
        """Forget the imported document; the template keeps the one letters use."""
        self.pending_document = None
        self.pending_since = None
        self.save(update_fields=["pending_document", "pending_since"])
