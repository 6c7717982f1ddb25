"""The Wagtail dashboard's "Campaigns" panel: each live campaign's letters this week and in all,
responses, and what waits in its directory; shown only to those who may view action reports, the
directory's columns only to editors of decision makers, and never a member's name or words."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from soroptimist_advocacy.campaigns.counters import count_letters
from soroptimist_advocacy.models import DecisionMakerCorrection, DecisionMakerSuggestion
from soroptimist_advocacy.reports.admin.dashboard import campaign_glances
from tests import factories
from tests.reports.helpers import staff_user

DASHBOARD = "wagtailadmin_home"


@pytest.fixture
def campaign(directory, make_report, claire):
    page = factories.make_action_kit(directory=directory, title="Letters for equality")
    page.save_revision().publish()
    today = timezone.localdate()
    key = page.translation_key
    count_letters(campaign_key=key, country="FR", language="en", number=4, day=today)
    count_letters(campaign_key=key, country="KE", language="fr", number=2, day=today - datetime.timedelta(days=6))
    count_letters(campaign_key=key, country="FR", language="en", number=10, day=today - datetime.timedelta(days=7))
    make_report(page, country="FR", response_status="positive", name="Marie Martin")
    make_report(page, country="FR", response_status="promise")
    make_report(page, country="KE")  # no reply yet

    # The directory: one decision maker not verified for years, one never, one current (Claire).
    factories.make_decision_maker(directory, "BR", "Old Record", last_verified=datetime.date(2015, 1, 1))
    factories.make_decision_maker(directory, "IN", "Never Verified", last_verified=None)
    DecisionMakerSuggestion.objects.create(
        directory=directory, country="BR", name="Ana Souza", position_title="Minister", submitter_name="Secret Sue"
    )
    DecisionMakerSuggestion.objects.create(
        directory=directory, country="JP", name="Handled", position_title="Minister", status="handled"
    )
    DecisionMakerCorrection.for_page(claire, details="She moved to another ministry.", reporter_name="Ren").save()

    # Not live: not on the dashboard.
    draft = factories.make_action_kit(directory=directory, slug="draft", title="Draft campaign")
    draft.live = False
    draft.save()
    return page


def panel_of(html: str) -> str | None:
    match = re.search(r'id="advocacy-campaigns-section"(.*?)</section>', html, re.S)
    return match.group(1) if match else None


def cells(panel: str, css_class: str) -> str:
    return re.search(rf'<td class="{css_class}">(?:<a [^>]*>)?([^<]*)<', panel).group(1)


def test_the_figures_of_each_live_campaign(campaign, admin_user):
    (glance,) = campaign_glances(admin_user)
    assert glance.campaign.key == campaign.translation_key
    # The last seven days, today included: 4 today and 2 six days ago, not the 10 of a week ago.
    assert (glance.letters_this_week, glance.letters, glance.responses) == (6, 16, 2)
    assert (glance.directory.stale, glance.directory.suggestions, glance.directory.corrections) == (2, 1, 1)


def test_the_dashboard_shows_the_panel_with_links_and_no_personal_data(admin_client, campaign):
    html = admin_client.get(reverse(DASHBOARD)).content.decode()
    panel = panel_of(html)
    assert panel is not None and "Draft campaign" not in panel
    assert [cells(panel, name) for name in ("sa-letters-week", "sa-letters", "sa-responses")] == ["6", "16", "2"]
    assert [cells(panel, name) for name in ("sa-stale", "sa-suggestions", "sa-corrections")] == ["2", "1", "1"]
    assert reverse("campaign_impact:impact", args=[campaign.translation_key]) in panel
    assert reverse("wagtailadmin_pages:edit", args=[campaign.pk]) in panel
    assert f"?campaign_key={campaign.translation_key}" in panel
    assert "?out_of_date=true" in panel and "?status=open" in panel
    for personal in ("Marie Martin", "Secret Sue", "Ren", "She moved", "Ana Souza"):
        assert personal not in panel


def test_a_user_who_may_not_view_reports_sees_no_panel(client, django_user_model, campaign):
    client.force_login(staff_user(django_user_model, "editor"))
    response = client.get(reverse(DASHBOARD))
    assert response.status_code == 200
    assert panel_of(response.content.decode()) is None
    assert "Letters for equality" not in response.content.decode()


def test_a_report_viewer_who_edits_no_decision_maker_sees_no_directory_columns(client, django_user_model, campaign):
    viewer = staff_user(django_user_model, "viewer", "view_actionreport")
    client.force_login(viewer)
    panel = panel_of(client.get(reverse(DASHBOARD)).content.decode())
    assert panel is not None
    assert cells(panel, "sa-letters") == "16"
    assert "sa-stale" not in panel and "sa-suggestions" not in panel and "sa-corrections" not in panel
    assert campaign_glances(viewer)[0].directory is None


def test_queries_grow_only_by_each_campaigns_page_lookups(directory, admin_user):
    def count_for(campaigns: int) -> int:
        for number in range(campaigns):
            page = factories.make_action_kit(directory=directory, slug=f"kit-{campaigns}-{number}")
            count_letters(campaign_key=page.translation_key, country="FR", language="en")
        with CaptureQueriesContext(connection) as captured:
            campaign_glances(admin_user)
        return len(captured)

    few = count_for(1)
    many = count_for(4)
    # Per campaign only its specific page; the counts are grouped queries and a directory shared by
    # campaigns is looked up and counted once.
    assert many - few <= 4
