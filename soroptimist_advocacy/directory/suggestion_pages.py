"""The ``suggest/`` route of a directory page: a member names a decision maker for a country."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpResponseRedirect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from soroptimist_advocacy.directory.member_form_pages import render_member_form, within_member_form_rate_limit
from soroptimist_advocacy.directory.suggestion_form import SuggestionForm
from soroptimist_advocacy.models.suggestion import DecisionMakerSuggestion
from soroptimist_advocacy.web.caching import no_store
from soroptimist_advocacy.web.countries import parse_country

FORM_TEMPLATE = "soroptimist_advocacy/pages/decision_maker_suggestion.html"
THANKS_TEMPLATE = "soroptimist_advocacy/pages/decision_maker_suggestion_thanks.html"
RATE_SCOPE = "suggestion"


def suggest_url(request, directory, country: str | None = None) -> str:
    """The suggestion form of *directory*, preset to *country* when given."""
    url = directory.get_url(request) + directory.reverse_subpage("suggest_route")
    return f"{url}?country={country}" if country else url


def thanks_url(request, directory) -> str:
    return directory.get_url(request) + directory.reverse_subpage("suggest_thanks_route")


def render_form(request, directory, form, *, status=200, rate_limited=False):
    return render_member_form(
        request, directory, FORM_TEMPLATE, "suggestion_form", form, status=status, rate_limited=rate_limited
    )


def save_suggestion(directory, form) -> DecisionMakerSuggestion:
    """Store the member's suggestion for *directory*; may be overridden to notify editors, for instance."""
    with transaction.atomic():
        suggestion = DecisionMakerSuggestion(
            directory=directory, **{name: form.cleaned_data[name] for name in SUGGESTION_FIELDS}
        )
        suggestion.save()
    return suggestion


SUGGESTION_FIELDS = (
    "country",
    "name",
    "position_title",
    "office_email",
    "office_website",
    "evidence",
    "submitter_name",
    "submitter_email",
)


@require_http_methods(["GET", "HEAD", "POST"])
@sensitive_post_parameters("evidence", "submitter_name", "submitter_email")
def serve_suggestion(request, directory):
    if request.method != "POST":
        return render_form(
            request, directory, SuggestionForm(initial={"country": parse_country(request.GET.get("country")) or ""})
        )
    if not within_member_form_rate_limit(request, RATE_SCOPE):
        return render_form(request, directory, None, status=429, rate_limited=True)
    form = SuggestionForm(request.POST)
    if form.is_spam():
        # Answer a bot exactly as a person, so it learns nothing; store nothing.
        return no_store(HttpResponseRedirect(thanks_url(request, directory)))
    if not form.is_valid():
        return render_form(request, directory, form, status=400)
    save_suggestion(directory, form)
    return no_store(HttpResponseRedirect(thanks_url(request, directory)))


@require_http_methods(["GET", "HEAD"])
def serve_suggestion_thanks(request, directory):
    return no_store(directory.render(request, template=THANKS_TEMPLATE))
