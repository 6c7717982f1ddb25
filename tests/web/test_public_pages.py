"""What members see: the directory lookup, resources, documents, campaign states, bad input."""

import datetime
import re

import pytest
from django.utils import translation

from soroptimist_advocacy.web.countries import country_choices_for
from tests import factories


def test_directory_lists_only_countries_with_decision_makers(client, directory):
    html = client.get(directory.url).content.decode()
    options = re.findall(r'<option value="([A-Z]{2})"', html)
    assert options == ["FR", "KE"]


def test_directory_country_names_follow_the_active_language(directory):
    with translation.override("fr"):
        names = dict(country_choices_for(directory.get_decision_makers()))
    assert names["KE"] == "Kenya"
    assert names["FR"] == "France"
    with translation.override("es"):
        assert dict(country_choices_for(directory.get_decision_makers()))["FR"] == "Francia"


def test_country_query_lists_that_countrys_decision_makers(client, directory):
    html = client.get(directory.url, {"country": "fr"}).content.decode()
    assert "Claire Dubois" in html
    assert "Grace Wanjiru" not in html


@pytest.mark.parametrize("value", ["ZZ", "<script>alert(1)</script>", "F", "FRA", "\x00"])
def test_unknown_country_answers_with_a_message(client, directory, value):
    response = client.get(directory.url, {"country": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "We do not recognise that country" in html
    assert "<script>alert" not in html


def test_empty_country_is_no_error(client, directory):
    html = client.get(directory.url, {"country": ""}).content.decode()
    assert "We do not recognise" not in html


def test_country_with_nobody_listed_shows_the_empty_state(client, directory):
    html = client.get(directory.url, {"country": "JP"}).content.decode()
    assert "Nobody is listed for this country yet." in html


def test_decision_maker_page_shows_verification_and_sample_flag(client, directory):
    person = factories.make_decision_maker(
        directory, "NG", "Amina Bello", last_verified=datetime.date(2000, 1, 1), is_sample=True
    )
    html = client.get(person.url).content.decode()
    assert "Last verified" in html
    assert "This information may be out of date." in html
    assert "Sample data, not a real person." in html


def test_resource_index_filters_by_type(client, db):
    index, _pages = factories.make_resources(count=2)
    factories.add(index, factories.ResourcePage(title="The FAQ", resource_type="faq", slug="faq"))
    html = client.get(index.url, {"type": "faq"}).content.decode()
    assert "The FAQ" in html and "Resource 0" not in html
    html = client.get(index.url, {"type": "nonsense"}).content.decode()
    assert "Unknown type of resource" in html and "The FAQ" in html and "Resource 0" in html


def test_document_link_shows_format_and_size(client, directory):
    document = factories.make_document(data=b"%PDF" + b"x" * 245_756)
    page = factories.make_action_kit(
        directory=directory,
        body=[
            {
                "type": "document_link",
                "value": {"document": document.pk, "title": "SI CSW 56 Statement", "description": ""},
            }
        ],
    )
    html = client.get(page.url).content.decode()
    assert "SI CSW 56 Statement" in html
    assert re.search(r"PDF, 240\.0(\s|&nbsp;|\xa0)KB", html), html


def test_deleted_document_gives_a_message_not_an_error(client, directory):
    document = factories.make_document()
    page = factories.make_action_kit(
        directory=directory,
        body=[
            {"type": "document_link", "value": {"document": document.pk, "title": "Old statement", "description": ""}}
        ],
    )
    document.delete()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "this document is no longer available" in response.content.decode()


def test_empty_body_has_an_empty_state(client, directory):
    page = factories.make_action_kit(directory=directory, body=[])
    response = client.get(page.url)
    assert response.status_code == 200
    assert "This campaign has no content yet." in response.content.decode()


def test_unknown_sub_paths_are_404(client, action_kit):
    assert client.get(action_kit.url + "nothing-here/").status_code == 404
    assert client.get(action_kit.url + "letter/extra/").status_code == 404


def test_closed_campaign_says_so_and_disables_the_form(client, directory):
    page = factories.make_action_kit(directory=directory, closes_on=datetime.date(2012, 6, 30))
    html = client.get(page.url).content.decode()
    assert "This campaign has ended." in html
    assert 'action="' + page.url + "letter/" not in html
    assert "letters can no longer be generated" in html


def test_upcoming_campaign_says_when_it_opens(client, directory):
    page = factories.make_action_kit(directory=directory, opens_on=datetime.date.today() + datetime.timedelta(days=3))
    html = client.get(page.url).content.decode()
    assert "This campaign opens on" in html
    assert 'name="club"' not in html


def test_campaign_page_is_publicly_cacheable_until_it_closes(client, directory):
    page = factories.make_action_kit(directory=directory, closes_on=datetime.date.today())
    response = client.get(page.url)
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    max_age = int(re.search(r"max-age=(\d+)", cache_control).group(1))
    assert 0 < max_age <= 300
    assert "Cookie" not in response.get("Vary", "")
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_share_links_are_plain_links_with_the_handle(client, directory):
    page = factories.make_action_kit(
        directory=directory,
        body=[
            {
                "type": "share_links",
                "value": {
                    "heading": "",
                    "share_text": "Send the letter",
                    "handle": "@SoroptiTweet",
                    "networks": ["x", "email", "whatsapp"],
                },
            }
        ],
    )
    html = client.get(page.url).content.decode()
    assert "via=SoroptiTweet" in html
    assert "mailto:?subject=" in html
    assert "https://wa.me/?text=Send+the+letter" in html
    assert "facebook.com" not in html
    assert "<script" not in html.split("</main>")[0].split("<main")[1]


def test_page_html_is_semantic(client, action_kit):
    html = client.get(action_kit.url).content.decode()
    assert html.count("<h1") == 1
    assert '<main id="main">' in html
    assert re.search(r'<html lang="en"', html)
    # Every visible form control has a label.
    for control in re.findall(r"<(?:input|select|textarea)[^>]*>", html):
        control_id = re.search(r'\bid="([^"]+)"', control)
        if 'type="hidden"' in control or control_id is None:
            continue
        assert f'for="{control_id.group(1)}"' in html, control


def test_host_site_can_choose_the_base_template(client, action_kit, settings, tmp_path):
    (tmp_path / "federation_base.html").write_text(
        "<html><body>FEDERATION {% block content %}{% endblock %}</body></html>"
    )
    settings.TEMPLATES = [dict(settings.TEMPLATES[0], DIRS=[tmp_path, *settings.TEMPLATES[0]["DIRS"]])]
    settings.SOROPTIMIST_ADVOCACY = {"BASE_TEMPLATE": "federation_base.html"}
    html = client.get(action_kit.url).content.decode()
    assert html.startswith("<html><body>FEDERATION")
    assert action_kit.title in html
