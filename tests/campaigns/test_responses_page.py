"""The public responses page (``<campaign>/responses/``): per country, whether a response came and its
kind; no name, email, club or note, and a summary only where the member agreed to publish it."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from soroptimist_advocacy.campaigns import figures_cache
from soroptimist_advocacy.models import ActionReport
from tests import factories
from tests.reports.conftest import make_report  # noqa: F401 (fixture)
from tests.reports.helpers import days_ago, post_report, token_url

PUBLISHABLE = "The minister promised a national action plan by June."
PRIVATE = "Confidential: her adviser called me at home."


@pytest.fixture
def campaign(directory, make_report):  # noqa: F811
    page = factories.make_action_kit(directory=directory, show_responses_page=True)
    page.save_revision().publish()
    make_report(page, country="FR", response_status="promise", response_summary=PUBLISHABLE, may_publish=True)
    make_report(page, country="FR", response_status="positive", response_summary=PRIVATE)
    make_report(page, country="FR", response_status="acknowledgement", name="Brigitte Secret")
    make_report(page, country="KE", name="Wanjiku Private", email="wanjiku@example.org", club="SI Nairobi Hidden")
    make_report(page, country="NG", response_status="negative", notes="Call me on 0803")
    # Agreed to publish, then erased her personal data: nothing of hers may show.
    erased, _token = make_report(
        page, country="NG", response_status="other", response_summary="Erased words", may_publish=True
    )
    erased.erase_personal_data()
    return page


def responses_url(page) -> str:
    return page.url + "responses/"


def rows(html: str) -> dict[str, list[str]]:
    found = {}
    for code, row in re.findall(r'<tr data-country="(\w\w)"[^>]*>(.*?)</tr>', html, re.S):
        found[code] = re.findall(r"<td>([^<]*)</td>", row)
    return found


def test_the_page_is_off_unless_the_editor_shows_it(directory):
    page = factories.make_action_kit(directory=directory)
    assert page.show_responses_page is False
    assert Client().get(responses_url(page)).status_code == 404
    assert "responses/" not in Client().get(page.url).content.decode()


def test_each_country_says_whether_a_response_came_and_its_kind(campaign):
    response = Client().get(responses_url(campaign))
    assert response.status_code == 200
    html = response.content.decode()
    # Columns: received, then positive, a promise to act, neutral, negative.
    assert rows(html) == {
        "FR": ["Yes", "1", "1", "1", "0"],
        "KE": ["Not yet", "0", "0", "0", "0"],
        "NG": ["Yes", "0", "0", "1", "1"],
    }
    assert "Members reported their action in 3 countries; a response was received from 2." in html


def test_only_summaries_marked_publishable_show_and_never_a_name_or_email(campaign):
    html = Client().get(responses_url(campaign)).content.decode()
    assert PUBLISHABLE in html
    section = html.split('<section class="sa-responses-country" data-country="FR"', 1)[1].split("</section>", 1)[0]
    assert "A promise to act" in section and PUBLISHABLE in section
    for hidden in (PRIVATE, "Erased words", "Marie Martin", "marie@example.org", "SI Paris Est", "Brigitte Secret"):
        assert hidden not in html
    for hidden in ("Wanjiku Private", "wanjiku@example.org", "SI Nairobi Hidden", "Call me on 0803"):
        assert hidden not in html


def test_the_page_is_cached_like_the_other_public_routes(campaign, make_report, monkeypatch):  # noqa: F811
    first = Client().get(responses_url(campaign))
    assert "public" in first["Cache-Control"] and "max-age" in first["Cache-Control"]
    assert "Cookie" not in first.get("Vary", "") and not first.cookies
    # The figures come from the shared cache (as the summary block's and figures.json's): a visitor
    # counts nothing, and the queries of a view do not grow with the countries reported.
    monkeypatch.setattr(figures_cache, "figure_counts", lambda key: pytest.fail("counted for a visitor"))
    with CaptureQueriesContext(connection) as few:
        Client().get(responses_url(campaign))
    for code in ("BR", "IN", "JP", "MX", "ZA", "AU"):
        make_report(campaign, country=code, response_status="positive", response_summary="Yes.", may_publish=True)
    with CaptureQueriesContext(connection) as many:
        Client().get(responses_url(campaign))
    assert len(many) == len(few)


def test_a_restricted_campaign_keeps_its_responses_private(campaign, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=campaign, restriction_type=PageViewRestriction.PASSWORD, password="x")
    for _attempt in range(2):  # the second would come from the page cache if the first were stored
        response = Client().get(responses_url(campaign))
        assert response.status_code in (200, 302)
        assert PUBLISHABLE not in response.content.decode()
        assert "public" not in response.get("Cache-Control", "")


def test_only_get_is_answered(campaign):
    assert Client().post(responses_url(campaign)).status_code == 405


def test_the_campaign_page_links_its_responses_and_coverage_pages(campaign, directory):
    html = Client().get(campaign.url).content.decode()
    links = re.search(r'<nav class="sa-campaign-links"(.*?)</nav>', html, re.S).group(1)
    assert f'href="{campaign.url}responses/"' in links
    assert f'href="{directory.url}coverage/"' in links


def test_arabic_page_is_right_to_left_with_arabic_country_names(campaign):
    arabic_locale, _ = Locale.objects.get_or_create(language_code="ar")
    arabic = campaign.copy_for_translation(arabic_locale, copy_parents=True)
    arabic.save_revision().publish()
    arabic.refresh_from_db()
    html = Client().get(arabic.url + "responses/").content.decode()
    assert 'dir="rtl"' in html
    assert "فرنسا" in html  # France, as django-countries names it in Arabic
    assert PUBLISHABLE in html  # the campaign's reports in every language


def test_the_report_form_asks_before_publishing_and_defaults_to_no(client, campaign):
    html = client.get(campaign.url + "report/").content.decode()
    checkbox = re.search(r'<input type="checkbox" name="may_publish"[^>]*>', html).group(0)
    assert "checked" not in checkbox
    post_report(client, campaign, response_status="positive", response_summary="She agreed.", country="FR")
    assert ActionReport.objects.get(response_summary="She agreed.").may_publish is False
    post_report(
        client, campaign, response_status="positive", response_summary="Publish me.", may_publish="on", country="FR"
    )
    assert ActionReport.objects.get(response_summary="Publish me.").may_publish is True


def test_adding_the_response_later_asks_again(client, campaign, make_report):  # noqa: F811
    report, token = make_report(campaign, country="FR", action_date=days_ago(10), may_publish=True)
    page = client.get(token_url(campaign, token))
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    checkbox = re.search(r'<input type="checkbox" name="may_publish"[^>]*>', page.content.decode()).group(0)
    assert "checked" not in checkbox
    client.post(
        token_url(campaign, token),
        {"csrfmiddlewaretoken": csrf, "intent": "response", "response_status": "promise", "response_summary": "Later."},
    )
    report.refresh_from_db()
    assert (report.response_status, report.may_publish) == ("promise", False)


def test_publishing_the_campaign_purges_its_responses_page_from_a_cdn(campaign, settings, monkeypatch):
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://127.0.0.1:9"}
    }
    urls = []
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.backends.HTTPBackend.purge_batch", lambda self, batch: urls.extend(batch)
    )
    monkeypatch.setattr("wagtail.contrib.frontend_cache.backends.HTTPBackend.purge", lambda self, url: urls.append(url))
    campaign.show_responses_page = False
    campaign.save_revision().publish()
    assert any(url.endswith(campaign.url) for url in urls)
    assert any(url.endswith(campaign.url + "responses/") for url in urls)
