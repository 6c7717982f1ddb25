"""StreamField blocks of the Action Kit page."""

from .action_kit import ActionKitBodyBlock
from .content import (
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
from .letter import LetterBuilderBlock
from .summary import CampaignSummaryBlock

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
