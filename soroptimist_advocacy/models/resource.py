"""Campaign resources: statements, letters, FAQs and toolkits, and their listing."""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, get_page_models
from wagtail.search import index

from soroptimist_advocacy.blocks.content import ResourceBodyBlock
from soroptimist_advocacy.models.public import PublicPageMixin, SharedCacheMixin
from soroptimist_advocacy.web.links import web_address_validator
from soroptimist_advocacy.web.privacy import publicly_visible


class ResourceType(models.TextChoices):
    STATEMENT = "statement", _("Statement")
    JOINT_STATEMENT = "joint_statement", _("Joint statement")
    LETTER = "letter", _("Letter")
    FAQ = "faq", _("FAQ")
    TOOLKIT = "toolkit", _("Toolkit")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other")


def resource_type_value(value: str) -> str | None:
    """A ``?type=`` value as the page cache keys it: a resource type, or None (the page shows an error)."""
    return value if value in ResourceType.values else None


class ResourceIndexMixin(SharedCacheMixin, PublicPageMixin, models.Model):
    """The "Project Tools and Resources" listing, filterable by ``?type=``."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    # ``?type=`` is the only query parameter the listing reads (see web/page_cache.py).
    cache_query_parameters = {"type": resource_type_value}

    class Meta:
        abstract = True

    @classmethod
    def get_resource_page_model(cls):
        """The page model of this listing's resources (its first ResourceMixin subpage type); may be overridden."""
        for model in cls.allowed_subpage_models():
            if issubclass(model, ResourceMixin):
                return model
        return apps.get_model("soroptimist_advocacy", "ResourcePage")

    def get_resources(self):
        """The listing's publicly visible resources (live, no view restriction), newest first;
        may be overridden (start from its result)."""
        return (
            publicly_visible(self.get_resource_page_model().objects.child_of(self))
            .select_related("document")
            .order_by("-publication_date", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resources = self.get_resources()
        requested_type = request.GET.get("type", "")
        selected_type = requested_type if requested_type in ResourceType.values else ""
        available_types = set(resources.order_by().values_list("resource_type", flat=True).distinct())
        context.update(
            resource_types=[(value, label) for value, label in ResourceType.choices if value in available_types],
            selected_type=selected_type,
            type_error=bool(requested_type) and not selected_type,
            resources=resources.filter(resource_type=selected_type) if selected_type else resources,
        )
        return context


class ResourceIndexPage(ResourceIndexMixin, Page):  # noqa: DJ008 - Page.__str__ (the title) comes first in the MRO
    subpage_types = ["soroptimist_advocacy.ResourcePage"]
    template = "soroptimist_advocacy/pages/resource_index_page.html"

    class Meta:
        verbose_name = _("resource listing")
        verbose_name_plural = _("resource listings")


class ResourceMixin(PublicPageMixin, models.Model):
    """One resource: a document or an external link, with optional FAQ/glossary content."""

    resource_type = models.CharField(
        _("resource type"), max_length=32, choices=ResourceType.choices, default=ResourceType.OTHER, db_index=True
    )
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    external_url = models.URLField(_("external URL"), blank=True, validators=[web_address_validator])
    body = StreamField(
        ResourceBodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_('FAQ or glossary content, such as "explanations of some of the language used".'),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("resource_type"), FieldPanel("publication_date")]),
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("external_url"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("resource_type"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.document_id and self.external_url:
            raise ValidationError({"external_url": _("Give either a document or an external URL, not both.")})

    @property
    def link_url(self) -> str:
        """Where the resource's main link points: its document, its URL, or its own page."""
        if self.document:
            return self.document.url
        return self.external_url or self.url


class ResourcePage(ResourceMixin, Page):  # noqa: DJ008 - Page.__str__ (the title) comes first in the MRO
    parent_page_types = ["soroptimist_advocacy.ResourceIndexPage"]
    subpage_types: list[str] = []
    template = "soroptimist_advocacy/pages/resource_page.html"

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")


def resource_page_models() -> list[type[Page]]:
    """Every resource page type: the app's and a site's own, built on ResourceMixin."""
    return [model for model in get_page_models() if issubclass(model, ResourceMixin)]
