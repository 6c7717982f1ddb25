"""The Action Kit page's body: every block an editor can place on a campaign."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from soroptimist_advocacy.blocks.content import (
    CallToActionBlock,
    DecisionMakerLookupBlock,
    DocumentLinkBlock,
    FAQBlock,
    HeadingBlock,
    QuoteBlock,
    RelatedLinksBlock,
    ResourceListBlock,
    ShareLinksBlock,
)
from soroptimist_advocacy.blocks.letter import LetterBuilderBlock
from soroptimist_advocacy.blocks.summary import CampaignSummaryBlock


class ActionKitBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), template="soroptimist_advocacy/blocks/paragraph.html")
    heading = HeadingBlock()
    resource_list = ResourceListBlock()
    document_link = DocumentLinkBlock()
    faq = FAQBlock()
    call_to_action = CallToActionBlock()
    share_links = ShareLinksBlock()
    related_links = RelatedLinksBlock()
    quote = QuoteBlock()
    decision_maker_lookup = DecisionMakerLookupBlock()
    letter_builder = LetterBuilderBlock()
    campaign_summary = CampaignSummaryBlock()

    class Meta:
        block_counts = {"letter_builder": {"max_num": 1}}
