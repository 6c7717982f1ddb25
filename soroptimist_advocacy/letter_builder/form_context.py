"""What the letter builder block shows on a campaign page: the form, and the links around it."""

from __future__ import annotations

from urllib.parse import urlencode

from django_countries import countries

from soroptimist_advocacy.directory.member_form_pages import suggest_url
from soroptimist_advocacy.letter_builder.forms import LetterForm
from soroptimist_advocacy.letter_builder.setup import LetterSetup
from soroptimist_advocacy.models.campaign_sources import requested_source
from soroptimist_advocacy.web.countries import parse_country


def report_url(page, page_url: str, country: str | None, source: str = "") -> str:
    """The report form of *page*, preset to the member's country (and campaign source) when known."""
    url = page_url + page.reverse_subpage("report_route")
    query = urlencode([(name, value) for name, value in (("country", country), ("source", source)) if value])
    return f"{url}?{query}" if query else url


def suggestion_url(request, directory, country: str | None, decision_makers) -> str:
    """Where a member whose country has nobody listed can suggest someone ("" otherwise)."""
    if not country or decision_makers or directory is None or directory.get_url(request) is None:
        return ""
    return suggest_url(request, directory, country)


def blank_letter_form(page, request) -> LetterForm:
    """The form of *page* as it is (a draft in a preview too), preset to the ``?country=`` of
    the no-JS country step, its primary decision maker ticked: most members write to her alone."""
    country = parse_country(request.GET.get("country")) if request is not None else None
    form = LetterForm(initial={"country": country or ""}, setup=LetterSetup(page, request))
    if form.country_decision_makers:
        form.initial["decision_maker"] = [form.country_decision_makers[0].pk]
    return form


def letter_form_context(page, request, form: LetterForm | None = None) -> dict:
    """Context for ``blocks/letter_builder.html``: *form* (bound, after an invalid POST) or
    a blank one, and the page's letter, report and suggestion addresses."""
    if form is None:
        form = blank_letter_form(page, request)
    # What the member posted, else what the blank form is preset to.
    country = form["country"].value()
    chosen = form["decision_maker"].value() or []
    page_url = page.get_url(request)
    selected_country = parse_country(country)
    # Only a slug the page defines is rendered back: the cached page varies by normalised URL only.
    source = requested_source(page, form.data if form.is_bound else (request.GET if request is not None else {}))
    return {
        "campaign_source": source,
        "letter_form": form,
        "page_url": page_url,
        "letter_action": page_url + page.reverse_subpage("letter_route"),
        "letter_text_action": page_url + page.reverse_subpage("letter_text_route"),
        "report_url": report_url(page, page_url, selected_country, source),
        # A club's letter-writing evening: one letter per member, for the country chosen here.
        "pack_url": page_url
        + page.reverse_subpage("pack_route")
        + (f"?{urlencode({'country': selected_country})}" if selected_country else ""),
        "selected_country": selected_country,
        "selected_country_name": countries.name(selected_country) if selected_country else "",
        "country_decision_makers": form.country_decision_makers,
        "suggest_url": suggestion_url(request, form.setup.directory, selected_country, form.country_decision_makers),
        "chosen_decision_makers": {str(value) for value in chosen},
        "campaign_state": page.campaign_state(),
    }
