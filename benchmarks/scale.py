"""Data at scale: do views, exports and commands stay flat as reports pile up?

    python benchmarks/scale.py            # 1,000, 10,000 and 100,000 reports
    python benchmarks/scale.py --quick    # 1,000 and 10,000 only

Never run in CI. Uses PostgreSQL (``SCALE_DATABASE_URL``, default
``postgres://postgres@127.0.0.1:5432/scale_bench``): the database is created,
migrated, loaded with the demo campaign and dropped at the end. For each size N
it replaces every report with N reports (and 10 x N letter-counter rows) written
with ``COPY``, then measures, with the page cache off:

- the median time of the admin report listing, a filtered listing page, the
  campaign impact view and the campaign page (which carries a summary block),
  through Django's test client; impact and the summary read the campaign's figures
  from the shared cache (``campaigns/figures_cache.py``), so the figures are counted
  once per size (the cache is cleared after each fill) and the medians are what
  visitors and editors get between two counts;
- the median time of that count itself (``figure_counts``), which one process pays
  at most every ``FIGURES_REFRESH_SECONDS`` (and an editor's "Aggregate now");
- the peak Python memory (tracemalloc) of the CSV and XLSX exports, consuming
  the streamed response;
- the peak memory of ``send_response_reminders`` (1% of the reports are due: each
  one is an email, and a run that sends 100,000 emails measures the mail backend)
  and of ``purge_personal_data`` (every report is past retention).

Then the time to check and plan a 10,000-row decision-maker import (``--dry-run``)
and to write a 1,000-row one. Ratios compare the largest size with the smallest
(exports: with 10,000 rows).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import statistics
import sys
import time
import tracemalloc
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "example_site"))

DATABASE_URL = os.environ.get("SCALE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/scale_bench")
ADMIN_URL, DATABASE_NAME = DATABASE_URL.rsplit("/", 1)
os.environ["DATABASE_URL"] = DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")
os.environ["PAGE_CACHE"] = "0"
os.environ["DEBUG"] = "0"
os.environ.setdefault("MEDIA_ROOT", str(Path(__import__("tempfile").mkdtemp(prefix="sa-scale-"))))

COUNTRIES = ["FR", "KE", "GB", "IN", "BR", "JP", "NG", "US", "DE", "ES", "AR", "CN", "RU", "EG", "MX"]
ACTIONS = ["letter_posted", "letter_emailed", "meeting", "phone_call", "social_media"]
STATUSES = ["no_reply", "acknowledgement", "positive", "promise", "negative", "other"]
SOURCES = ["", "", "", "newsletter"]  # a quarter of the reports came through a campaign source
REPEATS = 7


def recreate_database() -> None:
    with psycopg.connect(f"{ADMIN_URL}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE_NAME}"')
        connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def drop_database() -> None:
    from django.db import connections

    connections.close_all()
    with psycopg.connect(f"{ADMIN_URL}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE_NAME}" WITH (FORCE)')


def fill(campaign, size: int) -> float:
    """Replace every report and letter counter with *size* reports and 10 x *size* counters."""
    import datetime

    from django.db import connection
    from django.utils import timezone

    from soroptimist_advocacy.models import ActionReport, LetterCounter

    started = time.perf_counter()
    now = timezone.now()
    key = campaign.translation_key
    reports, counters = ActionReport._meta.db_table, LetterCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {reports}, {counters} RESTART IDENTITY")
        raw = cursor.cursor
        columns = (
            "campaign_key, campaign_id, campaign_title, language, country, club, name, email, action_type, "
            "action_date, decision_maker_name, notes, response_status, response_summary, consent, "
            "privacy_text_version, email_consent, token_seed, token_hash, created_at, updated_at, source"
        )
        with raw.copy(f"COPY {reports} ({columns}) FROM STDIN") as copy:
            for number in range(size):
                due = number % 100 == 0  # 1% due for a reminder (see the module docstring)
                created = now - datetime.timedelta(days=20 if due else 400, minutes=number)
                status = "no_reply" if due else STATUSES[number % len(STATUSES)]
                copy.write_row(
                    (
                        key,
                        campaign.pk,
                        campaign.title,
                        "en",
                        COUNTRIES[number % len(COUNTRIES)],
                        f"=SI Club {number % 500}",
                        f"Member {number}",
                        f"member{number}@example.org",
                        ACTIONS[number % len(ACTIONS)],
                        created.date(),
                        "Minister",
                        "Sent on club notepaper.",
                        status,
                        "",
                        True,
                        "sha256:bench",
                        due,
                        uuid.uuid4(),
                        uuid.uuid4().hex,
                        created,
                        created,
                        SOURCES[number % len(SOURCES)],
                    )
                )
        with raw.copy(f"COPY {counters} (campaign_key, country, language, day, source, letters) FROM STDIN") as copy:
            for number in range(10 * size):
                day = now.date() - datetime.timedelta(days=number // (len(COUNTRIES) * 6))
                country = COUNTRIES[number % len(COUNTRIES)]
                language = ("en", "fr", "es", "ar", "zh-hans", "ru")[(number // len(COUNTRIES)) % 6]
                copy.write_row((key, country, language, day, "", 1 + number % 7))
        cursor.execute(f"ANALYZE {reports}; ANALYZE {counters}")
    return time.perf_counter() - started


def median_ms(client, url: str, **params) -> float:
    assert client.get(url, params).status_code == 200, url  # warm up
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        response = client.get(url, params)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, url
    return statistics.median(times) * 1000


def median_call_ms(work) -> float:
    work()  # warm up
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def peak_mb(work) -> float:
    tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def consume_export(client, export_format: str):
    from django.urls import reverse

    def work():
        response = client.get(reverse("action_reports:index"), {"export": export_format})
        assert response.status_code == 200
        for _ in response.streaming_content:
            pass

    return work


def decision_maker_csv(rows: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["external_id", "full_name", "position_title", "country"])
    for number in range(rows):
        writer.writerow([f"bench-{number}", f"Decision Maker {number}", "Minister for Women", COUNTRIES[number % 15]])
    return out.getvalue().encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 reports only.")
    parser.add_argument(
        "--views-only",
        action="store_true",
        help="Only the views and the figures count (no exports, commands or import).",
    )
    options = parser.parse_args()
    sizes = [1_000, 10_000] if options.quick else [1_000, 10_000, 100_000]
    export_base = sizes[-2]

    recreate_database()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client, override_settings
    from django.urls import reverse

    from soroptimist_advocacy.campaigns.figures import figure_counts
    from soroptimist_advocacy.directory.importer import import_decision_makers
    from soroptimist_advocacy.models import ActionKitPage, DecisionMakerIndexPage
    from soroptimist_advocacy.reports.reminders import send_due_reminders
    from soroptimist_advocacy.reports.retention import purge_personal_data

    try:
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        call_command("load_demo", verbosity=0)
        print(f"database ready in {time.perf_counter() - started:.0f} s", flush=True)
        campaign = ActionKitPage.objects.filter(locale__language_code="en").live().first()
        campaign.body.append(("campaign_summary", {"heading": "So far", "intro": "", "include_partners": False}))
        campaign.save_revision().publish()
        campaign.refresh_from_db()
        admin = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
        staff = Client(HTTP_HOST="localhost")
        staff.force_login(admin)
        visitor = Client(HTTP_HOST="localhost")
        listing = reverse("action_reports:index")
        impact = reverse("campaign_impact:impact", args=[campaign.translation_key])

        results: dict[int, dict[str, float]] = {}
        for size in sizes:
            row = results[size] = {}
            print(f"{size:,} reports: built in {fill(campaign, size):.1f} s", flush=True)
            cache.clear()  # the first impact or page view counts this size's figures
            row["listing (first page)"] = median_ms(staff, listing)
            row["listing (filtered, page 2)"] = median_ms(staff, listing, country="KE", action_type="meeting", p="2")
            row["campaign impact"] = median_ms(staff, impact)
            row["campaign page with summary"] = median_ms(visitor, campaign.url)
            row["figures count (one process, every 120 s)"] = median_call_ms(
                lambda: figure_counts(campaign.translation_key)
            )
            if options.views_only:
                print(
                    "  "
                    + ", ".join(f"{name} {value:.2f}" for name, value in row.items())
                    + f" (load average {os.getloadavg()[0]:.1f})",
                    flush=True,
                )
                continue
            if size >= export_base:
                row["CSV export peak MB"] = peak_mb(consume_export(staff, "csv"))
                row["XLSX export peak MB"] = peak_mb(consume_export(staff, "xlsx"))
            with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
                row["reminders peak MB"] = peak_mb(send_due_reminders)
            row["purge peak MB"] = peak_mb(purge_personal_data)
            print(
                "  "
                + ", ".join(f"{name} {value:.2f}" for name, value in row.items())
                + f" (load average {os.getloadavg()[0]:.1f})",
                flush=True,
            )

        directory = DecisionMakerIndexPage.objects.filter(locale__language_code="en").first()
        if options.views_only:
            return report(sizes, results, sizes[0], None, None)
        started = time.perf_counter()
        plan = import_decision_makers(directory, decision_maker_csv(10_000), dry_run=True)
        plan_seconds = time.perf_counter() - started
        planned = f"{len(plan.created):,} to create" if plan.is_valid else f"refused: {plan.errors[0]}"
        started = time.perf_counter()
        plan = import_decision_makers(directory, decision_maker_csv(1_000))
        write_seconds = time.perf_counter() - started
        written = f"{len(plan.created):,} created" if plan.is_valid else f"refused: {plan.errors[0]}"
    finally:
        drop_database()
    return report(sizes, results, export_base, (plan_seconds, planned), (write_seconds, written))


def report(sizes, results, export_base, planned_import, written_import) -> int:
    small, large = sizes[0], sizes[-1]
    print()
    print(f"| | {' | '.join(f'{size:,} reports' for size in sizes)} | ratio (largest / smallest measured) | target |")
    print("|---" * (len(sizes) + 3) + "|")
    for name in results[large]:
        base = results[export_base if "export" in name else small][name]
        values = " | ".join(f"{results[size][name]:.1f}" if name in results[size] else "-" for size in sizes)
        target = "<= 1.2x" if "MB" in name else ("grows with the data" if "count" in name else "<= 2x")
        print(f"| {name} | {values} | {results[large][name] / base:.2f}x | {target} |")
    print()
    if planned_import is None:
        return 0
    (plan_seconds, planned), (write_seconds, written) = planned_import, written_import
    print(
        f"decision-maker import: 10,000 rows checked and planned in {plan_seconds:.1f} s (dry run, {planned}); "
        f"1,000 rows written in {write_seconds:.1f} s ({written})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
