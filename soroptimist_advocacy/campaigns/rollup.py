"""Our campaign's figures plus every partner's last good snapshot."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext
from django_countries import countries

from soroptimist_advocacy.campaigns.figures import CampaignFigures, campaign_figures
from soroptimist_advocacy.models.network import PartnerFeed


@dataclass(frozen=True)
class PartnerFigures:
    name: str
    url: str
    letters: int
    actions: int
    responses: int
    countries: int
    fetched_at: datetime.datetime | None  # of the last good fetch
    last_attempt_at: datetime.datetime | None  # of the last fetch, good or failed
    generated_at: datetime.datetime | None
    stale: bool
    has_figures: bool
    error: str = ""
    country_rows: list[dict] = field(default_factory=list)
    letters_sent: int = 0


@dataclass(frozen=True)
class NetworkFigures:
    """Combined totals; ``local`` is this site's own figures."""

    local: CampaignFigures
    partners: list[PartnerFigures]
    letters: int
    actions: int
    responses: int
    countries_reached: int
    target_countries: int | None
    letters_sent: int = 0

    @property
    def reach_percent(self) -> int | None:
        if not self.target_countries:
            return None
        return min(100, round(100 * self.countries_reached / self.target_countries))

    @property
    def local_label(self) -> str:
        return gettext("This site")


def partner_feeds_for(campaign_key: uuid.UUID):
    return PartnerFeed.objects.filter(active=True, campaign__translation_key=campaign_key).order_by("name")


def _partner(feed) -> PartnerFigures:
    snapshot = feed.snapshot or {}
    totals = snapshot.get("totals") or {}
    generated = snapshot.get("generated_at") or ""
    return PartnerFigures(
        name=feed.name,
        url=feed.feed_url,
        letters=totals.get("letters", 0),
        letters_sent=totals.get("letters_sent", 0),
        actions=totals.get("actions", 0),
        responses=totals.get("responses", 0),
        countries=totals.get("countries_reached", 0),
        fetched_at=feed.fetched_at,
        last_attempt_at=feed.last_attempt_at,
        generated_at=parse_datetime(generated) if generated else None,
        stale=feed.is_stale(),
        has_figures=bool(feed.snapshot),
        error=feed.last_error,
        country_rows=list(snapshot.get("countries") or []),
    )


def network_figures(
    campaign_key: uuid.UUID, target_countries: int | None = None, local: CampaignFigures | None = None
) -> NetworkFigures:
    """Totals across this site and its partners; a country counts once however many sites reached it."""
    local = local or campaign_figures(campaign_key, target_countries)
    partners = [_partner(feed) for feed in partner_feeds_for(campaign_key)]
    reached = {row.code for row in local.countries}
    for partner in partners:
        reached |= {row["country"] for row in partner.country_rows if row.get("country") in dict(countries)}
    return NetworkFigures(
        local=local,
        partners=partners,
        letters=local.letters + sum(partner.letters for partner in partners),
        actions=local.actions + sum(partner.actions for partner in partners),
        responses=local.responses + sum(partner.responses for partner in partners),
        countries_reached=len(reached),
        target_countries=target_countries,
        letters_sent=local.letters_sent + sum(partner.letters_sent for partner in partners),
    )
