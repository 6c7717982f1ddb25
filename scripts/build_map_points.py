"""Rebuild ``soroptimist_advocacy/maps/data/points.csv``: a point for each country the world map's
1:110m shapes lack (Malta, Singapore, Bahrain and the like).

Each point is the centroid of the country's largest polygon in Natural Earth's 1:10m countries
(public domain), as the ``world-atlas`` package (ISC) ships them; a few places Natural Earth
draws as part of another country even at 1:10m are found inside it by a bounding box
(``PARTS``). Get the file with npm and run:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_map_points.py package/countries-10m.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from django.conf import settings  # noqa: E402

settings.configure()

from django_countries.data import COUNTRIES  # noqa: E402

from soroptimist_advocacy.maps.topojson import arc_walk, decode_arcs, geometries  # noqa: E402
from soroptimist_advocacy.maps.world import DATA, country_code, part_code, signed_area  # noqa: E402

# Places Natural Earth's 1:10m countries fold into another: (the feature's ISO code, or its
# name when it has none), then (west, south, east, north) in degrees around the place.
PARTS = {
    "BQ": ("NL", (-68.5, 11.9, -62.9, 17.7)),  # Bonaire, Sint Eustatius and Saba
    "BV": ("NO", (3.0, -54.6, 3.6, -54.3)),  # Bouvet Island
    "CC": ("Indian Ocean Ter.", (96.7, -12.3, 97.0, -11.8)),  # Cocos (Keeling) Islands
    "CX": ("Indian Ocean Ter.", (105.5, -10.6, 105.8, -10.3)),  # Christmas Island
    "GF": ("FR", (-55.0, 1.5, -51.0, 6.0)),  # French Guiana
    "GP": ("FR", (-61.9, 15.8, -61.0, 16.6)),  # Guadeloupe
    "MQ": ("FR", (-61.3, 14.3, -60.8, 14.9)),  # Martinique
    "RE": ("FR", (55.2, -21.4, 55.9, -20.8)),  # Réunion
    "SJ": ("NO", (10.0, 74.0, 35.0, 81.0)),  # Svalbard and Jan Mayen
    "TK": ("NZ", (-172.6, -9.5, -171.1, -8.5)),  # Tokelau
    "YT": ("FR", (45.0, -13.1, 45.4, -12.6)),  # Mayotte
}


def ring_points(indexes, arcs):
    points = []
    for index in indexes:
        number, backwards = arc_walk(index)
        arc = arcs[number][::-1] if backwards else arcs[number]
        points.extend(arc[1:] if points else arc)
    return points


def centroid(ring):
    area = signed_area(ring)
    cx = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))
    cy = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))
    return (cx / (6 * area), cy / (6 * area)) if area else ring[0]


def inside(ring, box):
    west, south, east, north = box
    return all(west <= x <= east and south <= y <= north for x, y in ring)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("countries_10m", type=Path)
    arguments = parser.parse_args()

    small_scale = json.loads(DATA.joinpath("countries-110m.json").read_bytes())
    small_arcs = decode_arcs(small_scale)
    drawn = {
        part_code(code, polygon, small_arcs)
        for geometry in geometries(small_scale, "countries")
        if (code := country_code(geometry))
        for polygon in geometry.polygons
    }

    large_scale = json.loads(arguments.countries_10m.read_bytes())
    arcs = decode_arcs(large_scale)
    rings_by_feature: dict[str, list] = {}
    for geometry in geometries(large_scale, "countries"):
        key = country_code(geometry) if geometry.id else geometry.properties.get("name", "")
        rings_by_feature.setdefault(key or "", []).extend(
            ring_points(polygon[0], arcs) for polygon in geometry.polygons
        )

    rows = []
    for code in sorted(set(COUNTRIES) - drawn):
        feature, box = PARTS.get(code, (code, None))
        rings = [ring for ring in rings_by_feature.get(feature, []) if box is None or inside(ring, box)]
        if not rings:
            raise SystemExit(f"No polygon for {code} in {arguments.countries_10m}")
        longitude, latitude = centroid(max(rings, key=lambda ring: abs(signed_area(ring))))
        rows.append(f"{code},{longitude:.2f},{latitude:.2f}")
    target = Path(str(DATA.joinpath("points.csv")))
    target.write_text("code,longitude,latitude\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"Wrote {len(rows)} points to {target}")


if __name__ == "__main__":
    main()
