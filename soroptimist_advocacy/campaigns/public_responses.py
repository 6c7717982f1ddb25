"""The public responses page of a campaign (``<campaign>/responses/``): which governments answered.

Per country with a report: whether a response was received and its kind. The kinds are the
public's four (positive, a promise to act, neutral, negative), folded from the report's response
status. Counted from the cached figures (``figures_cache``), so a visitor makes no count. No name,
email, club or note of a report is shown; a response's summary only where the member ticked "may be
published" (``ActionReport.may_publish``), and never once her personal data is erased.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django_countries import countries

from soroptimist_advocacy.models.report import RESPONSE_RECEIVED, ActionReport, ResponseStatus

# The page lists at most this many published summaries, the newest responses first: a page a
# phone can load, however many members agreed.
PUBLISHED_RESPONSES_MAX = 500
TEMPLATE = "soroptimist_advocacy/pages/campaign_responses.html"

# The public kinds in the order the page shows them, with their labels.
POSITIVE, PROMISE, NEUTRAL, NEGATIVE = "positive", "promise", "neutral", "negative"
KIND_LABELS = {
    POSITIVE: _("Positive"),
    PROMISE: _("A promise to act"),
    NEUTRAL: _("Neutral"),
    NEGATIVE: _("Negative"),
}
# Each received status's public kind: an acknowledgement and "other" say nothing either way.
KIND_OF_STATUS = {
    ResponseStatus.POSITIVE: POSITIVE,
    ResponseStatus.PROMISE: PROMISE,
    ResponseStatus.ACKNOWLEDGEMENT: NEUTRAL,
    ResponseStatus.OTHER: NEUTRAL,
    ResponseStatus.NEGATIVE: NEGATIVE,
}


@dataclass(frozen=True)
class PublishedSummary:
    kind: str
    kind_label: str
    response_date: datetime.date | None
    summary: str


@dataclass(frozen=True)
class CountryResponses:
    code: str
    name: str
    reports: int
    kinds: dict[str, int]  # kind -> responses of that kind
    summaries: list[PublishedSummary] = field(default_factory=list)

    @property
    def received(self) -> int:
        return sum(self.kinds.values())

    @property
    def kind_counts(self) -> list[int]:
        """The counts in the page's column order (``KIND_LABELS``)."""
        return [self.kinds.get(kind, 0) for kind in KIND_LABELS]


@dataclass(frozen=True)
class CampaignResponses:
    countries: list[CountryResponses]  # sorted by name in the active language

    @property
    def kind_labels(self) -> list[str]:
        return [str(label) for label in KIND_LABELS.values()]

    @property
    def countries_with_response(self) -> int:
        return sum(1 for row in self.countries if row.received)

    @property
    def with_summaries(self) -> list[CountryResponses]:
        return [row for row in self.countries if row.summaries]

    @property
    def totals(self) -> list[int]:
        return [sum(row.kinds.get(kind, 0) for row in self.countries) for kind in KIND_LABELS]


def published_summaries(campaign_key) -> dict[str, list[PublishedSummary]]:
    """Country -> the summaries members agreed to publish, newest response first (one query,
    at most ``PUBLISHED_RESPONSES_MAX``); nothing but the kind, the date and her words."""
    rows = (
        ActionReport.objects.for_campaign(campaign_key)
        .with_personal_data()
        .filter(RESPONSE_RECEIVED, may_publish=True)
        .exclude(response_summary="")
        .order_by("-response_date", "-created_at")
        .values_list("country", "response_status", "response_date", "response_summary")[:PUBLISHED_RESPONSES_MAX]
    )
    found: dict[str, list[PublishedSummary]] = {}
    for country, status, response_date, summary in rows:
        kind = KIND_OF_STATUS.get(status, NEUTRAL)
        found.setdefault(str(country), []).append(
            PublishedSummary(kind=kind, kind_label=str(KIND_LABELS[kind]), response_date=response_date, summary=summary)
        )
    return found


def campaign_responses(counts: Mapping, summaries: Mapping[str, list[PublishedSummary]]) -> CampaignResponses:
    """The page's rows from the cached ``figure_counts()`` and :func:`published_summaries`."""
    rows = []
    for code, statuses in (counts.get("by_country_status") or {}).items():
        kinds: dict[str, int] = {}
        for status, number in statuses.items():
            kind = KIND_OF_STATUS.get(status)
            if kind is not None:
                kinds[kind] = kinds.get(kind, 0) + number
        rows.append(
            CountryResponses(
                code=code,
                name=str(countries.name(code)) or code,
                reports=sum(statuses.values()),
                kinds=kinds,
                summaries=list(summaries.get(code, [])),
            )
        )
    return CampaignResponses(countries=sorted(rows, key=lambda row: row.name.casefold()))


def serve_responses(request, page, counts: Mapping):
    """The page for *page*'s campaign (every translation's reports) from its cached *counts*; the same
    for every visitor, so the campaign's public cache headers apply (SharedCacheMixin)."""
    responses = campaign_responses(counts, published_summaries(page.translation_key))
    return page.render(request, template=TEMPLATE, context_overrides={"responses": responses})
