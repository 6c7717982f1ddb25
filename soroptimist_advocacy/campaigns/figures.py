"""A campaign's figures, across all its translations: aggregates only, never a person.

A country counts as *reached* when a letter was generated for it or an action
was reported there.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.db.models import Count, Sum
from django_countries import countries

from soroptimist_advocacy.models.counter import LetterCounter
from soroptimist_advocacy.models.report import RESPONSE_RECEIVED, ActionReport, ResponseStatus


@dataclass(frozen=True)
class CountryFigures:
    code: str
    name: str
    letters: int = 0
    actions: int = 0
    responses: int = 0


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

    @property
    def countries_reached(self) -> int:
        return len(self.countries)

    @property
    def reach_percent(self) -> int | None:
        if not self.target_countries:
            return None
        return min(100, round(100 * self.countries_reached / self.target_countries))


def campaign_figures(campaign_key: uuid.UUID, target_countries: int | None = None) -> CampaignFigures:
    """Letters, actions and responses of one campaign, per country and in total."""
    letters = dict(
        LetterCounter.objects.filter(campaign_key=campaign_key)
        .values("country")
        .annotate(total=Sum("letters"))
        .values_list("country", "total")
    )
    reports = ActionReport.objects.for_campaign(campaign_key)
    per_country = {
        row["country"]: row
        for row in reports.values("country").annotate(
            actions=Count("pk"), responses=Count("pk", filter=RESPONSE_RECEIVED)
        ).order_by()
    }
    by_status = dict(
        reports.values("response_status").annotate(total=Count("pk")).order_by().values_list("response_status", "total")
    )

    codes = {code for code in letters if code} | set(per_country)
    rows = sorted(
        (
            CountryFigures(
                code=code,
                name=str(countries.name(code)) or code,
                letters=letters.get(code) or 0,
                actions=per_country.get(code, {}).get("actions", 0),
                responses=per_country.get(code, {}).get("responses", 0),
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
            StatusFigure(status=value, label=str(label), count=by_status.get(value, 0))
            for value, label in ResponseStatus.choices
        ],
        target_countries=target_countries,
    )
