"""Campaign sources: ``?source=`` (or a mapped ``utm_*``) is carried into the forms only for
slugs the campaign defines, letters are counted per source and reports keep theirs."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import timezone

from soroptimist_advocacy.campaigns.references import Confirmation, confirm_sent
from soroptimist_advocacy.models import ActionReport, LetterCounter, LetterReference
from soroptimist_advocacy.web.page_cache import normalised_query
from tests import factories
from tests.letter_helpers import letter_data, post_letter
from tests.reports.helpers import post_report, report_url

SOURCES = [
    {"type": "source", "value": {"slug": "newsletter-nov", "label": "November newsletter"}},
    {"type": "source", "value": {"slug": "facebook", "label": "Facebook"}},
]


@pytest.fixture
def campaign(directory):
    page = factories.make_action_kit(directory=directory, sources=SOURCES)
    page.save_revision().publish()
    return page


def hidden_sources(html: str) -> list[str]:
    return re.findall(r'<input type="hidden" name="source" value="([^"]*)">', html)


def test_a_defined_source_is_rendered_as_a_hidden_field_of_both_forms(campaign):
    html = Client().get(campaign.url, {"source": "newsletter-nov"}).content.decode()
    assert hidden_sources(html) == ["newsletter-nov", "newsletter-nov"]  # country step and letter form
    assert "source=newsletter-nov" in html  # the report link carries it on
    report_html = Client().get(report_url(campaign), {"source": "newsletter-nov"}).content.decode()
    assert hidden_sources(report_html) == ["newsletter-nov", "newsletter-nov"]


@pytest.mark.parametrize("query", [{"source": "unknown"}, {"source": "<b>x</b>"}, {"utm_source": "nope"}, {}])
def test_an_undefined_source_renders_no_hidden_field(campaign, query):
    assert hidden_sources(Client().get(campaign.url, query).content.decode()) == []
    assert hidden_sources(Client().get(report_url(campaign), query).content.decode()) == []


def test_utm_parameters_naming_a_defined_slug_stand_for_source(campaign):
    from django.http import QueryDict

    assert normalised_query(QueryDict("utm_source=facebook&utm_medium=social&fbclid=1")) == "source=facebook"
    assert normalised_query(QueryDict("utm_campaign=newsletter-nov")) == "source=newsletter-nov"
    assert normalised_query(QueryDict("utm_source=elsewhere")) == ""
    assert hidden_sources(Client().get(campaign.url, {"utm_campaign": "facebook"}).content.decode()) == [
        "facebook",
        "facebook",
    ]


def test_a_source_defined_by_another_campaign_is_not_rendered(campaign, directory):
    other = factories.make_action_kit(directory=directory, slug="other-campaign")
    assert hidden_sources(Client().get(other.url, {"source": "facebook"}).content.decode()) == []


def test_a_letter_with_a_source_is_counted_under_it(csrf_client, campaign, claire):
    for source in ("facebook", "facebook", "", "not-defined"):
        response = post_letter(csrf_client, campaign, letter_data(decision_maker=[claire.pk], source=source))
        assert response.status_code == 200
    counts = {row.source: row.letters for row in LetterCounter.objects.filter(campaign_key=campaign.translation_key)}
    assert counts == {"facebook": 2, "": 2}


def test_a_report_keeps_its_source(csrf_client, campaign):
    response = post_report(csrf_client, campaign, source="newsletter-nov")
    assert response.status_code == 200
    assert ActionReport.objects.get().source == "newsletter-nov"


def test_a_report_with_an_undefined_source_keeps_none(csrf_client, campaign):
    post_report(csrf_client, campaign, source="spoofed")
    assert ActionReport.objects.get().source == ""


def test_figures_json_counts_letters_and_reports_per_source(csrf_client, campaign, claire):
    post_letter(csrf_client, campaign, letter_data(decision_maker=[claire.pk], source="facebook"))
    post_letter(csrf_client, campaign, letter_data(decision_maker=[claire.pk], source="facebook"))
    post_report(csrf_client, campaign, source="newsletter-nov")
    # One of the two letters is said to be sent: counted under the source of its code.
    first = LetterReference.objects.order_by("pk").first()
    assert confirm_sent(first.code, channel="post", sent_on=timezone.localdate()) is Confirmation.COUNTED
    document = Client().get(campaign.url + "figures.json").json()
    assert document["sources"]["facebook"] == {"letters": 2, "letters_sent": 1, "reports": 0}
    assert document["sources"]["newsletter-nov"] == {"letters": 0, "letters_sent": 0, "reports": 1}
    assert document["letters_sent"] == document["totals"]["letters_sent"] == 1
    assert document["countries"][0]["country"] == "FR"
    assert (document["countries"][0]["letters"], document["countries"][0]["letters_sent"]) == (2, 1)
