"""A campaign's figures, across all its translations: aggregates only, never a person.

A country counts as *reached* when a letter was generated for it or an action
was reported there.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass, field

from django.db.models import Count, Sum
from django_countries import countries

from soroptimist_advocacy.models.counter import LetterCounter
from soroptimist_advocacy.models.report import ActionReport, ResponseStatus


@dataclass(frozen=True)
class CountryFigures:
    code: str
    name: str
    letters: int = 0
    actions: int = 0
    responses: int = 0
    letters_sent: int = 0  # of those made, the ones she said she sent (sent/<code>/)


@dataclass(frozen=True)
class StatusFigure:
    status: str
    label: str
    count: int


@dataclass(frozen=True)
class CampaignFigures:
    letters: int
    actions: int
    responses: int
    countries: list[CountryFigures] = field(default_factory=list)  # Sorted by country name.
    responses_by_status: list[StatusFigure] = field(default_factory=list)  # In ResponseStatus order.
    target_countries: int | None = None
    # The campaign's target list when the figures know it: only those countries count as reached.
    target_codes: frozenset[str] | None = None
    letters_sent: int = 0

    @property
    def sent_percent(self) -> int | None:
        """The share of letters made that members said they sent."""
        if not self.letters:
            return None
        return min(100, round(100 * self.letters_sent / self.letters))

    @property
    def countries_reached(self) -> int:
        """Countries with a letter or a report; against a target list, only the listed ones (a
        letter from elsewhere is in the table, not in the progress toward the target)."""
        if self.target_codes is None:
            return len(self.countries)
        return sum(1 for row in self.countries if row.code in self.target_codes)

    @property
    def reach_percent(self) -> int | None:
        if not self.target_countries:
            return None
        return min(100, round(100 * self.countries_reached / self.target_countries))


def figure_counts(campaign_key: uuid.UUID) -> dict:
    """The campaign's raw counts in two grouped queries, as plain data a cache can hold.

    Letters per (country, source, language) and reports per (country, source, language,
    response status):
    the work grows with the number of groups, not of reports, once the database has
    read them, and presentation (country names, labels) stays out of what is cached
    because it depends on the visitor's language.
    """
    letters: dict[str, int] = {}
    letters_by_source: dict[str, int] = {}
    letters_by_language: dict[str, int] = {}
    sent: dict[str, int] = {}
    sent_by_source: dict[str, int] = {}
    sent_by_language: dict[str, int] = {}
    for country, source, language, total, total_sent in (
        LetterCounter.objects.filter(campaign_key=campaign_key)
        .values("country", "source", "language")
        .annotate(total=Sum("letters"), total_sent=Sum("letters_sent"))
        .order_by()
        .values_list("country", "source", "language", "total", "total_sent")
    ):
        total, total_sent = total or 0, total_sent or 0
        if country:
            letters[country] = letters.get(country, 0) + total
            _add(sent, country, total_sent)
        _add(letters_by_source, source or "", total)
        _add(sent_by_source, source or "", total_sent)
        _add(letters_by_language, language or "", total)
        _add(sent_by_language, language or "", total_sent)
    actions: dict[str, int] = {}
    responses: dict[str, int] = {}
    by_status: dict[str, int] = {}
    reports_by_source: dict[str, int] = {}
    reports_by_language: dict[str, int] = {}
    responses_by_source: dict[str, int] = {}
    responses_by_language: dict[str, int] = {}
    by_country_status: dict[str, dict[str, int]] = {}  # the public responses page's kinds per country
    for country, source, language, status, total in (
        ActionReport.objects.for_campaign(campaign_key)
        .values("country", "source", "language", "response_status")
        .annotate(total=Count("pk"))
        .order_by()
        .values_list("country", "source", "language", "response_status", "total")
    ):
        actions[country] = actions.get(country, 0) + total
        if status != ResponseStatus.NO_REPLY:
            responses[country] = responses.get(country, 0) + total
            _add(responses_by_source, source or "", total)
            _add(responses_by_language, language or "", total)
        by_status[status] = by_status.get(status, 0) + total
        _add(by_country_status.setdefault(country, {}), status, total)
        _add(reports_by_source, source or "", total)
        _add(reports_by_language, language or "", total)
    return {
        "letters": letters,
        "actions": actions,
        "responses": responses,
        "by_status": by_status,
        "by_country_status": by_country_status,
        "letters_by_source": letters_by_source,
        "reports_by_source": reports_by_source,
        "letters_sent": sent,
        "letters_sent_by_source": sent_by_source,
        "letters_sent_by_language": sent_by_language,
        "responses_by_source": responses_by_source,
        "letters_by_language": letters_by_language,
        "reports_by_language": reports_by_language,
        "responses_by_language": responses_by_language,
    }


def _add(totals: dict[str, int], key: str, number: int) -> None:
    totals[key] = totals.get(key, 0) + number


def figures_from_counts(counts: dict, target_countries: int | Collection[str] | None = None) -> CampaignFigures:
    """The figures as people read them (country names and status labels in the active
    language) from :func:`figure_counts`; no query. *target_countries* is the target's country
    codes (``ActionKitMixin.target_country_codes()``) or, where only that is known, their number."""
    if target_countries is None or isinstance(target_countries, int):
        target_codes, target_count = None, target_countries
    else:
        target_codes = frozenset(target_countries)
        target_count = len(target_codes)
    letters, actions, responses = counts["letters"], counts["actions"], counts["responses"]
    sent = counts.get("letters_sent") or {}  # counts cached before letters were counted as sent have none
    codes = set(letters) | set(actions)
    rows = sorted(
        (
            CountryFigures(
                code=code,
                name=str(countries.name(code)) or code,
                letters=letters.get(code, 0),
                actions=actions.get(code, 0),
                responses=responses.get(code, 0),
                letters_sent=sent.get(code, 0),
            )
            for code in codes
        ),
        key=lambda row: row.name.casefold(),
    )
    return CampaignFigures(
        letters=sum(row.letters for row in rows),
        actions=sum(row.actions for row in rows),
        responses=sum(row.responses for row in rows),
        countries=rows,
        responses_by_status=[
            StatusFigure(status=value, label=str(label), count=counts["by_status"].get(value, 0))
            for value, label in ResponseStatus.choices
        ],
        target_countries=target_count,
        target_codes=target_codes,
        letters_sent=sum(row.letters_sent for row in rows),
    )


def campaign_figures(campaign_key: uuid.UUID, target_countries: int | Collection[str] | None = None) -> CampaignFigures:
    """Letters, actions and responses of one campaign, per country and in total, counted now
    (the public page and the admin read them through ``figures_cache`` instead)."""
    return figures_from_counts(figure_counts(campaign_key), target_countries)


def per_source_counts(counts: dict) -> dict[str, dict[str, int]]:
    """``{source: {"letters": n, "letters_sent": n, "reports": n}}`` from :func:`figure_counts`;
    ``""`` is no source."""
    sources: dict[str, dict[str, int]] = {}
    for kind, by_source in (
        ("letters", counts["letters_by_source"]),
        ("letters_sent", counts.get("letters_sent_by_source") or {}),
        ("reports", counts["reports_by_source"]),
    ):
        for source, total in by_source.items():
            sources.setdefault(source, {"letters": 0, "letters_sent": 0, "reports": 0})[kind] = total
    return sources
