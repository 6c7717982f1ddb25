"""A resource page under a view restriction (its own, or its listing's) is left out of what the
public sees of other pages: the resource listing, a campaign's resource list block, and the
campaign bundle that carries the resources its body lists."""

from __future__ import annotations

import json
import zipfile

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from soroptimist_advocacy.bundle.export import campaign_bundle
from tests import factories


@pytest.fixture
def resources(db, django_capture_on_commit_callbacks):
    index, (public, private) = factories.make_resources(count=2)
    public.title, private.title = "Public statement", "Private briefing"
    for page in (public, private):
        page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return index, public, private


def campaign_listing(resources):
    _index, public, private = resources
    body = [{"type": "resource_list", "value": {"heading": "Resources", "resources": [public.pk, private.pk]}}]
    return factories.make_action_kit(body=body)


def test_the_resource_listing_leaves_a_restricted_resource_out(resources):
    index, _public, _private = resources
    text = Client().get(index.url).content.decode()
    assert "Public statement" in text and "Private briefing" not in text


def test_a_campaigns_resource_list_leaves_a_restricted_resource_out(resources):
    campaign = campaign_listing(resources)
    text = Client().get(campaign.url).content.decode()
    assert "Public statement" in text and "Private briefing" not in text


def test_a_campaign_bundle_does_not_carry_a_restricted_resource(resources, tmp_path):
    campaign = campaign_listing(resources)
    path = tmp_path / "campaign.zip"
    campaign_bundle(campaign, path)
    with zipfile.ZipFile(path) as bundle:
        manifest = json.loads(bundle.read("manifest.json"))
    assert [resource["title"] for resource in manifest["resources"]] == ["Public statement"]
