"""Fewer points for the same outline: Douglas-Peucker over a line whose ends stay fixed.

The world map simplifies each shared border (a TopoJSON arc) once, so the two countries on
either side of it still meet exactly.
"""

from __future__ import annotations

from soroptimist_advocacy.maps.topojson import Point


def _farthest(points: list[Point], first: int, last: int) -> tuple[int, float]:
    """The point strictly between *first* and *last* farthest from the line through them, and
    its squared distance (from the point itself when both ends coincide)."""
    (x1, y1), (x2, y2) = points[first], points[last]
    dx, dy = x2 - x1, y2 - y1
    length = dx * dx + dy * dy
    index, distance = first, -1.0
    for i in range(first + 1, last):
        x, y = points[i]
        if length:
            cross = (x - x1) * dy - (y - y1) * dx
            candidate = cross * cross / length
        else:
            candidate = (x - x1) ** 2 + (y - y1) ** 2
        if candidate > distance:
            index, distance = i, candidate
    return index, distance


def simplify_line(points: list[Point], tolerance: float) -> list[Point]:
    """*points* without those closer than *tolerance* to the simplified line; the ends are kept
    (a closed line keeps its point farthest from its ends too, so it stays a ring)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    limit = tolerance * tolerance
    spans = [(0, len(points) - 1)]
    while spans:
        first, last = spans.pop()
        if last - first < 2:
            continue
        index, distance = _farthest(points, first, last)
        if distance > limit or points[first] == points[last]:
            keep[index] = True
            spans.append((first, index))
            spans.append((index, last))
    return [point for point, kept in zip(points, keep) if kept]
