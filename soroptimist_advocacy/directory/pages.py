"""The route work of the directory's pages: a directory's coverage, suggestions and public
exports, a decision maker's corrections.

``DecisionMakerIndexMixin`` and ``DecisionMakerMixin`` reach it through their
``get_directory_pages()`` (the directory's forms and handlers sit above the models, so the
pages import them on use); their routes call their own hooks and these, never the reverse.
"""

from __future__ import annotations

from soroptimist_advocacy.directory import coverage_page
from soroptimist_advocacy.directory.forms import CorrectionForm, SuggestionForm
from soroptimist_advocacy.directory.member_form_pages import CORRECTION, SUGGESTION, MemberFormPages
from soroptimist_advocacy.directory.public_export import export_response
from soroptimist_advocacy.models.correction import DecisionMakerCorrection
from soroptimist_advocacy.models.suggestion import DecisionMakerSuggestion


class DirectoryPages:
    """The directory's route work for *page* (a directory or a decision maker); it keeps
    nothing but the page, so make one per use."""

    def __init__(self, page) -> None:
        self.page = page

    # -- a directory ---------------------------------------------------------------

    def coverage(self, request):
        """The campaigns' target countries, with whether and when a decision maker is listed."""
        return coverage_page.serve_coverage(request, self.page)

    def suggestion_form(self, data=None, initial=None) -> SuggestionForm:
        """The "suggest a decision maker" form; saving it stores a suggestion made on this directory."""
        return SuggestionForm(data, initial=initial, instance=DecisionMakerSuggestion(directory=self.page))

    def suggestion_pages(self) -> MemberFormPages:
        """The suggestion form's page, its thank-you page and its rate limit."""
        return MemberFormPages(self.page, SUGGESTION)

    def export(self, request, format: str):
        """The directory's live, real decision makers as "csv" or "json" (Popolo)."""
        return export_response(request, self.page, format)

    # -- a decision maker ------------------------------------------------------------

    def correction_form(self, data=None) -> CorrectionForm:
        """The "this information is out of date" form; saving it stores a correction of this decision maker."""
        return CorrectionForm(data, instance=DecisionMakerCorrection.for_page(self.page))

    def correction_pages(self) -> MemberFormPages:
        """The correction form's page, its thank-you page and its rate limit."""
        return MemberFormPages(self.page, CORRECTION)
