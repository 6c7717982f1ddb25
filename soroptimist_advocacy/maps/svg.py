"""A world map as one SVG document: a shape (or marker) per country shaded by its state, and a legend.

The same text is inlined in pages, served as ``map.svg`` and turned into a PNG, so it stands
on its own: colours are presentation attributes (``fill``, ``stroke``), which a strict
Content-Security-Policy allows where it blocks ``style`` attributes and ``<style>`` blocks,
and the classes (``sa-map-country``, ``sa-map--<state>``) let a site's stylesheet restyle it.
The ``<svg>`` is ``role="img"`` with an accessible name; each country's ``<title>`` is a
tooltip, and the data table that follows the map in a page is what a screen reader reads.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.html import escape

from soroptimist_advocacy.maps.world import World, world

FONT_SIZE = 15
LEGEND_TOP_GAP = 10
LEGEND_ROW = 24
SWATCH = 14
LEGEND_ITEM_GAP = 24
MARKER_RADIUS = 4
BORDER = "#ffffff"
MARKER_OUTLINE = "#333333"
# Land the map shows but the page does not list as a country (e.g. Kosovo on a site whose
# country list has no XK).
UNLISTED_FILL = "#eeeeee"


@dataclass(frozen=True)
class MapState:
    """A state countries are shaded by: ``key`` names its class (``sa-map--<key>``)."""

    key: str
    label: str  # In the active language: the legend's text.
    fill: str


@dataclass(frozen=True)
class MapCountry:
    code: str  # ISO 3166 alpha-2
    state: MapState
    title: str  # Its name and figures in the active language: the tooltip.


def text_width(text: str) -> float:
    """About how wide *text* is drawn at ``FONT_SIZE`` (SVG has no layout to ask): East Asian
    wide characters take a full em, others about half of one."""
    return FONT_SIZE * sum(1.0 if unicodedata.east_asian_width(char) in "WF" else 0.55 for char in text)


def legend_rows(states: Sequence[MapState], width: float) -> list[list[tuple[MapState, float]]]:
    """The legend's items in rows that fit *width*, each with the width it takes."""
    rows: list[list[tuple[MapState, float]]] = [[]]
    used = 0.0
    for state in states:
        item = SWATCH + 6 + text_width(state.label)
        if rows[-1] and used + LEGEND_ITEM_GAP + item > width:
            rows.append([])
            used = 0.0
        used += (LEGEND_ITEM_GAP if rows[-1] else 0) + item
        rows[-1].append((state, item))
    return rows


def legend(states: Sequence[MapState], top: float, the_world: World, right_to_left: bool) -> tuple[str, float]:
    """The legend's SVG and its height, from the left edge (or the right one, right to left)."""
    margin = 8
    # Laid out left to right whatever the page's direction (inline, the SVG inherits it): a
    # right-to-left legend is placed from the right edge instead, each label ending at its swatch.
    parts = ['<g class="sa-map-legend" fill="currentColor" direction="ltr">']
    rows = legend_rows(states, the_world.width - 2 * margin)
    for number, row in enumerate(rows):
        y = top + number * LEGEND_ROW
        x = float(the_world.width - margin) if right_to_left else float(margin)
        for state, item in row:
            swatch_x = x - SWATCH if right_to_left else x
            text_x = swatch_x - 6 if right_to_left else x + SWATCH + 6
            anchor = "end" if right_to_left else "start"
            parts.append(
                f'<rect x="{swatch_x:.0f}" y="{y:.0f}" width="{SWATCH}" height="{SWATCH}" fill="{state.fill}" '
                f'stroke="{MARKER_OUTLINE}" stroke-width="0.5"/>'
                f'<text x="{text_x:.0f}" y="{y + SWATCH - 1:.0f}" text-anchor="{anchor}">{escape(state.label)}</text>'
            )
            step = item + LEGEND_ITEM_GAP
            x = x - step if right_to_left else x + step
    parts.append("</g>")
    return "".join(parts), len(rows) * LEGEND_ROW


def country_element(country: MapCountry, the_world: World) -> str:
    shape = the_world.shapes.get(country.code)
    if shape is None:
        return ""  # A code of the site's own with no geometry: its row in the table says it all.
    drawing = f'<path d="{shape.path}"/>' if shape.path else ""
    if shape.marker is not None:
        x, y = shape.marker
        drawing += (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{MARKER_RADIUS}" stroke="{MARKER_OUTLINE}" stroke-width="0.75"/>'
        )
    return (
        f'<g class="sa-map-country sa-map--{country.state.key}" data-country="{escape(country.code)}" '
        f'fill="{country.state.fill}"><title>{escape(country.title)}</title>{drawing}</g>'
    )


def render_svg(
    countries: Iterable[MapCountry],
    states: Sequence[MapState],
    title: str,
    *,
    language: str = "",
    right_to_left: bool = False,
) -> str:
    """The map: every one of *countries* in its state, other land unshaded, below it the legend of
    those of *states* the map shows (in their order), *title* its accessible name."""
    the_world = world()
    by_code = {country.code: country for country in countries}
    unlisted = "".join(
        f'<path d="{shape.path}"/>' for code, shape in the_world.shapes.items() if code not in by_code and shape.path
    )
    # Countries with a marker come last, so no neighbour covers their marker.
    ordered = sorted(
        by_code.values(),
        key=lambda country: (
            the_world.shapes.get(country.code) is not None and the_world.shapes[country.code].marker is not None
        ),
    )
    shown = {country.state.key for country in by_code.values()}
    legend_svg, legend_height = legend(
        [state for state in states if state.key in shown], the_world.height + LEGEND_TOP_GAP, the_world, right_to_left
    )
    height = the_world.height + LEGEND_TOP_GAP + legend_height
    name = escape(title)
    lang = f' lang="{escape(language)}"' if language else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {the_world.width} {height}" '
        f'role="img" aria-label="{name}" class="sa-map"{lang} '
        f'font-family="sans-serif" font-size="{FONT_SIZE}"><title>{name}</title>'
        f'<g class="sa-map-unlisted" fill="{UNLISTED_FILL}" stroke="{BORDER}" stroke-width="0.5">{unlisted}</g>'
        f'<g class="sa-map-countries" stroke="{BORDER}" stroke-width="0.5" stroke-linejoin="round">'
        + "".join(country_element(country, the_world) for country in ordered)
        + f"</g>{legend_svg}</svg>"
    )
