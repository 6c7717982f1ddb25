"""StreamField blocks of the Action Kit page."""

from soroptimist_advocacy.blocks.action_kit import ActionKitBodyBlock
from soroptimist_advocacy.blocks.content import (
    CallToActionBlock,
    DecisionMakerLookupBlock,
    DocumentLinkBlock,
    FAQBlock,
    HeadingBlock,
    QuoteBlock,
    RelatedLinksBlock,
    ResourceBodyBlock,
    ResourceListBlock,
    ShareLinksBlock,
)
from soroptimist_advocacy.blocks.letter import LetterBuilderBlock
from soroptimist_advocacy.blocks.summary import CampaignSummaryBlock

__all__ = [
    "ActionKitBodyBlock",
    "CallToActionBlock",
    "CampaignSummaryBlock",
    "DecisionMakerLookupBlock",
    "DocumentLinkBlock",
    "FAQBlock",
    "HeadingBlock",
    "LetterBuilderBlock",
    "QuoteBlock",
    "RelatedLinksBlock",
    "ResourceBodyBlock",
    "ResourceListBlock",
    "ShareLinksBlock",
]
