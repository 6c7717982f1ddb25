"""The app's models. Concrete classes here; behaviour lives in the ``*Mixin``
abstract models so a site can build its own page types on them."""

from .action_kit import ActionKitMixin, ActionKitPage
from .counter import LetterCounter
from .correction import DecisionMakerCorrection
from .decision_maker import (
    DecisionMakerIndexMixin,
    DecisionMakerIndexPage,
    DecisionMakerMixin,
    DecisionMakerPage,
)
from .letter_template import LetterTemplate, LetterTemplateMixin, LetterTemplateVersion
from .letter_template import LetterTemplate, LetterTemplateMixin
from .network import PartnerFeed
from .report import ActionReport, ActionType, ResponseStatus
from .resource import ResourceIndexMixin, ResourceIndexPage, ResourceMixin, ResourcePage, ResourceType
from .sync_state import DecisionMakerSyncState, DirectorySyncSource

__all__ = [
    "ActionKitMixin",
    "ActionKitPage",
    "ActionReport",
    "ActionType",
    "DecisionMakerCorrection",
    "DecisionMakerIndexMixin",
    "DecisionMakerIndexPage",
    "DecisionMakerMixin",
    "DecisionMakerPage",
    "LetterCounter",
    "LetterTemplate",
    "LetterTemplateMixin",
    "LetterTemplateVersion",
    "PartnerFeed",
    "DecisionMakerSyncState",
    "DirectorySyncSource",
    "ResourceIndexMixin",
    "ResourceIndexPage",
    "ResourceMixin",
    "ResourcePage",
    "ResourceType",
    "ResponseStatus",
]
