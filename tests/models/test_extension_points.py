"""A site builds its own page types on the app's mixins and overrides page methods
(``get_letter_contexts``, ``process_report``, ``get_decision_maker_model``...), as
with ``wagtail.contrib.forms``: the routes call the methods, and such pages are
purged from the page cache like the app's own."""

import json

import pytest
from django.http import QueryDict
from django.test import Client

from soroptimist_advocacy.models import (
    ActionReport,
    DecisionMakerCorrection,
    DecisionMakerIndexPage,
    DecisionMakerPage,
    DecisionMakerSuggestion,
)
from soroptimist_advocacy.signal_handlers import pages_to_purge
from soroptimist_advocacy.web.page_cache import normalised_query
from tests import factories
from tests.directory import test_suggestions
from tests.directory.test_corrections import correction_url, form_data
from tests.letter_helpers import docx_text, letter_data, post_letter
from tests.reports.helpers import post_report
from tests.testapp_ext.models import DistrictCampaignPage, RegionalDecisionMakerPage, RegionalDirectoryPage
from tests.web.test_page_cache import rendered


@pytest.fixture
def district_campaign(directory) -> DistrictCampaignPage:
    page = DistrictCampaignPage(
        title="North district campaign",
        slug="north",
        district="North",
        directory=directory,
        body=json.dumps([factories.letter_block()]),
    )
    return factories.add(factories.home(), page)


def test_overriding_get_letter_contexts_changes_the_letter(csrf_client, district_campaign, directory):
    minister = directory.get_decision_makers().get(country="FR")
    response = post_letter(csrf_client, district_campaign, letter_data(decision_maker=[minister.pk]))
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "Written on behalf of the North district." in text
    assert "Claire Dubois" in text and "Marie Curie" in text


def test_the_app_page_letter_is_not_changed_by_the_subclass(csrf_client, action_kit, directory):
    minister = directory.get_decision_makers().get(country="FR")
    response = post_letter(csrf_client, action_kit, letter_data(decision_maker=[minister.pk]))
    assert "district" not in docx_text(response.content)


def test_overriding_process_report_is_honoured(csrf_client, district_campaign):
    response = post_report(csrf_client, district_campaign, notes="Posted today.")
    assert response.status_code == 200
    report = ActionReport.objects.get()
    assert report.notes == "[North] Posted today."
    assert report.campaign_id == district_campaign.pk


def test_get_decision_maker_model_override_is_used(db):
    regional = factories.add(factories.home(), RegionalDirectoryPage(title="Regional", slug="regional"))
    factories.add(regional, RegionalDecisionMakerPage(title="Ana Silva", country="PT", position_title="Minister"))
    # An app decision maker under the same directory is not what the hook names, so it is not listed.
    factories.add(regional, DecisionMakerPage(title="Claire Dubois", country="PT", position_title="Minister"))
    assert [type(page) for page in regional.get_decision_makers()] == [RegionalDecisionMakerPage]
    html = Client().get(regional.url, {"country": "PT"}).content.decode()
    assert "Ana Silva" in html and "Claire Dubois" not in html


def test_overriding_save_correction_is_honoured(csrf_client, db):
    regional = factories.add(factories.home(), RegionalDirectoryPage(title="Regional", slug="regional"))
    ana = factories.add(regional, RegionalDecisionMakerPage(title="Ana Silva", country="PT", position_title="Minister"))
    response = csrf_client.post(correction_url(ana), form_data(csrf_client, ana))
    assert response.status_code == 302
    assert DecisionMakerCorrection.objects.get().details == "[regional] She left office in May."


def test_overriding_the_suggestion_hooks_is_honoured(client, csrf_client, directory, db):
    regional = factories.add(factories.home(), RegionalDirectoryPage(title="Regional", slug="regional"))
    suggest_url = test_suggestions.suggest_url(regional)

    # get_suggestion_form: the region's form starts on its country, unless the link names another.
    assert '<option value="PT" selected>' in client.get(suggest_url).content.decode()
    assert '<option value="BR" selected>' in client.get(suggest_url, {"country": "BR"}).content.decode()
    assert '<option value="PT" selected>' not in client.get(test_suggestions.suggest_url(directory)).content.decode()

    # save_suggestion: what the region stores.
    data = test_suggestions.form_data(csrf_client, regional, evidence="Announced in May")
    response = csrf_client.post(suggest_url, data)

    assert response.status_code == 302 and response["Location"] == suggest_url + "thanks/"
    suggestion = DecisionMakerSuggestion.objects.get()
    assert suggestion.evidence == "[regional] Announced in May" and suggestion.directory_id == regional.pk


def test_the_default_decision_maker_model_follows_the_subpage_types():
    assert DecisionMakerIndexPage.get_decision_maker_model() is DecisionMakerPage


def test_get_directory_page_model_is_the_directory_field_target(district_campaign, directory):
    assert district_campaign.get_directory_page_model() is DecisionMakerIndexPage
    assert district_campaign.get_directory() == directory


def test_publishing_a_subclass_of_action_kit_mixin_purges_the_page_cache(district_campaign):
    rendered(district_campaign.url)
    assert not rendered(district_campaign.url), "the second view should come from the cache"
    district_campaign.district = "South"
    district_campaign.save_revision().publish()
    assert rendered(district_campaign.url), "a stale copy was served"


def test_publishing_a_decision_maker_of_a_site_type_purges_its_directory(db):
    regional = factories.add(factories.home(), RegionalDirectoryPage(title="Regional", slug="regional"))
    ana = factories.add(regional, RegionalDecisionMakerPage(title="Ana Silva", country="PT", position_title="Minister"))
    assert {page.pk for page in pages_to_purge(ana)} == {ana.pk, regional.pk}


def test_page_types_declare_the_query_parameters_the_cache_keeps(db):
    assert DistrictCampaignPage.cache_query_parameters.keys() == {"country", "source"}
    assert RegionalDirectoryPage.cache_query_parameters.keys() == {"country"}
    # Only declared parameters with valid values make the key; "type" is the resource listing's.
    assert normalised_query(QueryDict("type=statement&country=pt&district=North")) == "country=PT&type=statement"
