"""The world map's geometry and drawing: every country of the app's list can be seen, the data
is read as TopoJSON says, and the SVG stays small and within a strict Content-Security-Policy."""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from django_countries import countries

from soroptimist_advocacy.maps import png
from soroptimist_advocacy.maps.projection import equal_earth
from soroptimist_advocacy.maps.svg import MapCountry, MapState, render_svg
from soroptimist_advocacy.maps.topojson import decode_arcs, geometries
from soroptimist_advocacy.maps.world import SMALL_AREA, ring_runs, split_at_antimeridian, world

STATE = MapState(key="made", label="Letters made", fill="#9ecae1")


def relative_steps(path: str) -> list[tuple[int, int]]:
    """The (dx, dy) steps of a path drawn by ``world.path_data`` (``M x y l dx dy ... z`` runs)."""
    steps = []
    for run in re.findall(r"l([^z]*)z", path):
        numbers = [int(number) for number in re.findall(r"-?\d+", run)]
        steps.extend(zip(numbers[::2], numbers[1::2]))
    return steps


def test_every_country_of_the_app_has_a_shape_or_a_marker():
    shapes = world().shapes
    missing = [code for code, _name in countries if code not in shapes]
    assert missing == []
    for code, _name in countries:
        assert shapes[code].path or shapes[code].marker is not None, code


def test_the_countries_natural_earth_leaves_out_at_this_scale_are_markers():
    shapes = world().shapes
    for code in ("MT", "SG", "BH", "VA", "TV"):
        assert shapes[code].path == "" and shapes[code].marker is not None, code


def test_small_countries_get_a_marker_as_well_as_their_shape():
    shapes = world().shapes
    assert shapes["LU"].path and shapes["LU"].marker is not None
    assert shapes["LU"].area < SMALL_AREA
    assert shapes["FR"].marker is None and shapes["BR"].marker is None


def test_places_natural_earth_gives_to_another_country_are_drawn_under_their_own_code():
    shapes = world().shapes
    # French Guiana and Svalbard are parts of France and Norway in the data, countries in ISO 3166.
    assert shapes["GF"].path and shapes["SJ"].path
    guiana_x = int(shapes["GF"].path[1:].split()[0])
    france_x = int(shapes["FR"].path[1:].split()[0])
    assert guiana_x < world().width / 2 - 100 < france_x  # South America, not Europe
    assert shapes["FR"].area > shapes["GF"].area


def test_quantized_delta_encoded_arcs_are_decoded_and_walked_backwards_by_their_complement():
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.25], "translate": [-10, 20]},
        "arcs": [[[0, 0], [4, 0], [0, 4]], [[4, 4], [-4, 0], [0, -4]]],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "id": "250", "arcs": [[0, 1]]},
                    {"type": "Polygon", "id": "276", "arcs": [[~1, ~0]]},
                    {"type": "Point", "id": "999", "coordinates": [0, 0]},
                ],
            }
        },
    }
    arcs = decode_arcs(topology)
    assert arcs[0] == [(-10.0, 20.0), (-8.0, 20.0), (-8.0, 21.0)]
    assert arcs[1] == [(-8.0, 21.0), (-10.0, 21.0), (-10.0, 20.0)]
    found = list(geometries(topology, "countries"))
    assert [(geometry.id, geometry.polygons) for geometry in found] == [("250", [[[0, 1]]]), ("276", [[[~1, ~0]]])]
    forwards = ring_runs([0, 1], [[arc] for arc in arcs])
    backwards = ring_runs([~1, ~0], [[arc] for arc in arcs])
    assert forwards == [[(-10.0, 20.0), (-8.0, 20.0), (-8.0, 21.0), (-10.0, 21.0), (-10.0, 20.0)]]
    assert backwards == [list(reversed(forwards[0]))]


def test_a_ring_cut_at_the_antimeridian_is_drawn_as_one_run_per_side():
    # A square across ±180°: as Natural Earth cuts it, its arc jumps from one edge to the other.
    arc = [(179.0, 0.0), (180.0, 0.0), (-180.0, 0.0), (-179.0, 0.0), (-179.0, 1.0), (-180.0, 1.0), (180.0, 1.0)]
    pieces = split_at_antimeridian(arc + [(179.0, 1.0), (179.0, 0.0)])
    runs = ring_runs([0], [pieces])
    assert len(runs) == 2
    assert all(x > 0 for x, _y in runs[0]) and all(x < 0 for x, _y in runs[1])


@pytest.mark.parametrize("code", ["RU", "FJ", "AQ", "US"])
def test_no_border_crosses_the_whole_map(code):
    """Russia, Fiji and Antarctica cross ±180°: no line of theirs runs across the world."""
    steps = relative_steps(world().shapes[code].path)
    assert steps
    assert max(abs(dx) for dx, _dy in steps) < world().width / 2


def test_the_map_of_every_country_with_long_titles_stays_under_150_kB():
    with translation.override("ru"):
        title = "Страна: ответ получен. Писем составлено: 12345, отправлено: 1234, действий: 123, ответов: 12."
        svg = render_svg(
            [MapCountry(code=code, state=STATE, title=f"{name}: {title}") for code, name in countries],
            [STATE] * 5,
            "Карта",
        )
    assert len(svg.encode("utf-8")) < 150_000
    assert svg.count("data-country=") == len(countries)


def test_the_svg_has_no_inline_style_or_script_a_strict_policy_would_block():
    svg = render_svg([MapCountry(code="FR", state=STATE, title="France")], [STATE], "Map")
    assert "style" not in svg.replace("sa-map", "")  # neither a style attribute nor a <style> block
    assert "<script" not in svg and "javascript:" not in svg and " on" not in svg.split("<title>")[0]
    assert 'fill="#9ecae1"' in svg  # colours are presentation attributes


def test_every_text_in_the_svg_is_escaped():
    hostile = MapState(key="made", label='<script>alert("legend")</script>', fill="#9ecae1")
    svg = render_svg(
        [MapCountry(code="FR", state=hostile, title="</title><script>alert(1)</script>")], [hostile], '"><svg onload=x>'
    )
    assert "<script" not in svg and "<svg onload" not in svg
    assert "&lt;/title&gt;&lt;script&gt;" in svg


def test_a_map_becomes_a_png_with_cairosvg():
    if not png.png_available():
        pytest.skip("CairoSVG or the cairo library is not installed (pip install cairosvg; apt-get install libcairo2)")
    data = png.svg_to_png(render_svg([MapCountry(code="FR", state=STATE, title="France")], [STATE], "Map"), width=400)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")


def test_equal_earth_matches_the_published_extent():
    # Šavrič et al.: the projection spans ±2.7066 by ±1.3174 on a unit sphere.
    assert equal_earth(180, 0) == pytest.approx((2.7066297, 0.0), abs=1e-6)
    assert equal_earth(0, 90) == pytest.approx((0.0, 1.3173627), abs=1e-6)
    assert equal_earth(-180, -90)[1] == pytest.approx(-1.3173627, abs=1e-6)


def test_the_legend_lists_the_states_the_map_shows():
    other = MapState(key="not-target", label="Not a target", fill="#e0e0e0")
    svg = render_svg([MapCountry(code="FR", state=STATE, title="France")], [other, STATE], "Map")
    legend = svg.split('<g class="sa-map-legend"', 1)[1]
    assert re.findall(r"<text[^>]*>([^<]*)</text>", legend) == ["Letters made"]


def test_the_png_sets_right_to_left_and_chinese_text_for_cairo():
    svg = render_svg([MapCountry(code="FR", state=STATE, title="فرنسا")], [STATE], "خريطة")
    arabic = svg.replace(">Letters made<", ">تم استلام الرد<")

    prepared = png.for_cairo(arabic, "ar")

    assert 'font-family="DejaVu Sans"' in prepared
    label = re.search(r'<g class="sa-map-legend".*?<text[^>]*>([^<]*)</text>', prepared).group(1)
    if png._shaping() is not None:
        assert label == "ﺩﺮﻟﺍ ﻡﻼﺘﺳﺍ ﻢﺗ"  # joined letter forms, in the order cairo draws them
    assert "<title>فرنسا</title>" in prepared  # titles are not drawn: left as they are
    assert 'font-family="Noto Sans CJK SC"' in png.for_cairo(svg, "zh-hans")
    assert png.for_cairo(svg, "fr") == svg
