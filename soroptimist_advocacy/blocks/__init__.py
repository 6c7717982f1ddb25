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

__all__ = [
    "ActionKitBodyBlock",
    "CallToActionBlock",
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
