"""The letter builder: a form that turns a member's details into a .docx letter."""

from __future__ import annotations

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from soroptimist_advocacy.blocks.content import TEMPLATE_DIR
from soroptimist_advocacy.letters.limits import MAX_SECTIONS
from soroptimist_advocacy.letters.variables import TEXT_PLACEHOLDER_NAMES

# A member reads every alternative in full before choosing: more than four is a chore.
MAX_ALTERNATIVES = 4


class LetterSectionBlock(blocks.StructBlock):
    """A part of the letter the member words herself, by choosing one of the editor's paragraphs."""

    label = blocks.CharBlock(
        label=_("Section name"),
        help_text=_("Shown to members above the choices, e.g. “What we ask”."),
    )
    alternatives = blocks.ListBlock(
        blocks.TextBlock(label=_("Paragraph")),
        min_num=1,
        max_num=MAX_ALTERNATIVES,
        label=_("Alternative paragraphs"),
        help_text=_(
            "One to four paragraphs saying this in different words; each member chooses one, so offices "
            "receive letters that are not all alike. The placeholders of the letter text work here too."
        ),
    )

    class Meta:
        icon = "list-ul"
        label = _("Section")


class LetterBuilderBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), default=_("Write to your decision maker"))
    intro = blocks.RichTextBlock(label=_("Introduction"), required=False, features=["bold", "italic", "link"])
    subject = blocks.CharBlock(
        label=_("Subject"),
        required=False,
        default="",  # wagtail-localize cannot extract a segment from None
        help_text=_("The subject line of the letter, translated with the page; without one the page title is used."),
    )
    paragraphs = blocks.ListBlock(
        blocks.TextBlock(label=_("Paragraph")),
        label=_("Letter text"),
        # The placeholders come from letters/variables.py, the one list of them.
        help_text=format_lazy(
            _("The paragraphs of the letter. You may use {placeholders} and {last}."),
            placeholders=", ".join(f"{{{{ {name} }}}}" for name in TEXT_PLACEHOLDER_NAMES[:-1]),
            last=f"{{{{ {TEXT_PLACEHOLDER_NAMES[-1]} }}}}",
        ),
    )
    sections = blocks.ListBlock(
        LetterSectionBlock(),
        label=_("Sections members choose from"),
        max_num=MAX_SECTIONS,
        default=[],
        help_text=_(
            "Optional. Each section's chosen paragraph follows the letter text, in this order, then the "
            "member's own words if she writes any."
        ),
    )
    template = SnippetChooserBlock(
        "soroptimist_advocacy.LetterTemplate",
        label=_("Letter template"),
        required=False,
        help_text=_("A Word template for the letter; without one the app's own plain letter is used."),
    )
    generic_salutation = blocks.CharBlock(
        label=_("Salutation for a country without a decision maker"),
        default=_("Dear Minister"),
    )
    generic_addressee = blocks.CharBlock(
        label=_("Addressee for a country without a decision maker"),
        default=_("The Minister responsible for women's and gender equality"),
    )

    class Meta:
        icon = "mail"
        # Editors otherwise wonder why members see no language choice on a one-language campaign.
        help_text = _(
            "Members choose the letter's language only when this campaign's letter text is translated "
            "and published in two languages or more; otherwise the language field is hidden and the "
            "letter is in the page's language."
        )
        label = _("Letter builder")
        template = TEMPLATE_DIR + "letter_builder.html"

    def get_context(self, value, parent_context=None):
        """The page's letter form and links, as the campaign page gives them (``get_letter_form_context``)."""
        context = super().get_context(value, parent_context=parent_context)
        parent_context = parent_context or {}
        page = parent_context.get("page")
        if page is None or not hasattr(page, "get_letter_form_context"):
            context["letter_form"] = None  # not a campaign page: nothing to write a letter with
            return context
        context.update(page.get_letter_form_context(parent_context.get("request"), parent_context.get("letter_form")))
        return context
