"""A campaign whose directory has nothing to export (only samples) still travels: its directory
arrives empty, and the import says why."""

from __future__ import annotations

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Page

from soroptimist_advocacy.bundle.importer import import_campaign
from soroptimist_advocacy.models import ActionKitPage, DecisionMakerIndexPage, DecisionMakerPage, LetterTemplate
from tests import factories

from .bundles import export, read_members, site_campaign

pytestmark = pytest.mark.django_db


def test_a_directory_of_samples_imports_empty_with_a_note(tmp_path):
    page = site_campaign()
    DecisionMakerPage.objects.update(is_sample=True)
    bundle = export(page, tmp_path / "samples.zip")
    assert read_members(bundle)["directory.csv"].decode("utf-8-sig").strip().count("\n") == 0  # A header alone.
    Page.objects.filter(depth__gt=2).delete()
    LetterTemplate.objects.all().delete()
    get_document_model().objects.all().delete()

    result = import_campaign(bundle, factories.home(), live=True)

    campaign = ActionKitPage.objects.get()
    directory = DecisionMakerIndexPage.objects.get()
    assert campaign.live and campaign.get_directory().pk == directory.pk
    assert not DecisionMakerPage.objects.exists()
    (item,) = [item for item in result.items if item.object is not None and item.object.pk == directory.pk]
    assert "no decision makers came with it" in item.note
