"""What translating the directory as it changes costs an import, on this machine, in this run.

    python benchmarks/directory_languages.py [rows]

On the example site's settings with a throwaway SQLite database: the milliseconds per row of
importing *rows* (default 40) new decision makers into a directory in one language, then into a
directory translated into the five other UN languages (each new page is translated into all of
them), then of a re-import that changes one synchronised field of every row (each translation is
synchronised from its source), and the ratios against the one-language import. Tests never time
anything; this script does.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORKDIR = Path(__import__("tempfile").mkdtemp(prefix="sa-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "example_site"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR / 'db.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(WORKDIR / "media")
os.environ["DEBUG"] = "0"
import django  # noqa: E402

django.setup()

HEADER = "external_id,full_name,salutation,position_title,organisation,country,phone"
LANGUAGES = ("fr", "es", "ar", "zh-hans", "ru")


def csv_rows(prefix: str, rows: int, phone: str = "+1 555 0100") -> bytes:
    lines = [HEADER] + [
        f"{prefix}-{number},Person {prefix} {number},Dear Minister,Minister for Women,Ministry,FR,{phone}"
        for number in range(rows)
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


def timed_import(directory, data: bytes, rows: int) -> float:
    from soroptimist_advocacy.directory.importer import import_decision_makers

    started = time.perf_counter()
    plan = import_decision_makers(directory, data)
    elapsed = time.perf_counter() - started
    assert plan.applied, plan.errors
    return 1000 * elapsed / rows


def main(rows: int) -> None:
    from demo.build import home_page
    from django.core.management import call_command
    from wagtail.models import Locale

    from tests import factories

    call_command("migrate", verbosity=0)
    home = home_page()
    single = factories.make_directory(parent=home, title="One language", slug="one-language")
    translated = factories.make_directory(parent=home, title="Six languages", slug="six-languages")
    for code in LANGUAGES:
        locale = Locale.objects.get_or_create(language_code=code)[0]
        translated.copy_for_translation(locale, copy_parents=True).save_revision().publish()

    one = timed_import(single, csv_rows("one", rows), rows)
    six = timed_import(translated, csv_rows("six", rows), rows)
    resync = timed_import(translated, csv_rows("six", rows, phone="+1 555 0199"), rows)
    print(f"import, directory in one language:        {one:8.1f} ms/row")
    print(f"import, directory in six languages:       {six:8.1f} ms/row  ({six / one:.1f}x)")
    print(f"re-import changing a synchronised field:  {resync:8.1f} ms/row  ({resync / one:.1f}x)")


if __name__ == "__main__":
    try:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
    finally:
        __import__("shutil").rmtree(WORKDIR, ignore_errors=True)
