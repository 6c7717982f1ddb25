"""A world map as a page shows it: the SVG, then a table of the same figures."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class WorldMap:
    svg: SafeString  # Drawn by ``svg.render_svg``: every text in it escaped.
    table: SafeString  # The figures as an HTML table (empty where the page has a table of its own).

    @classmethod
    def from_drawn(cls, drawn: dict[str, str]) -> WorldMap:
        """From what ``cache.cached_map`` holds (markup this app rendered and escaped itself)."""
        return cls(svg=mark_safe(drawn["svg"]), table=mark_safe(drawn.get("table", "")))
