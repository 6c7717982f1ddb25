"""Read a TopoJSON topology: its quantized, delta-encoded arcs and the rings built from them.

TopoJSON (https://github.com/topojson/topojson-specification) stores each border once, as an
*arc*; a polygon's ring is a list of arc indexes, ``~i`` meaning arc *i* walked backwards. In a
quantized topology each arc's first position is absolute and the others are deltas, all in
integer grid units that ``transform`` (scale, translate) turns into longitude and latitude.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True)
class Geometry:
    """One object of a geometry collection: its ``id`` (None when it has none), its
    ``properties`` and its polygons, each a list of rings, each ring a list of arc indexes."""

    id: str | None
    properties: dict
    polygons: list[list[list[int]]]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Every arc of *topology* as a list of (longitude, latitude)."""
    transform = topology.get("transform")
    if transform is None:
        return [[(float(position[0]), float(position[1])) for position in arc] for arc in topology["arcs"]]
    (scale_x, scale_y), (translate_x, translate_y) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for delta_x, delta_y, *_rest in arc:
            x += delta_x
            y += delta_y
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def geometries(topology: dict, name: str) -> Iterator[Geometry]:
    """The polygons of the geometry collection *name* (other geometry types carry no area and are skipped)."""
    for geometry in topology["objects"][name]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        identifier = geometry.get("id")
        yield Geometry(
            id=None if identifier is None else str(identifier),
            properties=geometry.get("properties") or {},
            polygons=polygons,
        )


def arc_walk(index: int) -> tuple[int, bool]:
    """``(arc number, backwards)`` for an arc index of a ring (``~i`` is arc *i* backwards)."""
    return (~index, True) if index < 0 else (index, False)
