"""The world's countries as SVG shapes, keyed by ISO 3166 alpha-2 code, prepared once per process.

The shapes are Natural Earth's 1:110m countries (public domain) from the ``world-atlas``
package (ISC), vendored in ``data/`` with their licence. Their ids are ISO 3166 numeric
codes, turned into alpha-2 through django-countries' table. The borders are projected
(Equal Earth), simplified once each (so neighbours still meet) and rounded to whole units
of a 1000-unit-wide map, which keeps the map near 100 kB.

Natural Earth draws a few things differently from ISO 3166, the app's list of countries:
it folds French Guiana into France and Svalbard into Norway (ISO gives them codes of their
own: their polygons become GF and SJ here), and draws Somaliland, Northern Cyprus and
Kosovo without a code (ISO counts the first two as part of Somalia and Cyprus; Kosovo has
no ISO code and takes ``XK``, the code the EU and Unicode CLDR use, which a site may add
to django-countries). The 75 countries too small for the 1:110m scale are a point each,
from ``data/points.csv`` (Natural Earth's 1:10m countries, see ``scripts/build_map_points.py``),
and every country smaller than ``SMALL_AREA`` gets a marker too, so it can be seen.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from dataclasses import dataclass
from importlib import resources

from django_countries.data import ALT_CODES

from soroptimist_advocacy.maps.projection import equal_earth
from soroptimist_advocacy.maps.simplify import simplify_line
from soroptimist_advocacy.maps.topojson import Point, arc_walk, decode_arcs, geometries

DATA = resources.files(__package__).joinpath("data")
WIDTH = 1000
# Map units (a thousandth of the map's width) a simplified border may stray from the original.
TOLERANCE = 0.5
# A country drawn smaller than this (square map units) also gets a marker.
SMALL_AREA = 12.0
MARGIN = 4

# Natural Earth's shapes without an ISO 3166 numeric code (see the module docstring).
UNNUMBERED = {"Somaliland": "SO", "N. Cyprus": "CY", "Kosovo": "XK"}
# Polygons Natural Earth gives to another country: (code, west, south, east, north) in degrees.
OWN_PARTS = {
    "FR": [("GF", -55.0, 1.5, -51.0, 6.0)],  # French Guiana
    "NO": [("SJ", 10.0, 74.0, 35.0, 81.0)],  # Svalbard
}
NUMERIC_TO_ALPHA2 = {f"{numeric:03d}": code for code, (_alpha3, numeric) in ALT_CODES.items() if numeric}


@dataclass(frozen=True)
class CountryShape:
    code: str
    path: str  # SVG path data; empty for a country drawn as a marker only.
    area: float  # In square map units.
    marker: Point | None  # Where its marker goes, when it is small or has no shape.


@dataclass(frozen=True)
class World:
    width: int
    height: int
    shapes: dict[str, CountryShape]  # By alpha-2 code, in the data's order.


def crosses_antimeridian(previous: Point, point: Point) -> bool:
    """Natural Earth cuts shapes at ±180° (Russia, Fiji, Antarctica): a step from one edge of
    the map to the other is that cut, not a line across the world."""
    return abs(point[0] - previous[0]) > 180


def split_at_antimeridian(arc: list[Point]) -> list[list[Point]]:
    pieces = [[arc[0]]]
    for previous, point in zip(arc, arc[1:]):
        if crosses_antimeridian(previous, point):
            pieces.append([])
        pieces[-1].append(point)
    return pieces


def bounds(points: list[Point]) -> tuple[float, float, float, float]:
    xs = [x for x, _y in points]
    ys = [y for _x, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def signed_area(ring: list[Point]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])) / 2


def centroid(ring: list[Point]) -> Point:
    area = signed_area(ring)
    if not area:
        return ring[0]
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return cx / (6 * area), cy / (6 * area)


def ring_runs(indexes: list[int], arcs: list[list[list[Point]]]) -> list[list[Point]]:
    """A ring of arc *indexes* as closed runs: one, or one per side of the antimeridian."""
    runs: list[list[Point]] = [[]]
    for index in indexes:
        number, backwards = arc_walk(index)
        pieces = [piece[::-1] for piece in reversed(arcs[number])] if backwards else arcs[number]
        for position, piece in enumerate(pieces):
            if position:
                runs.append([])
            run = runs[-1]
            run.extend(piece[1:] if run and run[-1] == piece[0] else piece)
    if len(runs) > 1:  # The ring is cyclic: its last run goes on into its first.
        runs[0] = runs.pop() + runs[0][1:]
    return runs


def path_data(runs: list[list[Point]]) -> str:
    """SVG path data in whole map units, relative moves (the shortest text)."""
    parts = []
    for run in runs:
        rounded: list[tuple[int, int]] = []
        for x, y in run:
            point = (round(x), round(y))
            if not rounded or point != rounded[-1]:
                rounded.append(point)
        if len(rounded) > 1 and rounded[0] == rounded[-1]:
            rounded.pop()
        if len(set(rounded)) < 3:
            continue  # Smaller than a unit: its marker shows it.
        numbers: list[int] = []
        for (x0, y0), (x1, y1) in zip(rounded, rounded[1:]):
            numbers.extend((x1 - x0, y1 - y0))
        parts.append(f"M{rounded[0][0]} {rounded[0][1]}l" + _join(numbers) + "z")
    return "".join(parts)


def _join(numbers: list[int]) -> str:
    """Numbers as SVG reads them: a minus sign separates as well as a space does."""
    text: list[str] = []
    for number in numbers:
        if text and number >= 0:
            text.append(" ")
        text.append(str(number))
    return "".join(text)


def read_points() -> dict[str, Point]:
    """``data/points.csv``: (longitude, latitude) of each country too small for the shapes."""
    rows = csv.DictReader(io.StringIO(DATA.joinpath("points.csv").read_text(encoding="utf-8")))
    return {row["code"]: (float(row["longitude"]), float(row["latitude"])) for row in rows}


def country_code(geometry) -> str | None:
    if geometry.id is None:
        return UNNUMBERED.get(geometry.properties.get("name", ""))
    return NUMERIC_TO_ALPHA2.get(geometry.id)


def part_code(code: str, polygon: list[list[int]], raw_arcs: list[list[Point]]) -> str:
    """The country a polygon of *code* is drawn for (see ``OWN_PARTS``)."""
    for part, west, south, east, north in OWN_PARTS.get(code, ()):
        points = [point for index in polygon[0] for point in raw_arcs[arc_walk(index)[0]]]
        low_x, low_y, high_x, high_y = bounds(points)
        if west <= low_x and high_x <= east and south <= low_y and high_y <= north:
            return part
    return code


@functools.cache
def world() -> World:
    """The world map's shapes and markers (built once per process, in about a tenth of a second)."""
    topology = json.loads(DATA.joinpath("countries-110m.json").read_bytes())
    raw_arcs = decode_arcs(topology)
    points = read_points()
    projected = [[[equal_earth(*point) for point in piece] for piece in split_at_antimeridian(arc)] for arc in raw_arcs]
    marker_points = {code: equal_earth(*point) for code, point in points.items()}
    everything = [point for arc in projected for piece in arc for point in piece] + list(marker_points.values())
    low_x, low_y, high_x, high_y = bounds(everything)
    scale = (WIDTH - 2 * MARGIN) / (high_x - low_x)
    height = round((high_y - low_y) * scale) + 2 * MARGIN

    def to_map(point: Point) -> Point:  # SVG's y points down.
        return (point[0] - low_x) * scale + MARGIN, (high_y - point[1]) * scale + MARGIN

    arcs = [[simplify_line([to_map(point) for point in piece], TOLERANCE) for piece in arc] for arc in projected]
    runs_by_code: dict[str, list[list[Point]]] = {}
    outer_by_code: dict[str, list[list[Point]]] = {}
    for geometry in geometries(topology, "countries"):
        code = country_code(geometry)
        if code is None:
            continue
        for polygon in geometry.polygons:
            owner = part_code(code, polygon, raw_arcs)
            for ring_number, indexes in enumerate(polygon):
                runs = ring_runs(indexes, arcs)
                runs_by_code.setdefault(owner, []).extend(runs)
                if ring_number == 0:
                    outer_by_code.setdefault(owner, []).extend(runs)
    shapes = {}
    for code, runs in runs_by_code.items():
        outer = outer_by_code[code]
        area = sum(abs(signed_area(run)) for run in outer)
        largest = max(outer, key=lambda run: abs(signed_area(run)))
        shapes[code] = CountryShape(
            code=code, path=path_data(runs), area=area, marker=centroid(largest) if area < SMALL_AREA else None
        )
    for code, point in marker_points.items():
        if code not in shapes:
            shapes[code] = CountryShape(code=code, path="", area=0.0, marker=to_map(point))
    return World(width=WIDTH, height=height, shapes=shapes)
