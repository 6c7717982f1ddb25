"""What the letter builder block needs to render its form on a campaign page."""

from __future__ import annotations

from urllib.parse import urlencode

from django.utils.translation import get_language_info

from soroptimist_advocacy.campaigns.sources import requested_source
from soroptimist_advocacy.directory.countries import parse_country
from soroptimist_advocacy.directory.suggestion_pages import suggest_url
from soroptimist_advocacy.letter_builder.forms import LetterForm
from soroptimist_advocacy.letter_builder.translation import translated_letter_locales
from soroptimist_advocacy.web.translations import live_translations


def letter_translations(page) -> dict:
    """The live translations of *page* whose letter text is fully translated, by language code."""
    cached = getattr(page, "_sa_letter_translations", None)
    if cached is None:
        translations = live_translations(page)
        offered = translated_letter_locales(page, translations)
        cached = {code: translation for code, translation in translations.items() if translation.locale_id in offered}
        page._sa_letter_translations = cached
    return cached


def letter_languages(page) -> list[tuple[str, str]]:
    """(code, name) of every language *page*'s letter is really translated into, its own
    language first when offered, each named in itself so a member finds hers."""
    translations = letter_translations(page)
    own = page.locale.language_code  # live_translations fetched the page's own locale along
    codes = ([own] if own in translations else []) + sorted(code for code in translations if code != own)
    if not codes:
        codes = [own]  # only when the source page itself is not live: no campaign to speak of
    choices = []
    for code in codes:
        try:
            name = get_language_info(code)["name_local"]
        except KeyError:
            name = code
        choices.append((code, name))
    return choices


def build_letter_form(page, data=None, initial=None, decision_makers_for_country=None) -> LetterForm:
    """The letter form of *page*, offering the decision makers of its directory (or those
    *decision_makers_for_country(code)* returns, e.g. from the letter setup cache)."""
    directory = page.get_directory()

    def from_directory(code):
        if directory is None or not code:
            return []
        return directory.get_decision_makers().filter(country=code)

    languages = letter_languages(page)  # the page's own language first
    return LetterForm(
        data=data,
        initial={"language": languages[0][0], **(initial or {})},
        decision_makers_for_country=decision_makers_for_country or from_directory,
        languages=languages,
    )


def report_url(page, page_url: str, country: str | None, source: str = "") -> str:
    """The report form of *page*, preset to the member's country (and campaign source) when known."""
    url = page_url + page.reverse_subpage("report_route")
    query = urlencode([(name, value) for name, value in (("country", country), ("source", source)) if value])
    return f"{url}?{query}" if query else url


def suggestion_url(page, request, country: str | None, decision_makers) -> str:
    """Where a member whose country has nobody listed can suggest someone ("" otherwise)."""
    directory = page.get_directory() if country and not decision_makers else None
    if directory is None or directory.get_url(request) is None:
        return ""
    return suggest_url(request, directory, country)


def letter_form_context(value, parent_context) -> dict:
    """Context for ``blocks/letter_builder.html``: a bound form after an invalid POST,
    otherwise a blank one preset to the ``?country=`` of the no-JS country step."""
    page = parent_context.get("page")
    request = parent_context.get("request")
    if page is None or not hasattr(page, "get_directory"):
        return {"letter_form": None}
    form = parent_context.get("letter_form")
    if form is None:
        country = parse_country(request.GET.get("country")) if request is not None else None
        form = build_letter_form(page, initial={"country": country or ""})
        if form.country_decision_makers:
            # Pre-tick the primary decision maker: most members write to her alone.
            form.initial["decision_maker"] = [form.country_decision_makers[0].pk]
    country = form.data.get("country") if form.is_bound else form.initial.get("country")
    chosen = form.data.getlist("decision_maker") if form.is_bound else form.initial.get("decision_maker", [])
    page_url = page.get_url(request)
    selected_country = parse_country(country)
    # Only a slug the page defines is rendered back: the cached page varies by normalised URL only.
    source = requested_source(page, form.data if form.is_bound else (request.GET if request is not None else {}))
    return {
        "campaign_source": source,
        "letter_form": form,
        "page_url": page_url,
        "letter_action": page_url + page.reverse_subpage("letter_route"),
        "report_url": report_url(page, page_url, selected_country, source),
        "selected_country": selected_country,
        "country_decision_makers": form.country_decision_makers,
        "suggest_url": suggestion_url(page, request, selected_country, form.country_decision_makers),
        "chosen_decision_makers": {str(value) for value in chosen},
        "campaign_state": page.campaign_state(),
    }
