"""A directory's coverage as a world map: each target country shaded by whether a decision maker is
listed there and verified recently; the coverage page's table follows it.

Drawn from the coverage rows (``directory_coverage``, two queries whatever the number of
countries) and cached under a digest of them and the language (``maps.cache``).
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext, ngettext
from django_countries import countries

from soroptimist_advocacy.directory.coverage import CountryCoverage, DirectoryCoverage
from soroptimist_advocacy.maps.cache import cached_map
from soroptimist_advocacy.maps.figure import WorldMap
from soroptimist_advocacy.maps.svg import MapCountry, MapState, render_svg

LISTED, STALE, MISSING, NOT_TARGET = "listed", "stale", "missing", "not-target"
STATE_ORDER = (LISTED, STALE, MISSING, NOT_TARGET)
FILLS = {LISTED: "#3182bd", STALE: "#9ecae1", MISSING: "#fdae6b", NOT_TARGET: "#e0e0e0"}


def map_states() -> dict[str, MapState]:
    """The states with their legend labels in the active language."""
    labels = {
        LISTED: gettext("Decision maker listed"),
        STALE: gettext("Listed, may be out of date"),
        MISSING: gettext("Nobody listed yet"),
        NOT_TARGET: gettext("Not a target"),
    }
    return {key: MapState(key=key, label=labels[key], fill=FILLS[key]) for key in STATE_ORDER}


def coverage_state(row: CountryCoverage | None) -> str:
    """A target country's state (*row*), or ``NOT_TARGET`` for a country the campaigns do not target."""
    if row is None:
        return NOT_TARGET
    if not row.covered:
        return MISSING
    return STALE if row.out_of_date else LISTED


def country_title(name: str, state: MapState, row: CountryCoverage | None) -> str:
    if row is None or not row.covered:
        return gettext("%(country)s: %(state)s") % {"country": name, "state": state.label}
    return ngettext(
        "%(country)s: %(state)s (%(count)s decision maker)",
        "%(country)s: %(state)s (%(count)s decision makers)",
        row.decision_makers,
    ) % {"country": name, "state": state.label, "count": row.decision_makers}


def draw_coverage_map(coverage: DirectoryCoverage) -> dict[str, str]:
    """The map's SVG; the coverage page's own table follows it."""
    states = map_states()
    by_code = {row.code: row for row in coverage.countries}
    map_countries = []
    for code, name in countries:
        row = by_code.get(code)
        state = states[coverage_state(row)]
        map_countries.append(MapCountry(code=code, state=state, title=country_title(str(name), state, row)))
    title = ngettext(
        "World map of the directory: %(covered)s of %(total)s target country has a decision maker listed",
        "World map of the directory: %(covered)s of %(total)s target countries have a decision maker listed",
        len(coverage.countries),
    ) % {"covered": len(coverage.covered), "total": len(coverage.countries)}
    svg = render_svg(
        map_countries,
        list(states.values()),
        title,
        language=translation.get_language() or "",
        right_to_left=translation.get_language_bidi(),
    )
    return {"svg": svg}


def coverage_map(coverage: DirectoryCoverage) -> WorldMap:
    """The directory's coverage map in the active language, from the shared cache when drawn before."""
    inputs = sorted([row.code, row.decision_makers, row.out_of_date] for row in coverage.countries)
    return WorldMap.from_drawn(cached_map("coverage", inputs, lambda: draw_coverage_map(coverage)))
