"""Letter reference codes stored, confirmed once as sent, and purged: no personal data at any step."""

from __future__ import annotations

import datetime
import enum

from django.db import IntegrityError, router, transaction
from django.utils import timezone

from soroptimist_advocacy.campaigns.counters import count_letters_sent
from soroptimist_advocacy.campaigns.reference_codes import new_code
from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.models.letter_reference import LetterReference

# A new code colliding with a stored one is a 1 in 2 ** 53 event per code; three tries is plenty.
ISSUE_ATTEMPTS = 3


def issue_references(
    *, campaign_key, country: str, language: str, source: str = "", number: int = 1, decision_maker_keys=()
) -> list[str]:
    """*number* new codes (canonical form), stored with what they count for and nothing about
    who; the n-th letter goes to the n-th of *decision_maker_keys* (when given, one per letter)."""
    database = router.db_for_write(LetterReference)
    addressees = list(decision_maker_keys) if len(decision_maker_keys) == number else [None] * number
    for _attempt in range(ISSUE_ATTEMPTS):
        codes = list(dict.fromkeys(new_code() for _ in range(number)))
        if len(codes) < number:
            continue
        references = [
            LetterReference(
                code=code,
                campaign_key=campaign_key,
                country=country,
                language=language,
                source=source or "",
                decision_maker_key=addressee,
            )
            for code, addressee in zip(codes, addressees)
        ]
        try:
            with transaction.atomic(using=database):
                LetterReference.objects.using(database).bulk_create(references)
        except IntegrityError:
            continue
        return codes
    raise RuntimeError("could not draw unused letter reference codes")


class Confirmation(enum.Enum):
    COUNTED = "counted"  # this confirmation counted the letter
    ALREADY_COUNTED = "already_counted"  # confirmed before: counted then, not again
    UNKNOWN = "unknown"  # no such code (never made, or purged)


def find_reference(code: str) -> LetterReference | None:
    return LetterReference.objects.filter(code=code).first()


def confirm_sent(code: str, *, channel: str, sent_on: datetime.date) -> Confirmation:
    """Count the letter with *code* as sent (on *sent_on*, by *channel*), once whatever the race.

    The conditional UPDATE (``sent_on IS NULL``) lets exactly one confirmation win on any
    database; the winner counts the letter in the same transaction, so a code is never marked
    sent without being counted, nor counted twice.
    """
    reference = find_reference(code)
    if reference is None:
        return Confirmation.UNKNOWN
    database = router.db_for_write(LetterReference)
    with transaction.atomic(using=database):
        won = (
            LetterReference.objects.using(database)
            .filter(pk=reference.pk, sent_on__isnull=True)
            .update(sent_on=sent_on, channel=channel)
        )
        if not won:
            return Confirmation.ALREADY_COUNTED
        count_letters_sent(
            campaign_key=reference.campaign_key,
            country=reference.country,
            language=reference.language,
            day=sent_on,
            source=reference.source,
        )
    return Confirmation.COUNTED


def purge_references(now: datetime.datetime | None = None, days: int | None = None) -> int:
    """Delete the codes made before the retention period (``RETENTION_DAYS``); the letters they
    counted stay counted. Returns how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.RETENTION_DAYS if days is None else days)
    deleted, _ = LetterReference.objects.filter(made_at__lt=cutoff).delete()
    return deleted
