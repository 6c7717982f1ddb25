"""Campaigns that spread: the share prompt after a letter and after a report, the social
preview and hreflang tags of every translation, the sitemap of every live translation,
and the resource list's "See all resources" link."""

from __future__ import annotations

import html as html_module
import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.images import ImageFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from soroptimist_advocacy.models import ActionKitPage
from soroptimist_advocacy.web.social_meta import page_meta
from tests import factories
from tests.letter_helpers import ORIGIN as LETTER_ORIGIN
from tests.letter_helpers import letter_data, post_letter
from tests.reports.helpers import post_report

SHARE_BLOCK = {
    "type": "share_links",
    "value": {"heading": "Share", "share_text": "Block text", "handle": "@SoroptiTweet", "networks": ["x", "email"]},
}
ORIGIN = "http://localhost"  # the default site of the test database


@pytest.fixture
def settings_without_page_cache(settings):
    """Each test renders its page: a cached copy from another test's page must not answer."""
    settings.SOROPTIMIST_ADVOCACY = {**getattr(settings, "SOROPTIMIST_ADVOCACY", {}), "PAGE_CACHE": False}
    return settings


@pytest.fixture(autouse=True)
def _no_page_cache(settings_without_page_cache):
    yield


def make_image(title="Hero", size=(1600, 900)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (0, 66, 122)).save(buffer, format="PNG")
    image = get_image_model()(title=title)
    image.file.save(f"{title.lower()}.png", ImageFile(buffer, name=f"{title.lower()}.png"), save=False)
    image.save()
    return image


def translate(page, language: str, title: str, **fields):
    """*page*'s live translation into *language*, as the other tests build one."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.title = title
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def share_prompt(html: str) -> str:
    match = re.search(r'<div class="sa-share-prompt" data-sa-share-prompt>(.*?)</div>', html, re.S)
    assert match, "no share prompt on the page"
    return match.group(1)


def share_hrefs(prompt: str) -> dict[str, str]:
    return {
        label: html_module.unescape(href)
        for href, label in re.findall(r'<li><a href="([^"]+)" rel="noopener" target="_blank">([^<]+)<', prompt)
    }


def meta_content(html: str, attribute: str, name: str) -> list[str]:
    return [
        html_module.unescape(value)
        for value in re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    ]


def hreflang_links(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


# -- share after the action ---------------------------------------------------------


def letter_confirmation(client, page, claire) -> str:
    """The page a member gets once her letter is made (letter/text/, the confirmation)."""
    response = client.post(
        page.url + "letter/text/", letter_data(decision_maker=[claire.pk]), HTTP_ORIGIN=LETTER_ORIGIN
    )
    assert response.status_code == 200
    return response.content.decode()


def test_next_steps_offer_the_editors_share_text_with_the_campaign_link(directory, claire, csrf_client):
    # With a share links block on the page, the prompt offers that block's networks and handle.
    action_kit = factories.make_action_kit(
        directory=directory, body=[factories.letter_block(), SHARE_BLOCK], share_text="Write to your minister with us!"
    )
    # The confirmation once the letter is made: the share step comes after the letter, not before.
    html = letter_confirmation(csrf_client, action_kit, claire)
    next_steps = html[html.index("data-sa-next-steps") :]
    prompt = share_prompt(next_steps)
    assert "Write to your minister with us!" in prompt
    links = share_hrefs(prompt)
    assert set(links) == {"X", "Email"}
    x_query = parse_qs(urlsplit(links["X"]).query)
    assert x_query == {
        "text": ["Write to your minister with us!"],
        "url": [f"{ORIGIN}/action-kit/"],
        "via": ["SoroptiTweet"],
    }
    assert links["Email"].startswith("mailto:?subject=Post%20CSW%20Advocacy%20Action%20Kit&body=Write%20to%20your")


def test_the_share_prompt_follows_the_letter_not_the_form(csrf_client, action_kit, claire):
    assert "data-sa-share-prompt" not in csrf_client.get(action_kit.url, {"country": "FR"}).content.decode()
    page_html = letter_confirmation(csrf_client, action_kit, claire)
    links = share_hrefs(share_prompt(page_html[page_html.index("data-sa-next-steps") :]))
    # Without a share links block every network is offered; the default message is the title.
    assert set(links) == {"Facebook", "X", "LinkedIn", "WhatsApp", "Email"}
    assert parse_qs(urlsplit(links["WhatsApp"]).query) == {
        "text": [f"Post CSW Advocacy Action Kit {ORIGIN}/action-kit/"]
    }


def test_a_form_with_errors_offers_no_share_prompt_before_the_letter(csrf_client, action_kit):
    response = post_letter(csrf_client, action_kit, letter_data(name=""))
    assert response.status_code == 400
    assert "data-sa-share-prompt" not in response.content.decode()


def test_the_report_thanks_page_offers_the_share_prompt(csrf_client, action_kit):
    action_kit.share_text = "I reported my action: join in"
    action_kit.save_revision().publish()
    response = post_report(csrf_client, action_kit)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thank you for your report" in html
    prompt = share_prompt(html)
    assert "I reported my action: join in" in prompt
    assert parse_qs(urlsplit(share_hrefs(prompt)["X"]).query)["text"] == ["I reported my action: join in"]


def test_the_report_thanks_page_defaults_to_the_campaign_title(csrf_client, action_kit):
    html = post_report(csrf_client, action_kit).content.decode()
    prompt = share_prompt(html)
    assert f'<a href="{ORIGIN}/action-kit/" dir="ltr">' in prompt  # a Latin run, isolated in right-to-left pages
    assert parse_qs(urlsplit(share_hrefs(prompt)["X"]).query)["text"] == ["Post CSW Advocacy Action Kit"]


def test_hostile_share_text_is_escaped_everywhere(action_kit, csrf_client, claire):
    hostile = '"><script>alert(1)</script>'
    action_kit.share_text = hostile
    action_kit.search_description = hostile
    action_kit.seo_title = "Kit <b>& co</b>"
    action_kit.save_revision().publish()
    html = Client().get(action_kit.url).content.decode()
    confirmation = letter_confirmation(csrf_client, action_kit, claire)
    assert "<script>alert(1)" not in html + confirmation and "<b>& co" not in html + confirmation
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in share_prompt(confirmation)
    # Escaped in the attributes, the very text the editor typed once read back.
    assert meta_content(html, "property", "og:description") == [hostile]
    assert meta_content(html, "property", "og:title") == ["Kit <b>& co</b>"]
    x_query = parse_qs(urlsplit(share_hrefs(share_prompt(confirmation))["X"]).query)
    assert x_query["text"] == [hostile]  # URL-encoded in the link, not cut or doubled


def test_a_translated_share_text_is_shared_in_that_language(action_kit, csrf_client, claire):
    action_kit.share_text = "Write with us"
    action_kit.save_revision().publish()
    french = translate(action_kit, "fr", "Kit d'action", share_text="Écrivez avec nous")
    prompt = share_prompt(letter_confirmation(csrf_client, french, claire))
    x_query = parse_qs(urlsplit(share_hrefs(prompt)["X"]).query)
    assert x_query["text"] == ["Écrivez avec nous"]
    assert x_query["url"] == [f"{ORIGIN}/fr/action-kit/"]


# -- social previews and search --------------------------------------------------------


@pytest.fixture
def translated_campaign(directory):
    hero = make_image("Hero")
    page = factories.make_action_kit(
        directory=directory, hero_image=hero, intro="<p>Leaders &amp; their <b>duties</b>.</p>"
    )
    french = translate(page, "fr", "Kit d'action")
    return page, french


def test_every_translation_names_itself_canonical_and_all_translations_as_alternates(translated_campaign):
    english, french = translated_campaign
    expected = {"en": f"{ORIGIN}/action-kit/", "fr": f"{ORIGIN}/fr/action-kit/", "x-default": f"{ORIGIN}/action-kit/"}
    for page, own_url, locale, alternate in (
        (english, expected["en"], "en", "fr"),
        (french, expected["fr"], "fr", "en"),
    ):
        html = Client().get(page.url, {"country": "FR", "fbclid": "x"}).content.decode()
        assert re.findall(r'<link rel="canonical" href="([^"]+)">', html) == [own_url]  # never the query
        assert hreflang_links(html) == expected
        assert meta_content(html, "property", "og:url") == [own_url]
        assert meta_content(html, "property", "og:locale") == [locale]
        assert meta_content(html, "property", "og:locale:alternate") == [alternate]
        assert meta_content(html, "property", "og:title") == [page.title]


def test_open_graph_describes_the_campaign_with_its_hero_image(translated_campaign):
    english, _french = translated_campaign
    html = Client().get(english.url).content.decode()
    assert meta_content(html, "property", "og:description") == ["Leaders & their duties."]
    assert meta_content(html, "property", "og:type") == ["website"]
    [image_url] = meta_content(html, "property", "og:image")
    assert image_url.startswith(f"{ORIGIN}/media/images/hero") and ".fill-1200x630" in image_url
    assert meta_content(html, "property", "og:image:width") == ["1200"]
    assert meta_content(html, "property", "og:image:height") == ["630"]
    assert meta_content(html, "name", "twitter:card") == ["summary_large_image"]


def test_the_share_image_replaces_the_hero_image(translated_campaign):
    english, _french = translated_campaign
    english.share_image = make_image("Poster")
    english.save_revision().publish()
    [image_url] = meta_content(Client().get(english.url).content.decode(), "property", "og:image")
    assert "/media/images/poster" in image_url


def test_a_page_without_an_image_shows_the_site_wide_default_share_image(directory):
    resource_index, [resource] = factories.make_resources()
    html = Client().get(resource.url).content.decode()
    assert meta_content(html, "property", "og:image") == [f"{ORIGIN}/static/soroptimist_advocacy/share.png"]
    assert meta_content(html, "property", "og:image:width") == ["1200"]
    assert meta_content(html, "property", "og:image:height") == ["630"]
    assert meta_content(html, "name", "twitter:card") == ["summary_large_image"]


def test_a_default_share_image_of_the_sites_own(directory, settings):
    settings.SOROPTIMIST_ADVOCACY = {
        **getattr(settings, "SOROPTIMIST_ADVOCACY", {}),
        "DEFAULT_SHARE_IMAGE": "img/our-share.png",
    }
    resource_index, [resource] = factories.make_resources()
    html = Client().get(resource.url).content.decode()
    assert meta_content(html, "property", "og:image") == [f"{ORIGIN}/static/img/our-share.png"]
    assert meta_content(html, "property", "og:image:width") == []  # its size is not known


def test_og_site_name_falls_back_to_wagtail_site_name(directory, settings):
    settings.WAGTAIL_SITE_NAME = "Soroptimist International of Europe"
    Site.objects.update(site_name="")
    resource_index, [resource] = factories.make_resources()
    html = Client().get(resource.url).content.decode()
    assert meta_content(html, "property", "og:site_name") == ["Soroptimist International of Europe"]


def test_a_page_without_image_or_translations_has_a_summary_card_and_no_alternates(directory, settings):
    settings.SOROPTIMIST_ADVOCACY = {**getattr(settings, "SOROPTIMIST_ADVOCACY", {}), "DEFAULT_SHARE_IMAGE": ""}
    resource_index, [resource] = factories.make_resources()
    html = Client().get(resource.url).content.decode()
    assert meta_content(html, "name", "twitter:card") == ["summary"]
    assert meta_content(html, "property", "og:image") == []
    assert meta_content(html, "property", "og:description") == ["A statement."]
    assert hreflang_links(html) == {}
    assert re.findall(r'<link rel="canonical" href="([^"]+)">', html) == [f"{ORIGIN}/resources/resource-0/"]


def test_a_draft_translation_is_not_an_alternate(translated_campaign):
    english, french = translated_campaign
    french.unpublish()
    html = Client().get(english.url).content.decode()
    assert hreflang_links(html) == {}
    assert meta_content(html, "property", "og:locale:alternate") == []


# -- sitemap ---------------------------------------------------------------------------


def sitemap_entries(client) -> dict[str, dict[str, str]]:
    """Each <loc> of /sitemap.xml -> its hreflang alternates."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    entries = {}
    for block in re.findall(r"<url>(.*?)</url>", xml, re.S):
        [location] = re.findall(r"<loc>([^<]+)</loc>", block)
        entries[location] = dict(re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', block))
    return entries


def test_the_sitemap_lists_every_live_translation_with_its_alternates(translated_campaign, directory):
    english, french = translated_campaign
    french_directory = translate(directory, "fr", "Qui est responsable")
    _index, [resource] = factories.make_resources(parent=english.get_parent())
    draft_resource = translate(resource, "fr", "Ressource 0")
    draft_resource.unpublish()
    entries = sitemap_entries(Client())
    campaign_alternates = {
        "en": f"{ORIGIN}/action-kit/",
        "fr": f"{ORIGIN}/fr/action-kit/",
        "x-default": f"{ORIGIN}/action-kit/",
    }
    assert entries[f"{ORIGIN}/action-kit/"] == campaign_alternates
    assert entries[f"{ORIGIN}/fr/action-kit/"] == campaign_alternates
    assert f"{ORIGIN}{french_directory.url}" in entries
    assert entries[f"{ORIGIN}/decision-makers/"]["fr"] == f"{ORIGIN}/fr/decision-makers/"
    assert f"{ORIGIN}/resources/resource-0/" in entries
    assert entries[f"{ORIGIN}/resources/resource-0/"] == {}  # its only translation is a draft
    assert draft_resource.url_path.endswith("/resource-0/")
    assert f"{ORIGIN}/fr/resources/resource-0/" not in entries


# -- resources link ------------------------------------------------------------------------


def resource_list_block(resources, show_all_link=True, listing=None) -> dict:
    return {
        "type": "resource_list",
        "value": {
            "heading": "Resources",
            "resources": [page.pk for page in resources],
            "show_all_link": show_all_link,
            "all_resources_page": listing.pk if listing else None,
        },
    }


def all_resources_links(html: str) -> list[str]:
    # The link text is in the visitor's language; its class marks it.
    return re.findall(r'<p class="sa-resource-list__all"><a href="([^"]+)">[^<]+</a></p>', html)


def test_the_resource_list_links_to_its_resources_listing_when_asked(directory):
    index, resources = factories.make_resources(count=2)
    page = factories.make_action_kit(directory=directory, body=[resource_list_block(resources)])
    assert all_resources_links(Client().get(page.url).content.decode()) == ["/resources/"]


def test_the_resource_list_links_to_the_chosen_listing_in_the_visitors_language(directory):
    index, resources = factories.make_resources()
    other = factories.add(factories.home(), type(index)(title="Project Tools and Resources", slug="tools"))
    page = factories.make_action_kit(directory=directory, body=[resource_list_block(resources, listing=other)])
    french_tools = translate(other, "fr", "Outils du projet")
    french_page = translate(page, "fr", "Kit d'action")
    assert all_resources_links(Client().get(page.url).content.decode()) == ["/tools/"]
    assert all_resources_links(Client().get(french_page.url).content.decode()) == [french_tools.url]


def test_the_resource_list_has_no_listing_link_unless_asked(directory):
    index, resources = factories.make_resources()
    page = factories.make_action_kit(directory=directory, body=[resource_list_block(resources, show_all_link=False)])
    assert all_resources_links(Client().get(page.url).content.decode()) == []


def test_a_new_pages_preview_has_meta_tags_without_addresses(db):
    unsaved = ActionKitPage(title="Draft campaign", slug="draft", search_description="Soon.")
    meta = page_meta(unsaved)
    assert (meta.title, meta.url, meta.description, meta.alternates) == ("Draft campaign", "", "Soon.", [])
