"""Validation figures, on this machine, in this run: how long a template takes to be
accepted or refused.

    python benchmarks/validation.py

Prints the median milliseconds of ``letters.validate`` for a valid template (the
app's default, and an ordinary letter with a loop) and for hostile ones (a DDE
field, a data-dependent cost, nested loops, a zip bomb directory, a damaged
archive, a long trial render). Each run validates bytes never seen before in
the process (a unique core property makes every copy distinct), so the cache by
content hash never answers: this is the cost of a save or of the first letter
after a replacement. Tests never time anything; this script does.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
import uuid
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from django.conf import settings

settings.configure(USE_I18N=False)

from django.core.exceptions import ValidationError  # noqa: E402

from soroptimist_advocacy.letters import default_template_bytes, validate  # noqa: E402
from tests.letters.conftest import build_template, replace_members  # noqa: E402

RUNS = 7
DDE = (
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DDEAUTO c:\\\\x.exe </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
)


def distinct(template: bytes) -> bytes:
    """*template* with a unique extra part: new bytes, so nothing comes from a cache."""
    return replace_members(template, {"customXml/bench.xml": f"<bench>{uuid.uuid4().hex}</bench>".encode()})


def with_dde(template: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(template)) as package:
        document = package.read("word/document.xml").decode()
    return replace_members(template, {"word/document.xml": document.replace("<w:sectPr", DDE + "<w:sectPr", 1)})


def damaged(template: bytes) -> bytes:
    data = bytearray(template)
    data[len(data) // 3] ^= 0xFF
    return bytes(data)


def cases() -> dict[str, tuple[object, bool]]:
    """Each case: a function giving fresh bytes, and whether validation must accept them."""
    default = default_template_bytes()
    ordinary = build_template(
        [
            "Dear {{ recipient.salutation }},",
            "{% for p in body %}{{ p }}{% endfor %}",
            "{{ closing }} {{ member.name }}",
        ],
        header="{{ member.club }}",
        title="Letter to {{ recipient.name }}",
    )
    cost = build_template(
        [
            "{% if member.name == 'x' %}{% for a in body %}{% for b in recipients %}{{ a }}"
            "{% endfor %}{% endfor %}{% endif %}"
        ]
    )
    member_argument = build_template(["{{ member.name|join(member.club) }}"])
    huge = build_template(["{% for p in body %}" + "{{ p }}" * 400 + "{% endfor %}"])
    crowded = build_template(["{{ member.name }}" * 5000])
    return {
        "valid: the default template": (lambda: distinct(default), True),
        "valid: an ordinary letter (loop, header, title)": (lambda: distinct(ordinary), True),
        "hostile: a DDE field": (lambda: distinct(with_dde(default)), False),
        "hostile: cost depending on a member's input": (lambda: distinct(cost), False),
        "hostile: a filter argument from member data": (lambda: distinct(member_argument), False),
        "hostile: a damaged archive": (lambda: damaged(distinct(default)), False),
        "hostile: a body loop printing a huge letter (trial render)": (lambda: distinct(huge), False),
        "hostile: 5,000 placeholders": (lambda: distinct(crowded), False),
    }


def median_ms(fresh_bytes, valid: bool) -> float:
    timings = []
    for _ in range(RUNS):
        fresh = fresh_bytes()
        started = time.perf_counter()
        try:
            validate(fresh)
            outcome = True
        except ValidationError:
            outcome = False
        timings.append((time.perf_counter() - started) * 1000)
        if outcome != valid:
            raise SystemExit(f"unexpected outcome: valid={outcome}, expected {valid}")
    return statistics.median(timings)


def main() -> None:
    validate(default_template_bytes())  # imports and first-use set-up are not a template's cost
    print(f"median of {RUNS} runs, each on bytes never validated before in this process")
    for label, (fresh_bytes, valid) in cases().items():
        print(f"{label:60} {median_ms(fresh_bytes, valid):8.1f} ms", flush=True)


if __name__ == "__main__":
    main()
