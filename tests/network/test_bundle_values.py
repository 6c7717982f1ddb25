"""Every value of a bundle goes through the door the admin's forms use, and a refusal names its path."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from soroptimist_advocacy.blocks import CallToActionBlock
from soroptimist_advocacy.bundle.importer import BundleRefused, import_campaign
from soroptimist_advocacy.models import ActionKitPage, LetterTemplate, ResourcePage
from tests import factories

from .bundles import body_block, changed, export, site_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner_bundle(tmp_path):
    """A partner's campaign bundle, its pages gone from this site so that importing creates them."""
    page = site_campaign()
    bundle = export(page, tmp_path / "partner.zip")
    for model in (ActionKitPage, ResourcePage):
        for existing in model.objects.all():
            existing.delete()
    Page.objects.filter(depth__gt=2).delete()
    LetterTemplate.objects.all().delete()
    get_document_model().objects.all().delete()
    return bundle


def counts():
    Document = get_document_model()
    return (Page.objects.count(), Revision.objects.count(), LetterTemplate.objects.count(), Document.objects.count())


def import_refused(bundle) -> str:
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_campaign", str(bundle), "--parent", str(factories.home().pk), stderr=err)
    return err.getvalue()


def test_a_partner_bundle_imports_as_the_editor_would_store_it(partner_bundle):
    result = import_campaign(partner_bundle, factories.home())

    page = ActionKitPage.objects.get()
    assert "Write to your minister" in page.get_latest_revision_as_object().intro
    assert [block.block_type for block in page.body] == [
        "paragraph",
        "resource_list",
        "call_to_action",
        "letter_builder",
        "campaign_summary",
    ]
    assert len(result.created) > 0 and not result.updated


def test_script_onerror_and_javascript_links_are_refused_with_the_path_of_each_value(partner_bundle, tmp_path):
    def hostile(manifest):
        manifest["campaign"]["intro"] = "<p>Welcome<script>alert(document.cookie)</script></p>"
        manifest["campaign"]["privacy_text"] = '<p>Kept <a href="javascript:alert(1)">private</a>.</p>'
        body_block(manifest, "paragraph")["value"] = '<p>Look <img src="x" onerror="alert(1)"/></p>'
        body_block(manifest, "call_to_action")["value"]["external_url"] = "javascript:alert(document.domain)"

    bundle = changed(partner_bundle, tmp_path / "hostile.zip", hostile)
    before = counts()

    errors = import_refused(bundle)

    assert "campaign.intro: " in errors and "<script>" in errors
    assert "campaign.privacy_text: " in errors and "javascript:alert(1)" in errors
    assert "campaign.body[0].value: " in errors and "onerror" in errors
    assert "campaign.body[2].value.external_url: " in errors
    assert counts() == before


def test_malformed_rich_text_is_a_refusal_not_a_traceback(partner_bundle, tmp_path):
    def malformed(manifest):
        manifest["campaign"]["intro"] = "<p>unclosed <b>bold"

    with pytest.raises(BundleRefused) as refused:
        import_campaign(changed(partner_bundle, tmp_path / "malformed.zip", malformed), factories.home())

    assert refused.value.messages == ["campaign.intro: is malformed HTML that the rich text editor cannot read."]


def test_rich_text_linking_to_a_page_of_the_partner_site_by_its_number_is_refused(partner_bundle, tmp_path):
    def internal_link(manifest):
        body_block(manifest, "paragraph")["value"] = '<p>See <a linktype="page" id="3">our page</a>.</p>'

    with pytest.raises(BundleRefused) as refused:
        import_campaign(changed(partner_bundle, tmp_path / "link.zip", internal_link), factories.home())

    assert refused.value.messages[0].startswith("campaign.body[0].value: links to a page, document or image")


@pytest.mark.parametrize(
    "url", ["data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "ftp://example.org/"]
)
def test_call_to_action_urls_of_other_schemes_than_the_webs_are_refused(partner_bundle, tmp_path, url):
    def other_scheme(manifest):
        body_block(manifest, "call_to_action")["value"]["external_url"] = url

    with pytest.raises(BundleRefused) as refused:
        import_campaign(changed(partner_bundle, tmp_path / "url.zip", other_scheme), factories.home())

    assert {message.split(":")[0] for message in refused.value.messages} == {"campaign.body[2].value.external_url"}


def test_the_admin_form_refuses_the_same_schemes():
    block = CallToActionBlock()
    value = {"heading": "Join", "text": "", "button_label": "Go", "page": None, "external_url": "ftp://example.org/"}
    with pytest.raises(ValidationError):
        block.clean(block.to_python(value))
    value["external_url"] = "https://example.org/"
    assert block.clean(block.to_python(value))["external_url"] == "https://example.org/"


def test_titles_slugs_dates_and_countries_go_through_the_pages_own_checks(partner_bundle, tmp_path):
    def invalid(manifest):
        manifest["campaign"].update(title="", slug="not a slug!", opens_on="31/12/2025", target_countries=["FR", "XX"])
        manifest["resources"][0]["resource_type"] = "manifesto"

    with pytest.raises(BundleRefused) as refused:
        import_campaign(changed(partner_bundle, tmp_path / "invalid.zip", invalid), factories.home())

    paths = {message.split(":")[0] for message in refused.value.messages}
    assert {"campaign.title", "campaign.slug", "campaign.opens_on", "campaign.target_countries"} <= paths
    assert "resources[0].resource_type" in paths
    assert not ActionKitPage.objects.exists()


def test_blocks_of_the_wrong_shape_or_unknown_kinds_are_refused(partner_bundle, tmp_path):
    def wrong(manifest):
        body = manifest["campaign"]["body"]
        body.append({"type": "raw_html", "value": "<script>alert(1)</script>"})
        body_block(manifest, "call_to_action")["value"]["onclick"] = "alert(1)"
        body_block(manifest, "resource_list")["value"]["resources"] = "all"

    with pytest.raises(BundleRefused) as refused:
        import_campaign(changed(partner_bundle, tmp_path / "wrong.zip", wrong), factories.home())

    paths = {message.split(":")[0] for message in refused.value.messages}
    assert paths == {"campaign.body[5]", "campaign.body[2].value.onclick", "campaign.body[1].value.resources"}


def test_a_nul_character_is_refused_where_it_is(partner_bundle, tmp_path):
    def nul(manifest):
        manifest["resources"][0]["title"] = "Statement\x00"

    with pytest.raises(BundleRefused) as refused:
        import_campaign(changed(partner_bundle, tmp_path / "nul.zip", nul), factories.home())

    assert refused.value.messages == ["resources[0].title: holds a NUL character."]
