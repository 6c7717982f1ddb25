"""The letter builder of a campaign page: what its letter hooks do by default.

``ActionKitMixin.get_letter_builder()`` hands the page's hooks one of these (the
letter builder sits above the models, so the page imports it on use, as
``wagtail.contrib.forms`` pages do their views). Each method goes one way down, to
the module that does the work, and never back into the page: the page's
``letter_route`` calls the hooks, the hooks call this, this calls the form, the
contexts, the letter setup or the delivery.
"""

from __future__ import annotations

from soroptimist_advocacy.letter_builder.contexts import letter_contexts
from soroptimist_advocacy.letter_builder.delivery import deliver_letter
from soroptimist_advocacy.letter_builder.form_context import letter_form_context
from soroptimist_advocacy.letter_builder.forms import LetterForm
from soroptimist_advocacy.letter_builder.sample_letters import sample_letter_for_page
from soroptimist_advocacy.letter_builder.setup import LetterSetup, get_letter_setup


class LetterBuilder:
    """The letter builder of *page*; it keeps nothing but the page, so make one per use."""

    def __init__(self, page):
        self.page = page

    def setup(self) -> LetterSetup:
        """The page's letter setup as this process keeps it (built on the first letter since the
        last change; ``letter_builder.setup``)."""
        return get_letter_setup(self.page)

    def form(self, data=None, initial=None, setup: LetterSetup | None = None) -> LetterForm:
        """The letter form offering *setup*'s decision makers and languages (the page's own,
        read now, without one)."""
        return LetterForm(data=data, initial=initial, setup=setup or LetterSetup(self.page))

    def contexts(self, form: LetterForm) -> list[dict]:
        """The engine's context per recipient of a valid *form*."""
        return letter_contexts(form)

    def template(self, language: str) -> bytes:
        """The .docx template bytes of the letter in *language*."""
        return self.setup().template_bytes(language)

    def deliver(self, request, form: LetterForm, contexts: list[dict], template: bytes):
        """The .docx response, counted; None when the letter is too long to make (*form* says so)."""
        return deliver_letter(request, self.page, form, contexts, template)

    def form_context(self, request, form: LetterForm | None = None) -> dict:
        """The letter builder block's context: *form* after an invalid POST, else a blank one."""
        return letter_form_context(self.page, request, form)

    def sample_letter(self):
        """The letter a member would get, from a sample member: the page's preview mode."""
        return sample_letter_for_page(self.page)
