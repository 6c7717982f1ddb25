"""An import stays under its parent, and without --live changes nothing visitors or members see."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from soroptimist_advocacy.bundle.importer import BundleRefused, import_campaign
from soroptimist_advocacy.letters import default_template_bytes
from soroptimist_advocacy.models import (
    ActionKitPage,
    DecisionMakerIndexPage,
    DecisionMakerPage,
    LetterTemplate,
    ResourcePage,
)
from soroptimist_advocacy.models.template_versions import read_document_bytes
from tests import factories
from tests.letter_helpers import docx_text, letter_data, post_letter

from .bundles import INTRO, another_letter_template, changed, export, read_members, site_campaign, with_document

pytestmark = pytest.mark.django_db


def snapshot():
    """Everything an import could change: each page's row and revisions, each template, each document."""
    pages = {
        page.pk: (page.title, page.slug, page.live, page.latest_revision_id, page.url_path)
        for page in Page.objects.all()
    }
    templates = {
        template.pk: (template.name, template.document_id, template.pending_document_id)
        for template in LetterTemplate.objects.all()
    }
    emails = dict(DecisionMakerPage.objects.values_list("pk", "email"))
    return pages, Revision.objects.count(), templates, emails, get_document_model().objects.count()


def test_keys_that_exist_outside_the_parent_are_refused_naming_the_pages_and_nothing_changes(tmp_path):
    campaign = site_campaign()  # The site's own campaign, directly under the home page.
    bundle = export(campaign, tmp_path / "ours.zip")  # Its keys are public: figures.json shows the campaign's.
    elsewhere = factories.add(factories.home(), Page(title="Partner campaigns", slug="partners"))
    before = snapshot()

    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_campaign", str(bundle), "--parent", str(elsewhere.pk), stderr=err)

    errors = err.getvalue()
    assert "campaign.id: " in errors and "“Post CSW Advocacy Action Kit” at /home/action-kit/" in errors
    assert "directory.id: " in errors and "“Who is responsible” at /home/decision-makers/" in errors
    assert "resources[0].id: " in errors and "/home/resources/resource-0/" in errors
    assert "letter_templates[0].id: " in errors and "“Site letter”" in errors
    assert snapshot() == before


def test_a_letter_template_used_outside_the_parent_is_refused(tmp_path):
    ours = site_campaign()
    bundle = export(ours, tmp_path / "ours.zip")
    # The bundle's own pages are under the parent; only its letter template is the site's, used elsewhere.
    other_parent = factories.add(factories.home(), Page(title="Imports", slug="imports"))

    def new_pages(manifest):
        manifest["campaign"]["id"] = "6a1c3c2e-0000-4000-8000-00000000000a"
        manifest["directory"]["id"] = manifest["campaign"]["directory"] = "6a1c3c2e-0000-4000-8000-00000000000b"
        manifest["resources"][0]["id"] = "6a1c3c2e-0000-4000-8000-00000000000c"
        for block in manifest["campaign"]["body"]:
            if block["type"] == "resource_list":
                block["value"]["resources"] = [{"page": "6a1c3c2e-0000-4000-8000-00000000000c"}]

    before = snapshot()
    with pytest.raises(BundleRefused) as refused:
        import_campaign(changed(bundle, tmp_path / "template.zip", new_pages), other_parent)

    assert refused.value.messages == [
        "letter_templates[0].id: the letter template “Site letter” already exists on this site and is used "
        "outside the chosen parent, by “Post CSW Advocacy Action Kit” at /home/action-kit/."
    ]
    assert snapshot() == before


def test_reimporting_in_place_counts_what_really_changed(tmp_path):
    campaign = site_campaign()
    bundle = export(campaign, tmp_path / "ours.zip")

    result = import_campaign(bundle, factories.home(), live=True)

    assert not result.created and not result.updated
    # The template, the directory, its 2 decision makers, the listing, the resource, the campaign, 2 documents.
    assert len(result.unchanged) == 9
    assert ActionKitPage.objects.get().latest_revision_id == campaign.latest_revision_id


def imported_changes(bundle, tmp_path):
    """The partner's new version of the campaign: every part changed, the template with a new .docx."""
    new_template = another_letter_template()
    members = {}

    def change(manifest):
        manifest["campaign"]["intro"] = "<p>An imported introduction.</p>"
        manifest["directory"]["title"] = "Imported directory"
        manifest["resources"][0]["title"] = "Imported statement"
        digest, name = with_document(manifest, new_template, "imported.docx")
        manifest["letter_templates"][0]["document"] = digest
        members[name] = new_template

    rows = list(csv.DictReader(io.StringIO(read_members(bundle)["directory.csv"].decode("utf-8-sig"))))
    for row in rows:
        if row["external_id"] == "fr-1":
            row["email"] = "imported@example.org"
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    members["directory.csv"] = output.getvalue().encode("utf-8")
    return changed(bundle, tmp_path / "imported.zip", change, members), new_template


def test_a_draft_import_changes_nothing_visitors_or_members_see(tmp_path, client, django_capture_on_commit_callbacks):
    campaign = site_campaign()
    directory = DecisionMakerIndexPage.objects.get()
    claire = DecisionMakerPage.objects.get(external_id="fr-1")
    bundle, new_template = imported_changes(export(campaign, tmp_path / "ours.zip"), tmp_path)

    call_command("import_campaign", str(bundle), "--parent", str(factories.home().pk), stdout=io.StringIO())

    # Visitors: the campaign page, the directory, the decision maker and the directory's export as before.
    page = client.get(campaign.url)
    assert INTRO in page.content.decode() and "An imported introduction" not in page.content.decode()
    listing = client.get(directory.url, {"country": "FR"}).content.decode()
    assert "Who is responsible" in listing and "Imported directory" not in listing
    assert "claire@example.org" in client.get(claire.url).content.decode()
    exported = client.get(directory.url + "export.csv").content.decode()
    assert "claire@example.org" in exported and "imported@example.org" not in exported
    assert "Imported statement" not in client.get(ResourcePage.objects.get().url).content.decode()
    # Members: the letter to Claire comes from the template's document they had.
    campaign.refresh_from_db()
    assert campaign.get_letter_template("en") == default_template_bytes()
    letter = post_letter(client, campaign, letter_data(decision_maker=str(claire.pk)))
    assert letter.status_code == 200 and "Claire Dubois" in docx_text(letter.content)

    # Editors: every change waits as a draft, the new .docx on the template for approval.
    assert "An imported introduction" in ActionKitPage.objects.get().get_latest_revision_as_object().intro
    assert DecisionMakerIndexPage.objects.get().get_latest_revision_as_object().title == "Imported directory"
    claire.refresh_from_db()
    assert claire.email == "claire@example.org" and claire.has_unpublished_changes
    assert claire.get_latest_revision_as_object().email == "imported@example.org"
    template = LetterTemplate.objects.get()
    assert read_document_bytes(template.document) == default_template_bytes()
    assert read_document_bytes(template.pending_document) == new_template

    # An editor approves the document (committed, as the admin's request is): members get it from then on.
    with django_capture_on_commit_callbacks(execute=True):
        template.approve_pending_document()
    assert ActionKitPage.objects.get().get_letter_template("en") == new_template


def test_a_draft_import_of_a_new_campaign_creates_only_unpublished_pages(tmp_path):
    bundle = export(site_campaign(), tmp_path / "partner.zip")
    parent = factories.add(factories.home(), Page(title="Partners", slug="partners"))
    # Another site: the partner's pages are not here.
    for page in Page.objects.filter(depth__gt=2).exclude(pk=parent.pk).order_by("-depth"):
        page.delete()
    LetterTemplate.objects.all().delete()
    get_document_model().objects.all().delete()

    result = import_campaign(bundle, parent)

    created = Page.objects.descendant_of(parent)
    assert created.count() == 6 and not created.filter(live=True).exists()
    assert {item.action for item in result.items} == {"created"}
    assert LetterTemplate.objects.get().document is None  # Waiting for approval; members get the default letter.
    assert LetterTemplate.objects.get().pending_document is not None

    # Imported again with --live: everything is published, the document in use.
    import_campaign(bundle, parent, live=True)

    assert created.count() == 6 and not created.filter(live=False).exists()
    template = LetterTemplate.objects.get()
    assert template.document is not None and template.pending_document is None


def test_a_dry_run_writes_nothing(tmp_path):
    bundle, _template = imported_changes(export(site_campaign(), tmp_path / "ours.zip"), tmp_path)
    before = snapshot()
    out = io.StringIO()

    call_command("import_campaign", str(bundle), "--parent", str(factories.home().pk), "--dry-run", stdout=out)

    assert "Dry run, nothing written" in out.getvalue() and "5 updated" in out.getvalue()
    assert snapshot() == before
