"""Exact counters under concurrency, without locks held across a request."""

from __future__ import annotations

import datetime

from django.db import connections, router, transaction
from django.utils import timezone

from soroptimist_advocacy.models.counter import LetterCounter


def count_letters(
    *, campaign_key, country: str, language: str, number: int = 1, day: datetime.date | None = None, source: str = ""
) -> None:
    """Add *number* letters made to today's counter (see ``add_to_counter``)."""
    add_to_counter("letters", campaign_key, country, language, number, day, source)


def count_letters_sent(
    *, campaign_key, country: str, language: str, number: int = 1, day: datetime.date | None = None, source: str = ""
) -> None:
    """Add *number* letters sent to the counter of *day* (the day she sent them; today without one)."""
    add_to_counter("letters_sent", campaign_key, country, language, number, day, source)


def add_to_counter(
    column: str, campaign_key, country: str, language: str, number: int, day: datetime.date | None, source: str
) -> None:
    """Add *number* to the counter's *column* ("letters" or "letters_sent") in one atomic upsert.

    ``INSERT ... ON CONFLICT DO UPDATE SET letters = letters + n`` is the same SQL on
    SQLite (>= 3.24) and PostgreSQL, and never loses an increment to a race, unlike
    read-modify-write. It runs in its own short transaction, after the request's
    own when the site wraps requests in one (``ATOMIC_REQUESTS``).
    """
    if column not in ("letters", "letters_sent"):
        raise ValueError(f"no counter column {column!r}")
    database = router.db_for_write(LetterCounter)
    table = connections[database].ops.quote_name(LetterCounter._meta.db_table)
    sql = (
        f"INSERT INTO {table} (campaign_key, country, language, day, source, letters, letters_sent) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (campaign_key, country, language, day, source) "
        f"DO UPDATE SET {column} = {table}.{column} + excluded.{column}"
    )
    key_field = LetterCounter._meta.get_field("campaign_key")
    connection = connections[database]
    params = [
        key_field.get_db_prep_value(campaign_key, connection),
        country,
        language,
        day or timezone.localdate(),
        source or "",
        number if column == "letters" else 0,
        number if column == "letters_sent" else 0,
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
