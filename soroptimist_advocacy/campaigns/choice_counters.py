"""Count the wording members choose, as the letter counters count letters: one atomic upsert each."""

from __future__ import annotations

from django.db import connections, router

from soroptimist_advocacy.campaigns.counters import upsert_after_request
from soroptimist_advocacy.models.section_choice import SectionChoiceCounter


def count_section_choices(*, campaign_key, choices: dict[str, str], number: int = 1) -> None:
    """Add *number* letters to the counter of each (section, alternative) in *choices*.

    Nothing about who chose is kept; the same ``INSERT ... ON CONFLICT`` as ``count_letters``,
    so no increment is lost to a race, in its own short transaction (after the request's own
    when the site wraps requests in one)."""
    if not choices:
        return
    database = router.db_for_write(SectionChoiceCounter)
    connection = connections[database]
    table = connection.ops.quote_name(SectionChoiceCounter._meta.db_table)
    sql = (
        f"INSERT INTO {table} (campaign_key, section, alternative, letters) VALUES (%s, %s, %s, %s) "
        f"ON CONFLICT (campaign_key, section, alternative) DO UPDATE SET letters = {table}.letters + excluded.letters"
    )
    key = SectionChoiceCounter._meta.get_field("campaign_key").get_db_prep_value(campaign_key, connection)
    rows = [(key, section[:64], alternative[:64], number) for section, alternative in sorted(choices.items())]
    upsert_after_request(database, sql, rows)


def section_choice_counts(campaign_key) -> dict[tuple[str, str], int]:
    """(section id, alternative id) -> letters, for one campaign."""
    rows = SectionChoiceCounter.objects.filter(campaign_key=campaign_key).values_list(
        "section", "alternative", "letters"
    )
    return {(section, alternative): letters for section, alternative, letters in rows}
