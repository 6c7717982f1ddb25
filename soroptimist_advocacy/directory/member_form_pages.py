"""The pages of the directory's two member forms (a correction of a decision maker on her page's
``correction/`` route, a suggestion of one on a directory's ``suggest/`` route): the form page and
the thank-you page, never cached, and one rate limit per form, with the same settings.

The routes and their hooks are the pages' methods (``DecisionMakerMixin.correction_route``,
``DecisionMakerIndexMixin.suggest_route``); they reach these through ``get_directory_pages()``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpResponseRedirect

from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.web.caching import no_store
from soroptimist_advocacy.web.ratelimit import hit, rate_limited_page

TEMPLATE_DIR = "soroptimist_advocacy/pages/"


@dataclass(frozen=True)
class MemberFormKind:
    """What tells one member form's pages from the other's: its *name* (its templates
    ``decision_maker_<name>.html`` and ``…_thanks.html``, on ``member_form.html`` and
    ``member_form_thanks.html``; its own rate-limit count) and the *route* it is posted to
    (thanked at ``<route>/thanks/``)."""

    name: str
    route: str

    @property
    def form_template(self) -> str:
        return f"{TEMPLATE_DIR}decision_maker_{self.name}.html"

    @property
    def thanks_template(self) -> str:
        return f"{TEMPLATE_DIR}decision_maker_{self.name}_thanks.html"

    @property
    def thanks_route(self) -> str:
        return f"{self.route}_thanks_route"


CORRECTION = MemberFormKind(name="correction", route="correction")
SUGGESTION = MemberFormKind(name="suggestion", route="suggest")


def suggest_url(request, directory, country: str | None = None) -> str:
    """The suggestion form of *directory*, preset to *country* when given."""
    url = directory.get_url(request) + directory.reverse_subpage("suggest_route")
    return f"{url}?country={country}" if country else url


class MemberFormPages:
    """The pages of one member form (*kind*) on *page*, the decision maker or the directory it is sent from."""

    def __init__(self, page, kind: MemberFormKind) -> None:
        self.page = page
        self.kind = kind

    def form_page(self, request, form, *, status: int = 200):
        """The page with the member's *form* (its errors after an invalid POST)."""
        response = self.page.render(request, template=self.kind.form_template, context_overrides={"form": form})
        response.status_code = status
        return no_store(response)

    def within_rate_limit(self, request) -> bool:
        """Count a POST of this form; False once over the limit. Each form is counted apart, with
        the correction limits: both are short forms a member sends now and then."""
        return hit(
            request,
            self.kind.name,
            limit=settings.CORRECTION_RATE_LIMIT,
            window=settings.CORRECTION_RATE_WINDOW,
        )

    def rate_limited(self, request):
        """The form's page saying she has sent several in a short time (429), with no form."""
        context = {"form": None, "rate_limited": True}
        return rate_limited_page(
            request, self.page, self.kind.form_template, int(settings.CORRECTION_RATE_WINDOW), context
        )

    def sent(self, request):
        """Where a sent form goes: its thank-you page, so reloading never sends it twice."""
        url = self.page.get_url(request) + self.page.reverse_subpage(self.kind.thanks_route)
        return no_store(HttpResponseRedirect(url))

    def thanks(self, request):
        return no_store(self.page.render(request, template=self.kind.thanks_template))
