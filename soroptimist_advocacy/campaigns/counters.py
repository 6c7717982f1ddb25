"""Exact counters under concurrency, without locks held across a request."""

from __future__ import annotations

import datetime

from django.db import connections, router, transaction
from django.utils import timezone

from soroptimist_advocacy.models.counter import LetterCounter


def count_letters(
    *, campaign_key, country: str, language: str, number: int = 1, day: datetime.date | None = None, source: str = ""
) -> None:
    """Add *number* letters to today's counter in one atomic upsert.

    ``INSERT ... ON CONFLICT DO UPDATE SET letters = letters + n`` is the same SQL on
    SQLite (>= 3.24) and PostgreSQL, and never loses an increment to a race, unlike
    read-modify-write. It runs in its own short transaction, after the request's
    own when the site wraps requests in one (``ATOMIC_REQUESTS``).
    """
    database = router.db_for_write(LetterCounter)
    table = connections[database].ops.quote_name(LetterCounter._meta.db_table)
    sql = (
        f"INSERT INTO {table} (campaign_key, country, language, day, source, letters) VALUES (%s, %s, %s, %s, %s, %s) "
        f"ON CONFLICT (campaign_key, country, language, day, source) DO UPDATE SET letters = {table}.letters + excluded.letters"
    )
    key_field = LetterCounter._meta.get_field("campaign_key")
    connection = connections[database]
    params = [
        key_field.get_db_prep_value(campaign_key, connection),
        country,
        language,
        day or timezone.localdate(),
        source or "",
        number,
    ]

    upsert_after_request(database, sql, [params])


def upsert_after_request(database: str, sql: str, rows: list) -> None:
    """Run a counter's upsert *sql* for each of *rows*, in its own transaction."""

    def upsert():
        with transaction.atomic(using=database), connections[database].cursor() as cursor:
            cursor.executemany(sql, rows)

    connection = connections[database]
    if connection.settings_dict.get("ATOMIC_REQUESTS") and connection.in_atomic_block:
        # A site with ATOMIC_REQUESTS would otherwise hold the counter row's lock
        # until the whole request commits; count once the request's work is committed.
        transaction.on_commit(upsert, using=database)
    else:
        upsert()
