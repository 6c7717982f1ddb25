"""A decision maker we keep under a view restriction never travels to another site: not through a
partner's sync of our public export, not in a campaign bundle's directory."""

from __future__ import annotations

import zipfile

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from soroptimist_advocacy.bundle.export import campaign_bundle
from soroptimist_advocacy.models import DecisionMakerPage
from soroptimist_advocacy.network.sync import sync_directory
from tests import factories


@pytest.fixture
def our_directory(db, django_capture_on_commit_callbacks):
    directory = factories.make_directory(title="Ours", slug="ours")
    claire = factories.make_decision_maker(
        directory, "FR", "Claire Dubois", email="claire@example.org", external_id="fr-1"
    )
    factories.make_decision_maker(directory, "KE", "Grace Wanjiru", external_id="ke-1")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=claire, restriction_type=PageViewRestriction.LOGIN)
    return directory


@pytest.mark.parametrize("name", ["export.csv", "export.json"])
def test_a_partner_syncing_our_export_does_not_get_a_restricted_decision_maker(
    settings, stub_server, our_directory, name
):
    export = Client().get(our_directory.url + name)
    stub_server.answer = (200, {"Content-Type": export["Content-Type"]}, export.content)
    settings.SOROPTIMIST_ADVOCACY = {"NETWORK_ALLOWED_HOSTS": [stub_server.host]}
    partner = factories.make_directory(title="Partner", slug="partner")

    result = sync_directory(f"http://{stub_server.host}/{name}", partner)

    assert result.ok, result.errors
    synced = DecisionMakerPage.objects.child_of(partner)
    assert [(page.title, page.external_id) for page in synced] == [("Grace Wanjiru", "ke-1")]
    assert not synced.filter(email="claire@example.org").exists()


def test_a_campaign_bundle_does_not_carry_a_restricted_decision_maker(our_directory, tmp_path):
    page = factories.make_action_kit(directory=our_directory)
    campaign_bundle(page, tmp_path / "campaign.zip")

    with zipfile.ZipFile(tmp_path / "campaign.zip") as bundle:
        directory_csv = bundle.read("directory.csv").decode("utf-8")
    assert "Grace Wanjiru" in directory_csv
    assert "Claire Dubois" not in directory_csv and "claire@example.org" not in directory_csv
