"""Which saved rows change a letter setup (``letter_builder.setup``), so that only they reset it.

A letter setup reads, per campaign: the campaign page and its translations (the
letter builder block, the directory chosen), the directory and its translation,
the directory's decision makers, the letter templates of the block in every
language and the documents they point at, and wagtail-localize's string segments
and translations of the body (they decide which languages the letter is offered
in) and of the decision makers' salutations and address lines (a translation of
those reaches letters only when her page is published, which resets the setups). Saving anything else (a report, a session, a counter, a resource page, a PDF
no template uses) leaves every process's setups alone. Publishing and
unpublishing reset them through the purge handlers (``signal_handlers``).
"""

from __future__ import annotations

from django.apps import apps
from django.db import models
from wagtail.documents import get_document_model
from wagtail.models import Page, get_page_models
from wagtail_localize.models import StringSegment, StringTranslation, TranslationContext

from soroptimist_advocacy.models.action_kit import ActionKitMixin
from soroptimist_advocacy.models.decision_maker import DecisionMakerIndexMixin, DecisionMakerMixin
from soroptimist_advocacy.models.letter_template import LetterTemplateMixin

SETUP_PAGE_MIXINS = (ActionKitMixin, DecisionMakerIndexMixin, DecisionMakerMixin)
# The context path of every string in a page's body (the letter text lives there).
BODY_PATH_PREFIX = "body."


def letter_template_models() -> list[type[models.Model]]:
    return [model for model in apps.get_models() if issubclass(model, LetterTemplateMixin)]


def setup_page_models() -> list[type[Page]]:
    """Page types a setup reads, the site's own types built on the app's mixins included."""
    return [model for model in get_page_models() if issubclass(model, SETUP_PAGE_MIXINS)]


def setup_source_models() -> list[type[models.Model]]:
    """Every model whose saved rows may change a letter setup (:func:`changes_letter_setups` decides per row).

    ``Page`` itself is listed for pages saved as plain ``Page`` objects (a move, a script): their
    class is the base class, not the page's own type."""
    return [
        *setup_page_models(),
        Page,
        *letter_template_models(),
        get_document_model(),
        StringSegment,
        StringTranslation,
    ]


def changes_letter_setups(instance, created: bool = False) -> bool:
    """Whether saving *instance* may change what a letter setup holds."""
    if isinstance(instance, Page):
        return issubclass(instance.specific_class or Page, SETUP_PAGE_MIXINS)
    if isinstance(instance, LetterTemplateMixin):
        return True
    if isinstance(instance, get_document_model()):
        # A new document is no template's yet; a replaced file changes the letters of every template using it.
        return not created and any(
            model._default_manager.filter(document=instance).exists() for model in letter_template_models()
        )
    if isinstance(instance, StringSegment | StringTranslation):
        return TranslationContext.objects.filter(pk=instance.context_id, path__startswith=BODY_PATH_PREFIX).exists()
    return False
