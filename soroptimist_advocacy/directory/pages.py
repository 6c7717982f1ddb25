"""The route work of the directory's pages: a directory's coverage, suggestions and public
exports, a decision maker's corrections.

``DecisionMakerIndexMixin`` and ``DecisionMakerMixin`` reach it through their
``get_directory_pages()`` (the directory's forms and handlers sit above the models, so the
pages import them on use); their routes call their own hooks and these, never the reverse.
"""

from __future__ import annotations

from soroptimist_advocacy.directory import correction_pages, coverage_page, suggestion_pages
from soroptimist_advocacy.directory.correction_form import CorrectionForm
from soroptimist_advocacy.directory.public_export import export_response


class DirectoryPages:
    """The directory's route work for *page* (a directory or a decision maker); it keeps
    nothing but the page, so make one per use."""

    def __init__(self, page):
        self.page = page

    # -- a directory ---------------------------------------------------------------

    def coverage(self, request):
        """The campaigns' target countries, with whether and when a decision maker is listed."""
        return coverage_page.serve_coverage(request, self.page)

    def suggestion(self, request):
        """The "suggest a decision maker" form, and the member's suggestion stored."""
        return suggestion_pages.serve_suggestion(request, self.page)

    def suggestion_thanks(self, request):
        return suggestion_pages.serve_suggestion_thanks(request, self.page)

    def export(self, request, format: str):
        """The directory's live, real decision makers as "csv" or "json" (Popolo)."""
        return export_response(request, self.page, format)

    # -- a decision maker ------------------------------------------------------------

    def correction_form(self, data=None) -> CorrectionForm:
        return CorrectionForm(data)

    def save_correction(self, form):
        return correction_pages.save_correction(self.page, form)

    def correction_form_page(self, request, form, *, status: int = 200, rate_limited: bool = False):
        """The correction form's page (*form* None when the member is over the rate limit)."""
        return correction_pages.render_form(request, self.page, form, status=status, rate_limited=rate_limited)

    def within_correction_rate_limit(self, request) -> bool:
        return correction_pages.within_correction_rate_limit(request)

    def correction_thanks_url(self, request) -> str:
        return correction_pages.thanks_url(request, self.page)

    def correction_thanks(self, request):
        return correction_pages.serve_thanks(request, self.page)
