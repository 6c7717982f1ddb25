"""The Wagtail dashboard's "Campaigns" panel: each live campaign at a glance, with links.

Letters this week (the last seven days, today included) and in all, responses received, and for
editors of the directory the decision makers that may be out of date and the members' suggestions
and corrections waiting. Counts only, never a member's name or words; shown to those who may view
action reports (the impact view's permission), the directory's columns only to those who may edit
decision makers. Counted when the dashboard opens, in a few grouped queries however many campaigns.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from soroptimist_advocacy.campaigns.pages import Campaign, all_campaigns
from soroptimist_advocacy.compat import get_permission_policy
from soroptimist_advocacy.directory.freshness import stale_condition
from soroptimist_advocacy.models.counter import LetterCounter
from soroptimist_advocacy.models.report import RESPONSE_RECEIVED, ActionReport
from soroptimist_advocacy.web.admin import url_names
from soroptimist_advocacy.web.admin.permissions import (
    can_edit_decision_makers,
    visible_corrections,
    visible_suggestions,
)

# "This week": the last seven days, today included, whatever day the week starts on where she is.
WEEK_DAYS = 7


@dataclass(frozen=True)
class DirectoryWork:
    """What waits in a campaign's directory; None where she may not edit decision makers."""

    stale: int
    suggestions: int
    corrections: int


@dataclass(frozen=True)
class CampaignGlance:
    campaign: Campaign
    letters_this_week: int
    letters: int
    responses: int
    directory: DirectoryWork | None
    impact_url: str
    reports_url: str
    edit_url: str


def may_see_panel(user) -> bool:
    """Who may view action reports may see the campaigns' figures (``ReportFiguresPermissionMixin``)."""
    return get_permission_policy(ActionReport).user_has_permission(user, "view")


def live_campaigns() -> list[Campaign]:
    return [campaign for campaign in all_campaigns() if campaign.page is not None and campaign.page.live]


def letter_totals(keys: list[uuid.UUID], today: datetime.date) -> dict[uuid.UUID, tuple[int, int]]:
    """Campaign key -> (letters in the last WEEK_DAYS days, letters in all), in one query."""
    since = today - datetime.timedelta(days=WEEK_DAYS - 1)
    rows = (
        LetterCounter.objects.filter(campaign_key__in=keys)
        .values("campaign_key")
        .annotate(week=Sum("letters", filter=Q(day__gte=since)), total=Sum("letters"))
        .order_by()
    )
    return {row["campaign_key"]: (row["week"] or 0, row["total"] or 0) for row in rows}


def response_totals(keys: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Campaign key -> reports with a response received, in one query."""
    rows = (
        ActionReport.objects.filter(RESPONSE_RECEIVED, campaign_key__in=keys)
        .values("campaign_key")
        .annotate(total=Count("pk"))
        .order_by()
    )
    return {row["campaign_key"]: row["total"] for row in rows}


def directory_work(user, directory, today: datetime.date) -> DirectoryWork:
    """The directory's decision makers that may be out of date (live ones, in its language: their
    verification date is the same in every translation), and the open suggestions and corrections
    about it in any of its languages that *user* may handle."""
    stale = (
        directory.get_decision_maker_model()
        .objects.descendant_of(directory)
        .live()
        .filter(stale_condition(today))
        .count()
    )
    translations = list(Page.objects.filter(translation_key=directory.translation_key).values_list("path", flat=True))
    under = Q()
    for path in translations:
        under |= Q(decision_maker__path__startswith=path)
    corrections = visible_corrections(user).open().filter(under).count() if translations else 0
    suggestions = visible_suggestions(user).open().filter(directory__translation_key=directory.translation_key).count()
    return DirectoryWork(stale=stale, suggestions=suggestions, corrections=corrections)


def campaign_glances(user, today: datetime.date | None = None) -> list[CampaignGlance]:
    """One row per live campaign, sorted by title."""
    today = today or timezone.localdate()
    campaigns = live_campaigns()
    keys = [campaign.key for campaign in campaigns]
    letters = letter_totals(keys, today)
    responses = response_totals(keys)
    editor = can_edit_decision_makers(user)
    # Campaigns sharing a directory (in one language) look it up and count its work once.
    work_by_directory: dict[tuple, DirectoryWork | None] = {}
    glances = []
    for campaign in campaigns:
        work = None
        page = campaign.page
        if page is None:  # live_campaigns() keeps only campaigns with a live page
            continue
        if editor and page.directory_id is not None:
            chosen = (page.directory_id, page.locale_id)
            if chosen not in work_by_directory:
                directory = page.get_directory()
                work_by_directory[chosen] = directory_work(user, directory, today) if directory is not None else None
            work = work_by_directory[chosen]
        week, total = letters.get(campaign.key, (0, 0))
        glances.append(
            CampaignGlance(
                campaign=campaign,
                letters_this_week=week,
                letters=total,
                responses=responses.get(campaign.key, 0),
                directory=work,
                impact_url=reverse(url_names.CAMPAIGN_IMPACT_CAMPAIGN, args=[campaign.key]),
                reports_url=reverse(url_names.ACTION_REPORTS_INDEX) + f"?campaign_key={campaign.key}",
                edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            )
        )
    return glances


class CampaignsDashboardPanel(Component):
    """The panel itself; ``wagtail_hooks`` adds it for those :func:`may_see_panel` lets through."""

    name = "advocacy_campaigns"
    order = 150  # after Wagtail's site summary, before the moderation and recent-edits panels
    template_name = "soroptimist_advocacy/admin/dashboard_campaigns.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        user = self.request.user
        editor = can_edit_decision_makers(user)
        return {
            "glances": campaign_glances(user),
            "directory_columns": editor,
            "week_days": WEEK_DAYS,
            "impact_index_url": reverse(url_names.CAMPAIGN_IMPACT_INDEX),
            "stale_url": reverse(url_names.DECISION_MAKERS_INDEX) + "?out_of_date=true",
            "suggestions_url": reverse(url_names.SUGGESTIONS_INDEX) + "?status=open",
            "corrections_url": reverse(url_names.CORRECTIONS_INDEX) + "?status=open",
        }
