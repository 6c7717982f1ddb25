"""Letter figures, on this machine, in this run: the engine against plain docxtpl,
and a letter POST against a plain Wagtail page GET.

    python benchmarks/letters.py            # both halves
    python benchmarks/letters.py --engine   # the engine against plain docxtpl only

Prints the median milliseconds per letter of a plain
``DocxTemplate(BytesIO(template)).render(context); save()`` and of
``soroptimist_advocacy.letters.render(template, context)`` (template already
prepared: preparing happens once per template and process), measured in turns,
and their ratio,
for the default template and for a larger Word-style template generated here
(about ten pages of styled text, a table, a header and footer, a 300 kB picture).

Then, through Django's test client on a fresh SQLite database: the median
milliseconds of a letter POST to an Action Kit page (one decision maker, the
default template; the campaign's letter setup cached per process, see
``soroptimist_advocacy/letter_builder/setup.py``) beside a GET of a plain Wagtail page,
and their ratio (target <= 1.3x); and an anonymous GET of the campaign page
served from the shared page cache.

Last, the split of that letter POST: the time inside the page's ``letter/`` route
(the app's share: the letter setup, the rate limit, the form, the contexts and
template, the render and the counter, each shown) against the whole POST, whose
rest is Django's and Wagtail's serve chain (middleware, site lookup, routing, the
``before_serve_page`` hooks with the view-restriction check). Target: the route's
share at most a quarter.
"""

from __future__ import annotations

import functools
import io
import os
import random
import statistics
import struct
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# The example site's settings on a throwaway SQLite database, for the POST figures.
WORKDIR = Path(__import__("tempfile").mkdtemp(prefix="sa-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "example_site"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR / 'db.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(WORKDIR / "media")
os.environ["DEBUG"] = "0"
# One test client posts every letter: the per-client letter limit is raised for the run.
os.environ.setdefault("LETTER_RATE_LIMIT", "1000000000")
import django  # noqa: E402

django.setup()

import docx  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.shared import Cm, Mm, Pt  # noqa: E402
from docxtpl import DocxTemplate, InlineImage  # noqa: E402

from soroptimist_advocacy.letters import default_template_bytes, prepare, render, sample_context  # noqa: E402

TARGET_RATIO = 50
TARGET_POST_RATIO = 1.3
TARGET_ROUTE_SHARE = 0.25


class Stopwatch:
    """Seconds spent inside the functions it wraps, per name, since the last ``reset()``."""

    def __init__(self):
        self.spent: dict[str, float] = {}

    def reset(self) -> None:
        self.spent = {}

    def wrap(self, name: str, function: Callable) -> Callable:
        @functools.wraps(function)
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.spent[name] = self.spent.get(name, 0.0) + time.perf_counter() - started

        return timed


def time_the_letter_route(stopwatch: Stopwatch) -> None:
    """Wrap the page's route and the steps inside it. A routable page keeps its routes' own
    functions, so the route is timed where the page calls it: ``RoutablePageMixin.serve``, the
    last step of Wagtail's serve chain, calls the view the route resolved to."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    from soroptimist_advocacy.letter_builder import delivery
    from soroptimist_advocacy.letter_builder.forms import LetterForm
    from soroptimist_advocacy.models import ActionKitPage

    RoutablePageMixin.serve = stopwatch.wrap("letter_route", RoutablePageMixin.serve)
    for name in ("get_letter_form", "get_letter_contexts", "get_letter_template"):
        setattr(ActionKitPage, name, stopwatch.wrap(name, getattr(ActionKitPage, name)))
    LetterForm.full_clean = stopwatch.wrap("form validation", LetterForm.full_clean)
    delivery.render_letters = stopwatch.wrap("render (.docx)", delivery.render_letters)
    delivery.count_letters = stopwatch.wrap("counter", delivery.count_letters)


def noise_png(width: int, height: int) -> bytes:
    """An incompressible RGB picture (so it weighs what a photo does), with no imaging library."""
    rng = random.Random(56)
    rows = b"".join(b"\x00" + rng.randbytes(width * 3) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b"")


def large_template() -> bytes:
    """A long Word-style letter: headings, styled paragraphs, a list, a table, a picture, header and footer."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "{{ campaign.title }} — for {{ recipient.name }}"
    section.footer.paragraphs[0].text = "{{ member.club }}, {{ member.town }} · {{ date }}"
    section.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.core_properties.title = "{{ campaign.title }}"

    document.add_paragraph("{{ member.name }}\n{{ member.club }}\n{{ member.town }}")
    document.add_paragraph("{{ date }}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph(
        "{{ recipient.name }}\n{{ recipient.title }}\n{{ recipient.organisation }}\n{{ recipient.address }}"
    )
    document.add_picture(io.BytesIO(noise_png(320, 320)), width=Cm(6))
    document.add_paragraph("{{ recipient.salutation }},")
    lorem = (
        "Soroptimist International calls on all governments to promote, protect and fulfil the human rights "
        "and fundamental freedoms of women and girls, in law and in practice, at home and abroad. "
    )
    for chapter in range(1, 11):
        document.add_heading(f"{chapter}. Recommendation {chapter}", level=1)
        for number in range(6):
            paragraph = document.add_paragraph(style="Body Text")
            paragraph.add_run(f"Point {chapter}.{number}: ").bold = True
            paragraph.add_run(lorem * 2)
            paragraph.add_run("as {{ member.name }} of {{ member.club }} wrote. ").italic = True
            paragraph.paragraph_format.space_after = Pt(6)
        for item in range(3):
            document.add_paragraph(f"Action {item + 1}: {lorem[:90]}", style="List Bullet")
    table = document.add_table(rows=11, cols=4)
    table.style = "Table Grid"
    for index, cell in enumerate(table.rows[0].cells):
        cell.text = ("Country", "Decision maker", "Office", "Member")[index]
    placeholders = (
        "{{ recipient.country }}",
        "{{ recipient.name }}",
        "{{ recipient.organisation }}",
        "{{ member.name }}",
    )
    for row in table.rows[1:]:
        for cell, placeholder in zip(row.cells, placeholders):
            cell.text = placeholder
    document.add_paragraph("{%p for paragraph in body %}")
    document.add_paragraph("{{ paragraph }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{{ closing }}")
    document.add_paragraph("{{ member.name }}")
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def interleaved_median_ms(functions: list[Callable[[], object]], repeats: int) -> list[float]:
    """Median ms of each function, taking turns, so a busy shared machine weighs on all alike."""
    timings: list[list[float]] = [[] for _ in functions]
    for function in functions:
        function()  # warm up
    for _ in range(repeats):
        for function, times in zip(functions, timings):
            started = time.perf_counter()
            function()
            times.append(time.perf_counter() - started)
    return [statistics.median(times) * 1000 for times in timings]


def plain_docxtpl(template: bytes, context: dict) -> Callable[[], bytes]:
    def run() -> bytes:
        document = DocxTemplate(io.BytesIO(template))
        # docxtpl's own way to print the letter's QR code: an InlineImage made for each document.
        letter = context.get("letter") or {}
        picture = InlineImage(document, io.BytesIO(letter["qr"]), Mm(22)) if letter.get("qr") else ""
        document.render(dict(context, letter=dict(letter, qr=picture)))
        output = io.BytesIO()
        document.save(output)
        return output.getvalue()

    return run


def taking_turns_median_ms(plain: Callable[[], object], engine: Callable[[], object], turns: int, engine_per_turn: int):
    """Median ms of one plain run and of one engine run, the two taking turns (one plain run,
    then *engine_per_turn* engine runs), so that a busy shared machine weighs on both alike."""
    plain(), engine()  # warm up
    plain_times: list[float] = []
    engine_times: list[float] = []
    for _ in range(turns):
        started = time.perf_counter()
        plain()
        plain_times.append(time.perf_counter() - started)
        for _ in range(engine_per_turn):
            started = time.perf_counter()
            engine()
            engine_times.append(time.perf_counter() - started)
    return statistics.median(plain_times) * 1000, statistics.median(engine_times) * 1000


def compare(label: str, template: bytes, plain_repeats: int, engine_repeats: int) -> float:
    context = sample_context()
    started = time.perf_counter()
    prepared = prepare(template)
    preparing = (time.perf_counter() - started) * 1000
    plain, engine = taking_turns_median_ms(
        plain_docxtpl(template, context),
        lambda: render(template, context),
        turns=plain_repeats,
        engine_per_turn=engine_repeats // plain_repeats,
    )
    ratio = plain / engine
    path = "fast path" if prepared.fast else "docxtpl fallback"
    print(
        f"{label:<34} {len(template) / 1024:7.0f} kB  plain docxtpl {plain:8.2f} ms  "
        f"engine {engine:7.3f} ms  ratio {ratio:6.1f}x  (prepare once: {preparing:.0f} ms, {path})"
    )
    return ratio


def post_form(client, url: str, data: dict):
    """POST *data* as the letter form sends it (urlencoded: it has no file field), from the site itself."""
    return client.post(
        url,
        urlencode(data, doseq=True),
        content_type="application/x-www-form-urlencoded",
        HTTP_ORIGIN="http://localhost",
    )


def post_versus_get(repeats: int) -> float:
    """Median ms of a letter POST and of a plain page GET, served in this process; then the
    route's share of the POST."""
    from demo.build import home_page
    from django.core.management import call_command
    from django.test import Client

    from tests import factories

    stopwatch = Stopwatch()
    time_the_letter_route(stopwatch)  # before the first request: Wagtail keeps the routes it resolved
    call_command("migrate", verbosity=0)
    plain = home_page()  # the example site's home page: a plain Wagtail page
    directory = factories.make_directory(parent=plain)
    minister = factories.make_decision_maker(directory, "FR")
    campaign = factories.make_action_kit(parent=plain, directory=directory)
    data = {
        "name": "Marie Curie",
        "club": "SI Paris",
        "town": "Paris",
        "email": "",
        "country": "FR",
        "language": "en",
        "decision_maker": [minister.pk],
    }
    client = Client(HTTP_HOST="localhost")
    page_url = plain.get_url()
    letter_url = campaign.get_url() + "letter/"

    def get():
        assert client.get(page_url).status_code == 200

    def post():
        response = post_form(client, letter_url, data)
        assert response.status_code == 200 and response.content[:2] == b"PK"

    def cached_campaign():
        assert Client(HTTP_HOST="localhost").get(campaign.get_url()).status_code == 200

    page_ms, letter_ms, campaign_ms = interleaved_median_ms([get, post, cached_campaign], repeats)
    ratio = letter_ms / page_ms
    print(f"{'plain Wagtail page GET':<34} {page_ms:8.2f} ms")
    print(f"{'campaign page GET (page cache)':<34} {campaign_ms:8.2f} ms")
    print(
        f"{'letter POST (.docx)':<34} {letter_ms:8.2f} ms  ratio {ratio:.2f}x the page GET "
        f"(target <= {TARGET_POST_RATIO}x)"
    )
    print()
    route_split(repeats, stopwatch)
    return ratio


def route_split(repeats: int, stopwatch: Stopwatch) -> float:
    """The letter POST's median time, and the median share of it spent inside the page's route."""
    from django.test import Client

    from soroptimist_advocacy.models import ActionKitPage, DecisionMakerPage

    campaign = ActionKitPage.objects.get()
    data = {
        "name": "Marie Curie",
        "club": "SI Paris",
        "town": "Paris",
        "email": "",
        "country": "FR",
        "language": "en",
        "decision_maker": [DecisionMakerPage.objects.get().pk],
    }
    client = Client(HTTP_HOST="localhost")
    letter_url = campaign.get_url() + "letter/"
    totals, steps = [], []
    for _ in range(repeats + 1):
        stopwatch.reset()
        started = time.perf_counter()
        response = post_form(client, letter_url, data)
        totals.append(time.perf_counter() - started)
        assert response.status_code == 200 and response.content[:2] == b"PK"
        steps.append(dict(stopwatch.spent))
    totals, steps = totals[1:], steps[1:]  # the first one warms up
    post_ms = statistics.median(totals) * 1000
    route_ms = statistics.median(step["letter_route"] for step in steps) * 1000
    share = statistics.median(step["letter_route"] / total for step, total in zip(steps, totals))
    print(f"{'letter POST, whole':<34} {post_ms:8.2f} ms")
    print(f"{'  serve chain (Django, Wagtail)':<34} {post_ms - route_ms:8.2f} ms  {1 - share:5.0%}")
    print(
        f"{'  the letter route (the app)':<34} {route_ms:8.2f} ms  {share:5.0%}  (target <= {TARGET_ROUTE_SHARE:.0%})"
    )
    for name in (
        "get_letter_form",
        "form validation",
        "get_letter_contexts",
        "get_letter_template",
        "render (.docx)",
        "counter",
    ):
        step_ms = statistics.median(step.get(name, 0.0) for step in steps) * 1000
        print(f"{'    ' + name:<34} {step_ms:8.2f} ms")
    return share


def main() -> int:
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; median per letter, template prepared beforehand.")
    ratios = [
        compare("default template (1 page)", default_template_bytes(), plain_repeats=60, engine_repeats=2000),
        compare("large template (~10 pages, table, picture)", large_template(), plain_repeats=15, engine_repeats=300),
    ]
    verdict = "meets" if min(ratios) >= TARGET_RATIO else "misses"
    print(f"Lowest ratio {min(ratios):.1f}x: {verdict} the target of {TARGET_RATIO}x.")
    if "--engine" in sys.argv[1:]:
        __import__("shutil").rmtree(WORKDIR, ignore_errors=True)
        return 0
    print()
    post_versus_get(repeats=300)
    __import__("shutil").rmtree(WORKDIR, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
