"""Horizontal bar charts as plain geometry, drawn by a template as inline SVG.

No chart library and no JavaScript: the admin page stays light and works in
any browser; the numbers are also in a table beside the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.functional import Promise

LABEL_WIDTH = 180
BAR_AREA = 360
VALUE_WIDTH = 60
BAR_HEIGHT = 12
BAR_GAP = 2
ROW_GAP = 10
TOP = 8
# Colour-blind safe pair (blue and orange), each above 3:1 contrast on white.
SERIES_COLOURS = ("#1f5fa8", "#c05600", "#2e7d32", "#6a3d9a")


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    value: int
    colour: str
    value_x: int
    value_y: int


@dataclass(frozen=True)
class ChartRow:
    label: str
    label_y: int
    bars: list[Bar]


@dataclass(frozen=True)
class Series:
    label: str
    colour: str


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    label_x: int
    rows: list[ChartRow]
    series: list[Series]


def bar_chart(rows: list[tuple[str, list[int]]], series_labels: Sequence[str | Promise]) -> BarChart:
    """A chart with one group of bars per row: *rows* are (label, one value per series)."""
    largest = max((value for _label, values in rows for value in values), default=0) or 1
    series = [
        Series(label=str(label), colour=SERIES_COLOURS[index % len(SERIES_COLOURS)])
        for index, label in enumerate(series_labels)
    ]
    group_height = len(series) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
    chart_rows = []
    y = TOP
    for label, values in rows:
        bars = []
        for index, value in enumerate(values):
            bar_y = y + index * (BAR_HEIGHT + BAR_GAP)
            width = round(BAR_AREA * value / largest)
            bars.append(
                Bar(
                    x=LABEL_WIDTH,
                    y=bar_y,
                    width=max(width, 1) if value else 0,
                    height=BAR_HEIGHT,
                    value=value,
                    colour=series[index].colour,
                    value_x=LABEL_WIDTH + width + 4,
                    value_y=bar_y + BAR_HEIGHT - 2,
                )
            )
        chart_rows.append(ChartRow(label=label, label_y=y + group_height // 2 + 4, bars=bars))
        y += group_height + ROW_GAP
    return BarChart(
        width=LABEL_WIDTH + BAR_AREA + VALUE_WIDTH,
        height=y - ROW_GAP + TOP,
        label_x=LABEL_WIDTH - 8,
        rows=chart_rows,
        series=series,
    )
