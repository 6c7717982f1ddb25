"""Which of the campaigns' target countries a directory covers, and how recently.

The target is the union of the target countries of every campaign page that uses
the directory (in any of its translations), so one directory shared by several
campaigns shows every country any of them wants to reach; a directory no campaign
uses is measured against every country. Two queries whatever the number of
countries: the campaigns, and the directory's decision makers grouped by country.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max

from soroptimist_advocacy.campaigns.pages import campaign_page_models
from soroptimist_advocacy.directory.freshness import stale_condition
from soroptimist_advocacy.web.countries import sorted_countries
from soroptimist_advocacy.web.privacy import publicly_visible


@dataclass(frozen=True)
class CountryCoverage:
    code: str
    name: str  # In the active language.
    decision_makers: int = 0
    last_verified: datetime.date | None = None  # The most recent check of any of them.
    out_of_date: bool = False  # Nobody listed there was verified within STALE_AFTER_DAYS.
    # Filled by the admin report only: who lacks a translation in which campaign language.
    untranslated: str = ""

    @property
    def covered(self) -> bool:
        return self.decision_makers > 0


@dataclass(frozen=True)
class DirectoryCoverage:
    countries: list[CountryCoverage]  # Sorted by name in the active language.
    campaigns: list  # The campaign pages whose targets these are.

    @property
    def covered(self) -> list[CountryCoverage]:
        return [row for row in self.countries if row.covered]

    @property
    def missing(self) -> list[CountryCoverage]:
        return [row for row in self.countries if not row.covered]

    @property
    def missing_first(self) -> list[CountryCoverage]:
        """Countries with nobody listed first, then those whose record may be out of date, by name within each."""
        return sorted(self.countries, key=lambda row: (row.covered, not row.out_of_date))

    @property
    def percent(self) -> int:
        if not self.countries:
            return 0
        return round(100 * len(self.covered) / len(self.countries))


def campaigns_using(directory) -> list:
    """Live campaign pages, in any language, whose directory is *directory* or a translation of it."""
    pages = []
    for model in campaign_page_models():
        pages.extend(
            model.objects.live()
            .filter(directory__translation_key=directory.translation_key)
            .only("pk", "title", "locale_id", "target_countries", "translation_key")
            .order_by("pk")
        )
    return pages


def target_codes(campaigns) -> set[str]:
    """The union of *campaigns*' target countries; every country when there is no campaign."""
    if not campaigns:
        return {code for code, _name in sorted_countries()}
    codes: set[str] = set()
    for campaign in campaigns:
        codes.update(campaign.target_country_codes())
    return codes


def directory_coverage(directory, today: datetime.date | None = None) -> DirectoryCoverage:
    """The coverage of *directory*'s publicly visible decision makers over its campaigns' target
    countries (a decision maker under a view restriction is nobody a member can write to)."""
    campaigns = campaigns_using(directory)
    wanted = target_codes(campaigns)
    fresh = ~stale_condition(today)
    per_country = {
        row["country"]: row
        for row in publicly_visible(directory.get_decision_maker_model().objects.child_of(directory))
        .filter(country__in=wanted)
        .order_by()
        .values("country")
        .annotate(listed=Count("pk"), fresh=Count("pk", filter=fresh), last_verified=Max("last_verified"))
    }
    rows = []
    # Named and sorted in the active language, by its own collation rules.
    for code, name in sorted_countries():
        if code not in wanted:
            continue
        found = per_country.get(code)
        rows.append(
            CountryCoverage(
                code=code,
                name=str(name),
                decision_makers=found["listed"] if found else 0,
                last_verified=found["last_verified"] if found else None,
                out_of_date=found is not None and found["fresh"] == 0,
            )
        )
    return DirectoryCoverage(countries=rows, campaigns=campaigns)
