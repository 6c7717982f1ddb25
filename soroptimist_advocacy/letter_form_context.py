"""What the letter builder block needs to render its form on a campaign page."""

from __future__ import annotations

from .forms import LetterForm
from .models.decision_maker import parse_country


def build_letter_form(page, data=None, initial=None) -> LetterForm:
    """The letter form of *page*, offering the decision makers of its directory."""
    directory = page.get_directory()

    def decision_makers_for_country(code):
        if directory is None or not code:
            return []
        return directory.get_decision_makers().filter(country=code)

    return LetterForm(data=data, initial=initial or {}, decision_makers_for_country=decision_makers_for_country)


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
    return {
        "letter_form": form,
        "page_url": page_url,
        "letter_action": page_url + page.reverse_subpage("letter_route"),
        "selected_country": parse_country(country),
        "country_decision_makers": form.country_decision_makers,
        "chosen_decision_makers": {str(value) for value in chosen},
        "campaign_state": page.campaign_state(),
    }
