"""The app's models. Concrete classes here; behaviour lives in the ``*Mixin``
abstract models so a site can build its own page types on them."""

from soroptimist_advocacy.models.action_kit import ActionKitMixin, ActionKitPage
from soroptimist_advocacy.models.bundle_upload import CampaignBundleUpload
from soroptimist_advocacy.models.correction import DecisionMakerCorrection
from soroptimist_advocacy.models.counter import LetterCounter
from soroptimist_advocacy.models.decision_maker import (
    DecisionMakerIndexMixin,
    DecisionMakerIndexPage,
    DecisionMakerMixin,
    DecisionMakerPage,
)
from soroptimist_advocacy.models.letter_reference import LetterReference, SendingChannel
from soroptimist_advocacy.models.letter_template import LetterTemplate, LetterTemplateMixin
from soroptimist_advocacy.models.network import PartnerFeed
from soroptimist_advocacy.models.report import ActionReport, ActionType, ResponseStatus
from soroptimist_advocacy.models.resource import (
    ResourceIndexMixin,
    ResourceIndexPage,
    ResourceMixin,
    ResourcePage,
    ResourceType,
)
from soroptimist_advocacy.models.section_choice import SectionChoiceCounter
from soroptimist_advocacy.models.suggestion import DecisionMakerSuggestion
from soroptimist_advocacy.models.sync_state import DecisionMakerSyncState, DirectorySyncSource
from soroptimist_advocacy.models.template_versions import LetterTemplateVersion

__all__ = [
    "ActionKitMixin",
    "ActionKitPage",
    "ActionReport",
    "ActionType",
    "CampaignBundleUpload",
    "DecisionMakerCorrection",
    "DecisionMakerIndexMixin",
    "DecisionMakerIndexPage",
    "DecisionMakerMixin",
    "DecisionMakerPage",
    "DecisionMakerSuggestion",
    "LetterCounter",
    "LetterReference",
    "SectionChoiceCounter",
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
    "SendingChannel",
]
