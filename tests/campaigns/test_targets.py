"""A campaign's target is a list of countries (empty: every country); figures count against it."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_countries import countries
from wagtail.admin.panels import get_edit_handler

from soroptimist_advocacy.bundle.export import campaign_bundle
from soroptimist_advocacy.campaigns.pages import get_campaign
from soroptimist_advocacy.models import ActionKitPage, LetterCounter
from tests import factories

CAMPAIGN_KEY = "6a1c3c2e-0000-4000-8000-0000000000aa"


def figures_json(client, page) -> dict:
    return client.get(page.url + page.reverse_subpage("figures_route")).json()


def test_an_empty_target_is_every_country(action_kit):
    assert list(action_kit.target_countries) == []
    assert action_kit.target_country_codes() == [code for code, _name in countries]
    assert action_kit.target_country_count() == len(countries)


def test_a_target_list_is_its_countries(directory):
    page = factories.make_action_kit(directory=directory, target_countries=["KE", "FR", "BR"])
    page.refresh_from_db()

    assert sorted(page.target_country_codes()) == ["BR", "FR", "KE"]
    assert page.target_country_count() == 3


def test_figures_json_reports_the_target_count_of_the_list(client, directory):
    page = factories.make_action_kit(directory=directory, target_countries=["FR", "KE", "BR", "DE"])
    LetterCounter.objects.create(
        campaign_key=page.translation_key, country="FR", language="en", day="2026-01-01", letters=2
    )

    document = figures_json(client, page)

    assert document["target_countries"] == 4
    assert document["totals"]["countries_reached"] == 1


def test_figures_json_of_an_empty_target_counts_every_country(client, action_kit):
    assert figures_json(client, action_kit)["target_countries"] == len(countries)


def test_campaign_summary_shows_reach_against_the_list(client, directory):
    page = factories.make_action_kit(
        directory=directory,
        target_countries=["FR", "KE", "BR", "DE"],
        body=[{"type": "campaign_summary", "value": {"heading": "So far", "intro": ""}}],
    )
    LetterCounter.objects.create(
        campaign_key=page.translation_key, country="FR", language="en", day="2026-01-01", letters=2
    )

    html = client.get(page.url).content.decode()

    assert "1 of 4" in html


def test_the_admin_campaign_carries_the_target_count(directory):
    page = factories.make_action_kit(directory=directory, target_countries=["FR", "KE"])

    assert get_campaign(page.translation_key).target_countries == 2


def test_editors_choose_target_countries_in_the_page_editor(admin_client, action_kit):
    """The field is a multiple choice of countries in the admin form; a code that is no country is refused."""
    field = get_edit_handler(ActionKitPage).get_form_class().base_fields["target_countries"]

    assert field.clean(["FR", "KE"]) == ["FR", "KE"]
    with pytest.raises(ValidationError):
        field.clean(["XX"])
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[action_kit.pk])).content.decode()
    assert 'name="target_countries"' in html and "multiple" in html


# -- the campaign bundle ----------------------------------------------------------------------


def bundle_with_target(path, target):
    document = {
        "format": "soroptimist-advocacy-campaign",
        "version": 1,
        "campaign": {"id": CAMPAIGN_KEY, "title": "Shared", "slug": "shared", "body": [], "target_countries": target},
        "documents": [],
        "letter_templates": [],
        "resources": [],
        "directory": None,
    }
    with zipfile.ZipFile(path, "w") as bundle:
        bundle.writestr("manifest.json", json.dumps(document))
    return path


def import_bundle(path):
    call_command(
        "import_campaign", str(path), "--parent", str(factories.home().pk), stdout=io.StringIO(), stderr=io.StringIO()
    )
    return ActionKitPage.objects.get(translation_key=CAMPAIGN_KEY)


def test_the_bundle_carries_the_target_list(tmp_path, directory):
    page = factories.make_action_kit(directory=directory, target_countries=["KE", "FR"])
    campaign_bundle(page, tmp_path / "campaign.zip")

    with zipfile.ZipFile(tmp_path / "campaign.zip") as bundle:
        manifest = json.loads(bundle.read("manifest.json"))

    assert manifest["campaign"]["target_countries"] == ["FR", "KE"]


def test_a_bundle_target_list_is_imported(tmp_path, db):
    page = import_bundle(bundle_with_target(tmp_path / "b.zip", ["br", "DE"]))

    assert sorted(page.target_country_codes()) == ["BR", "DE"]


@pytest.mark.parametrize("old_target", [125, None])
def test_a_bundle_from_before_target_lists_means_every_country(tmp_path, db, old_target):
    page = import_bundle(bundle_with_target(tmp_path / "b.zip", old_target))

    assert list(page.target_countries) == [] and page.target_country_count() == len(countries)


def test_a_bundle_with_unknown_target_codes_is_refused(tmp_path, db):
    with pytest.raises(CommandError):
        call_command(
            "import_campaign",
            str(bundle_with_target(tmp_path / "b.zip", ["FR", "XX"])),
            "--parent",
            str(factories.home().pk),
            stdout=io.StringIO(),
            stderr=(err := io.StringIO()),
        )

    # Refused by the page's own check of its country field, at the value's path in the bundle.
    assert "campaign.target_countries: Value 'XX' is not a valid choice." in err.getvalue()
    assert not ActionKitPage.objects.filter(translation_key=CAMPAIGN_KEY).exists()
