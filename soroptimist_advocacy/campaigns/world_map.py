"""A campaign's world map: each country shaded by how far members got there.

Drawn from the per-country entries of ``figures.json`` (``figures_json.country_entries``, and the
same entries of partner sites' feeds for the network), which come from the figures cache: a map
costs no query. The drawn map is cached under a digest of those entries, the target countries
and the language (``maps.cache``).

A country's state, the first that holds: a response was received; letters were confirmed sent
or an action was reported (``letters_sent`` is read where the figures have it, else 0); letters
were made; it is a target not reached yet; it is not a target.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext
from django_countries import countries

from soroptimist_advocacy.maps.cache import cached_map
from soroptimist_advocacy.maps.figure import WorldMap
from soroptimist_advocacy.maps.svg import MapCountry, MapState, render_svg

TABLE_TEMPLATE = "soroptimist_advocacy/includes/campaign_map_table.html"
RESPONDED, SENT, MADE, NOT_REACHED, NOT_TARGET = "responded", "sent", "made", "not-reached", "not-target"
STATE_ORDER = (RESPONDED, SENT, MADE, NOT_REACHED, NOT_TARGET)
# A sequential blue for what members did (darker is further), a pale orange for the targets left.
FILLS = {RESPONDED: "#08519c", SENT: "#3182bd", MADE: "#9ecae1", NOT_REACHED: "#fdd49e", NOT_TARGET: "#e0e0e0"}


@dataclass(frozen=True)
class CountryCounts:
    """One country's figures on the map, summed over the sites drawn."""

    letters: int = 0
    letters_sent: int = 0
    actions: int = 0
    responses: int = 0

    def __add__(self, other: CountryCounts) -> CountryCounts:
        return CountryCounts(
            letters=self.letters + other.letters,
            letters_sent=self.letters_sent + other.letters_sent,
            actions=self.actions + other.actions,
            responses=self.responses + other.responses,
        )


def map_states() -> dict[str, MapState]:
    """The states with their legend labels in the active language."""
    labels = {
        RESPONDED: gettext("Response received"),
        SENT: gettext("Letters sent or action reported"),
        MADE: gettext("Letters made"),
        NOT_REACHED: gettext("Target not reached yet"),
        NOT_TARGET: gettext("Not a target"),
    }
    return {key: MapState(key=key, label=labels[key], fill=FILLS[key]) for key in STATE_ORDER}


def country_state(counts: CountryCounts, is_target: bool) -> str:
    """The one rule for a country's state on the map (see the module docstring)."""
    if counts.responses:
        return RESPONDED
    if counts.letters_sent or counts.actions:
        return SENT
    if counts.letters:
        return MADE
    return NOT_REACHED if is_target else NOT_TARGET


def counts_by_country(*sites: Iterable[dict]) -> dict[str, CountryCounts]:
    """Entries shaped like ``figures.json``'s ``countries`` (one iterable per site), summed per country."""
    totals: dict[str, CountryCounts] = {}
    for entries in sites:
        for entry in entries:
            code = entry.get("country")
            if not isinstance(code, str) or code not in countries:  # The site's countries, by code.
                continue
            counts = CountryCounts(
                letters=int(entry.get("letters") or 0),
                letters_sent=int(entry.get("letters_sent") or 0),
                actions=int(entry.get("actions") or 0),
                responses=int(entry.get("responses") or 0),
            )
            totals[code] = totals.get(code, CountryCounts()) + counts
    return totals


def title_formats() -> tuple[str, str]:
    """A country's tooltip without figures and with them, in the active language (looked up once per map)."""
    return (
        gettext("%(country)s: %(state)s"),
        gettext(
            "%(country)s: %(state)s. Letters made: %(letters)s, letters sent: %(sent)s, actions reported: "
            "%(actions)s, responses received: %(responses)s."
        ),
    )


def country_title(formats: tuple[str, str], name: str, state: MapState, counts: CountryCounts | None) -> str:
    if counts is None:
        return formats[0] % {"country": name, "state": state.label}
    return formats[1] % {
        "country": name,
        "state": state.label,
        "letters": counts.letters,
        "sent": counts.letters_sent,
        "actions": counts.actions,
        "responses": counts.responses,
    }


def table_rows(rows: list[tuple[str, str, MapState, CountryCounts]]) -> SafeString:
    """The table's body: built here rather than in the template, whose per-cell number formatting
    would cost a cold map most of its time; every value escaped."""
    return format_html_join(
        "\n",
        '<tr class="sa-map--{}" data-country="{}"><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td>'
        "<td>{}</td><td>{}</td></tr>",
        (
            (state.key, code, name, state.label, counts.letters, counts.letters_sent, counts.actions, counts.responses)
            for code, name, state, counts in rows
        ),
    )


def draw_campaign_map(by_country: dict[str, CountryCounts], target_codes: Collection[str] | None) -> dict[str, str]:
    """The map's SVG and table (see ``WorldMap``); *target_codes* None means every country is a target."""
    states = map_states()
    formats = title_formats()
    map_countries, rows = [], []
    reached = targets = 0
    for code, name in countries:  # Named and sorted in the active language.
        is_target = target_codes is None or code in target_codes
        counts = by_country.get(code)
        state = states[country_state(counts or CountryCounts(), is_target)]
        map_countries.append(MapCountry(code=code, state=state, title=country_title(formats, str(name), state, counts)))
        targets += is_target
        reached += is_target and state.key != NOT_REACHED
        if state.key != NOT_TARGET:
            rows.append((code, str(name), state, counts or CountryCounts()))
    title = ngettext(
        "World map of the campaign: %(reached)s of %(targets)s target country reached",
        "World map of the campaign: %(reached)s of %(targets)s target countries reached",
        targets,
    ) % {"reached": reached, "targets": targets}
    svg = render_svg(
        map_countries,
        list(states.values()),
        title,
        language=translation.get_language() or "",
        right_to_left=translation.get_language_bidi(),
    )
    return {"svg": svg, "table": render_to_string(TABLE_TEMPLATE, {"rows": table_rows(rows), "title": title})}


def campaign_map(by_country: dict[str, CountryCounts], target_codes: Collection[str] | None) -> WorldMap:
    """The campaign's map in the active language, from the shared cache when drawn before."""
    inputs = {
        "countries": sorted(
            [code, counts.letters, counts.letters_sent, counts.actions, counts.responses]
            for code, counts in by_country.items()
        ),
        "targets": None if target_codes is None else sorted(target_codes),
    }
    return WorldMap.from_drawn(cached_map("campaign", inputs, lambda: draw_campaign_map(by_country, target_codes)))
