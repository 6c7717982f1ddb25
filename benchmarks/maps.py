"""World map figures, on this machine, in this run: what drawing a campaign's map costs.

    python benchmarks/maps.py

Prints medians (milliseconds) of: preparing the world's shapes (once per process: reading the
vendored TopoJSON, projecting, simplifying); drawing a campaign map cold (every country with
figures, so every title is the longest kind; the SVG and its table, nothing cached) in English,
French, Arabic and Russian; the baseline, the same figures as a plain table rendered by a Django
template (a page's figures without a map, as the admin's per-country table is); a map from the shared cache (what every visitor after the first gets); and the PNG, where
CairoSVG is installed. Then the SVG's size against the 150 kB budget. The target for a cold
drawing is under 50 ms. Tests never time anything; this script does.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.testapp.settings")

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.template import Context, Template  # noqa: E402
from django.utils import translation  # noqa: E402
from django_countries import countries  # noqa: E402

from soroptimist_advocacy.campaigns import world_map  # noqa: E402
from soroptimist_advocacy.campaigns.world_map import CountryCounts, campaign_map, draw_campaign_map  # noqa: E402
from soroptimist_advocacy.maps import png  # noqa: E402
from soroptimist_advocacy.maps.world import world  # noqa: E402

RUNS = 9
LANGUAGES = ("en", "fr", "ar", "ru")


def median_ms(action, runs: int = RUNS, before=None) -> float:
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def figures() -> tuple[dict[str, CountryCounts], list[str]]:
    """Every country with letters, sent letters, actions and responses (the longest titles), and
    every country a target: the largest map there is."""
    codes = [code for code, _name in countries]
    by_country = {
        code: CountryCounts(letters=1000 + n, letters_sent=100 + n, actions=10 + n, responses=n % 3)
        for n, code in enumerate(codes)
    }
    return by_country, codes


BASELINE_TABLE = Template(
    '<table><tbody>{% for row in rows %}<tr><th scope="row">{{ row.name }}</th><td>{{ row.state.label }}</td>'
    "<td>{{ row.counts.letters }}</td><td>{{ row.counts.letters_sent }}</td><td>{{ row.counts.actions }}</td>"
    "<td>{{ row.counts.responses }}</td></tr>{% endfor %}</tbody></table>"
)


def table_alone(by_country: dict[str, CountryCounts], targets: list[str]) -> str:
    """The baseline: the same figures as a plain per-country table in a Django template (as the
    admin's impact table is), with no map."""
    states = world_map.map_states()
    rows = [
        {
            "name": str(name),
            "state": states[world_map.country_state(by_country.get(code, CountryCounts()), code in targets)],
            "counts": by_country.get(code, CountryCounts()),
        }
        for code, name in countries
    ]
    return BASELINE_TABLE.render(Context({"rows": rows}))


def main() -> None:
    print(f"World map, {RUNS} runs each, median ms (load average {os.getloadavg()[0]:.1f})")
    prepare = median_ms(world, runs=5, before=world.cache_clear)
    print(f"  prepare the world's shapes (once per process) {prepare:8.1f}")
    world()
    by_country, targets = figures()
    print(f"  {'language':<10}{'cold map (SVG + table)':>24}{'table alone':>14}{'ratio':>8}{'cached map':>12}")
    for language in LANGUAGES:
        with translation.override(language):
            draw_campaign_map(by_country, targets)  # imports and template loading, once
            cold = median_ms(lambda: draw_campaign_map(by_country, targets))
            baseline = median_ms(lambda: table_alone(by_country, targets))
            cache.clear()
            campaign_map(by_country, targets)
            cached = median_ms(lambda: campaign_map(by_country, targets))
        print(f"  {language:<10}{cold:>24.1f}{baseline:>14.1f}{cold / baseline:>7.2f}x{cached:>12.2f}")
    print("  target: a cold map under 50 ms")
    for language in LANGUAGES:
        with translation.override(language):
            drawn = draw_campaign_map(by_country, targets)
        svg, table = len(drawn["svg"].encode()), len(drawn["table"].encode())
        print(f"  {language}: SVG {svg / 1000:.1f} kB (budget 150 kB), table {table / 1000:.1f} kB")
    if png.png_available():
        with translation.override("en"):
            svg = draw_campaign_map(by_country, targets)["svg"]
        png.svg_to_png(svg)
        print(
            f"  PNG, {png.PNG_WIDTH} px wide (cached after the first) {median_ms(lambda: png.svg_to_png(svg), runs=3):8.1f}"
        )
    else:
        print("  PNG: CairoSVG is not installed (pip install 'soroptimist-advocacy[png]')")


if __name__ == "__main__":
    main()
