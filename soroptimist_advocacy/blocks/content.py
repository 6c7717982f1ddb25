"""The content blocks an editor assembles an Action Kit page from."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.models import Locale, Page

from soroptimist_advocacy.web.countries import country_choices_for
from soroptimist_advocacy.web.links import web_address_validator
from soroptimist_advocacy.web.translations import in_active_language, live_in_active_language

TEMPLATE_DIR = "soroptimist_advocacy/blocks/"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
        help_text=_("The page title is the only top-level heading."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = TEMPLATE_DIR + "heading.html"


class ResourceListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False)
    resources = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="soroptimist_advocacy.ResourcePage", label=_("Resource")),
        label=_("Resources"),
    )
    show_all_link = blocks.BooleanBlock(
        label=_('Show a "See all resources" link'),
        required=False,
        default=False,
        help_text=_("A link after the list to the page listing every resource (Project Tools and Resources)."),
    )
    all_resources_page = blocks.PageChooserBlock(
        page_type="soroptimist_advocacy.ResourceIndexPage",
        label=_("Resource listing"),
        required=False,
        help_text=_("Defaults to the listing the first resource belongs to."),
    )

    class Meta:
        icon = "folder-open-inverse"
        label = _("Resource list")
        template = TEMPLATE_DIR + "resource_list.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # The chooser's page type, not an import of the model: models import these blocks.
        resource_model = self.child_blocks["resources"].child_block.target_model
        context["resources"] = live_in_active_language(resource_model, value.get("resources") or [])
        if value.get("show_all_link"):
            context["all_resources_page"] = resource_listing(value.get("all_resources_page"), context["resources"])
        return context


def resource_listing(chosen, resources):
    """The live resource listing in the visitor's language: the chosen one, else the
    listing the first shown resource belongs to (one query), else None."""
    if chosen is not None:
        translated = (
            Page.objects.live().filter(translation_key=chosen.translation_key, locale=Locale.get_active()).first()
        )
        return translated or (chosen if chosen.live else None)
    if not resources:
        return None
    # The parent's tree path is the child's minus its last step: no get_parent() round trip per resource.
    parent_path = resources[0].path[: -Page.steplen]
    return Page.objects.live().filter(path=parent_path).first()


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, help_text=_("Defaults to the document's title."))
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = TEMPLATE_DIR + "document_link.html"


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"))
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ol", "ul"])


class FAQBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False)
    items = blocks.ListBlock(QuestionAnswerBlock(), label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("FAQ")
        template = TEMPLATE_DIR + "faq.html"


class LinkStructValue(blocks.StructValue):
    def url(self) -> str:
        page = self.get("page")
        if page is not None:
            return in_active_language(page).url
        return self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"))
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(label=_("External URL"), required=False, validators=[web_address_validator])

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = TEMPLATE_DIR + "call_to_action.html"
        value_class = LinkStructValue


SHARE_NETWORKS = [
    ("facebook", "Facebook"),
    ("x", "X"),
    ("linkedin", "LinkedIn"),
    ("whatsapp", "WhatsApp"),
    ("email", _("Email")),
]


class ShareLinksBlock(blocks.StructBlock):
    """Plain share links: no third-party scripts, no tracking pixels."""

    heading = blocks.CharBlock(label=_("Heading"), required=False)
    share_text = blocks.TextBlock(label=_("Share text"), help_text=_("The message people share with the link."))
    handle = blocks.CharBlock(
        label=_("Handle"), required=False, max_length=64, help_text=_("For example @SoroptiTweet; added to posts on X.")
    )
    networks = blocks.MultipleChoiceBlock(
        label=_("Networks"),
        choices=SHARE_NETWORKS,
        default=[value for value, _label in SHARE_NETWORKS],
    )

    class Meta:
        icon = "link"
        label = _("Share links")
        template = TEMPLATE_DIR + "share_links.html"


class RelatedLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(label=_("External URL"), required=False, validators=[web_address_validator])
    date = blocks.DateBlock(label=_("Date"), required=False)

    class Meta:
        value_class = LinkStructValue


class RelatedLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False)
    links = blocks.ListBlock(RelatedLinkBlock(), label=_("Links"))

    class Meta:
        icon = "list-ul"
        label = _("Related links")
        template = TEMPLATE_DIR + "related_links.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = TEMPLATE_DIR + "quote.html"


class DecisionMakerLookupBlock(blocks.StructBlock):
    """ "Who is responsible in your country?": a country select that opens the directory."""

    heading = blocks.CharBlock(label=_("Heading"), required=False)
    text = blocks.TextBlock(label=_("Text"), required=False)
    directory = blocks.PageChooserBlock(
        page_type="soroptimist_advocacy.DecisionMakerIndexPage",
        label=_("Directory"),
        required=False,
        help_text=_("Defaults to the campaign's directory."),
    )

    class Meta:
        icon = "search"
        label = _("Decision-maker lookup")
        template = TEMPLATE_DIR + "decision_maker_lookup.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        directory = value.get("directory")
        page = (parent_context or {}).get("page")
        if directory is None and page is not None:
            directory = getattr(page, "get_directory", lambda: None)()
        if directory is not None:
            directory = in_active_language(directory).specific
            context["directory"] = directory
            context["country_choices"] = country_choices_for(directory.get_decision_makers())
        return context


class ResourceBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("Paragraph"))
    heading = HeadingBlock()
    faq = FAQBlock()
    quote = QuoteBlock()
