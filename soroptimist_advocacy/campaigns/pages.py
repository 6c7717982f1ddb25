"""Campaigns as staff count them: one per ``translation_key``, whatever its languages.

Every translation of an Action Kit page shares its translation key, and so do
the reports and letter counts made on it; a campaign whose pages were deleted
lives on in its reports under the title they kept.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.utils.translation import gettext
from wagtail.models import Locale, Page, get_page_models

from soroptimist_advocacy.models.action_kit import ActionKitMixin
from soroptimist_advocacy.models.report import ActionReport


@dataclass(frozen=True)
class Campaign:
    key: uuid.UUID
    title: str
    page: Page | None  # In the active locale when it exists; None once every page is deleted.
    target_codes: frozenset[str] | None  # The countries the campaign targets (None once deleted).

    @property
    def target_countries(self) -> int | None:
        """How many countries the campaign targets."""
        return None if self.target_codes is None else len(self.target_codes)

    @property
    def deleted(self) -> bool:
        return self.page is None


def campaign_page_models() -> list[type[Page]]:
    return [model for model in get_page_models() if issubclass(model, ActionKitMixin)]


def campaign_pages():
    """Every campaign page in every language."""
    models = campaign_page_models()
    if not models:
        return Page.objects.none()
    return Page.objects.type(*models)


def preferred_locales() -> tuple:
    """The active locale, then the default one (two queries: ask once for many campaigns)."""
    return (Locale.get_active(), Locale.get_default())


def _preferred(pages: list[Page], locales: tuple | None = None) -> Page:
    """The page in the active language, else in the default one, else the first."""
    by_locale = {page.locale_id: page for page in pages}
    for locale in locales or preferred_locales():
        if locale is not None and locale.pk in by_locale:
            return by_locale[locale.pk]
    return pages[0]


def all_campaigns() -> list[Campaign]:
    """Every campaign with a page or a report, sorted by title."""
    pages_by_key: dict[uuid.UUID, list[Page]] = {}
    for page in campaign_pages().select_related("locale").order_by("pk"):
        pages_by_key.setdefault(page.translation_key, []).append(page)
    locales = preferred_locales()
    campaigns = [_campaign(key, pages, locales) for key, pages in pages_by_key.items()]
    orphan_keys = (
        ActionReport.objects.exclude(campaign_key__in=list(pages_by_key))
        .order_by()
        .values_list("campaign_key", flat=True)
        .distinct()
    )
    for key in orphan_keys:
        deleted = _deleted_campaign(key)
        if deleted is not None:  # None when its reports were deleted in the meantime
            campaigns.append(deleted)
    return sorted(campaigns, key=lambda campaign: campaign.title.casefold())


def _campaign(key, pages: list[Page], locales: tuple | None = None) -> Campaign:
    page = _preferred(pages, locales).specific
    return Campaign(key=key, title=page.title, page=page, target_codes=frozenset(page.target_country_codes()))


def _deleted_campaign(key) -> Campaign | None:
    """A campaign known only from its reports, under the title they kept (in the active
    language when a report was made in it)."""
    reports = ActionReport.objects.filter(campaign_key=key).order_by("-created_at")
    language = Locale.get_active().language_code
    title = (
        reports.filter(language=language).values_list("campaign_title", flat=True).first()
        or reports.values_list("campaign_title", flat=True).first()
    )
    if title is None:
        return None
    return Campaign(key=key, title=gettext("%(title)s (deleted)") % {"title": title}, page=None, target_codes=None)


def get_campaign(key) -> Campaign | None:
    pages = list(campaign_pages().filter(translation_key=key).select_related("locale").order_by("pk"))
    if pages:
        return _campaign(key, pages)
    return _deleted_campaign(key)


def campaign_choices() -> list[tuple[str, str]]:
    """(key, title) for a filter: each campaign once, all its translations together."""
    return [(str(campaign.key), campaign.title) for campaign in all_campaigns()]
