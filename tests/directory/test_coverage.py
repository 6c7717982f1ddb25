"""Which target countries the directory covers: the public coverage page and the editors' report."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_countries import countries
from wagtail.models import Locale

from soroptimist_advocacy.campaigns.pages import campaign_page_models
from soroptimist_advocacy.directory.coverage import directory_coverage
from soroptimist_advocacy.models import DecisionMakerPage
from tests import factories

REPORT = "advocacy_coverage:index"


def coverage_url(directory):
    return directory.url + "coverage/"


def rows_of(html: str) -> dict[str, str]:
    """Each table row's HTML by the country name in its header cell."""
    rows = {}
    for chunk in html.split("<tr")[2:]:
        header = chunk.split('<th scope="row">', 1)[1].split("</th>", 1)[0]
        name = header.split(">", 1)[1].split("<", 1)[0] if header.startswith("<a") else header
        rows[name.strip()] = chunk
    return rows


@pytest.fixture
def campaign(directory):
    """A campaign for France, Kenya and Brazil: Brazil has nobody listed."""
    return factories.make_action_kit(directory=directory, target_countries=["FR", "KE", "BR"])


def test_coverage_lists_covered_and_missing_target_countries(client, campaign, directory):
    response = client.get(coverage_url(directory))

    assert response.status_code == 200
    html = response.content.decode()
    rows = rows_of(html)
    assert set(rows) == {"France", "Kenya", "Brazil"}
    assert "Yes (1)" in rows["France"] and "Yes (1)" in rows["Kenya"]
    assert "Nobody listed yet" in rows["Brazil"]
    assert f'href="{directory.url}suggest/?country=BR"' in rows["Brazil"]
    assert f'href="{directory.url}?country=FR"' in rows["France"]
    assert "2 of 3 target countries have a decision maker listed." in html


def test_coverage_shows_when_each_country_was_last_verified_and_flags_stale_ones(client, campaign, directory):
    DecisionMakerPage.objects.filter(country="FR").update(last_verified=datetime.date(2026, 3, 9))
    DecisionMakerPage.objects.filter(country="KE").update(last_verified=None)

    rows = rows_of(client.get(coverage_url(directory)).content.decode())

    assert "March 9, 2026" in rows["France"] or "Mar. 9, 2026" in rows["France"]
    assert "Not verified yet" in rows["Kenya"] and "may be out of date" in rows["Kenya"]


def test_an_empty_target_means_every_country(client, directory):
    factories.make_action_kit(directory=directory, target_countries=[])

    coverage = directory_coverage(directory)

    assert len(coverage.countries) == len(countries)
    assert [row.code for row in coverage.covered] == ["FR", "KE"]
    assert f"2 of {len(countries)} target countries" in client.get(coverage_url(directory)).content.decode()


def test_several_campaigns_on_one_directory_target_the_union_of_their_countries(directory):
    factories.make_action_kit(directory=directory, target_countries=["FR", "BR"])
    factories.make_action_kit(directory=directory, target_countries=["DE"], slug="second-kit", title="Second")

    assert [row.code for row in directory_coverage(directory).countries] == ["BR", "FR", "DE"]  # By English name.


def test_unpublished_decision_makers_and_other_directories_do_not_count(directory, campaign):
    DecisionMakerPage.objects.get(country="KE").unpublish()
    other = factories.make_directory(title="Elsewhere", slug="elsewhere")
    factories.make_decision_maker(other, "BR", "Ana Souza")

    assert [row.code for row in directory_coverage(directory).covered] == ["FR"]


def test_coverage_costs_a_query_per_campaign_page_type_and_one_whatever_the_number_of_countries(directory):
    factories.make_action_kit(directory=directory, target_countries=[])  # every country

    with CaptureQueriesContext(connection) as queries:
        directory_coverage(directory)

    # One query per page type built on ActionKitMixin (the suite has two), one for the directory.
    assert len(queries) <= len(campaign_page_models()) + 1


def test_coverage_page_is_publicly_cacheable(client, campaign, directory):
    response = client.get(coverage_url(directory))

    assert "public" in response["Cache-Control"] and "max-age" in response["Cache-Control"]
    assert "private" not in response["Cache-Control"]


def test_directory_page_links_to_its_coverage(client, directory):
    assert f'href="{coverage_url(directory)}"' in client.get(directory.url).content.decode()


def test_coverage_names_countries_in_the_members_language(client, directory):
    factories.make_action_kit(directory=directory, target_countries=["DE", "FR"])
    french = Locale.objects.create(language_code="fr")
    french_directory = directory.copy_for_translation(french, copy_parents=True)
    french_directory.save_revision().publish()
    french_directory.refresh_from_db()

    html = client.get(coverage_url(french_directory)).content.decode()

    assert "Allemagne" in html and "Germany" not in html


# -- the editors' report ------------------------------------------------------------------


def test_admin_report_lists_missing_countries_first(client, moderator, campaign, directory):
    client.force_login(moderator)

    html = client.get(reverse(REPORT)).content.decode()

    assert html.index("Brazil") < html.index("France") < html.index("Kenya")
    assert "2 of 3 countries covered" in html


def test_admin_report_can_show_only_missing_countries(client, moderator, campaign):
    client.force_login(moderator)

    html = client.get(reverse(REPORT), {"missing_only": "true"}).content.decode()

    assert "Brazil" in html and "Kenya" not in html


def test_admin_coverage_csv_export(client, moderator, campaign):
    DecisionMakerPage.objects.filter(country="FR").update(last_verified=datetime.date(2026, 3, 9))
    client.force_login(moderator)

    response = client.get(reverse(REPORT), {"export": "csv"})

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == [
        "Country code",
        "Country",
        "Decision maker listed",
        "Decision makers",
        "Last verified",
        "May be out of date",
        "Not translated into",
    ]
    assert [row[0] for row in rows[1:]] == ["BR", "FR", "KE"]
    assert rows[1][2:4] == ["False", "0"]
    assert rows[2][2:5] == ["True", "1", "2026-03-09"]


def test_admin_report_is_refused_to_those_who_edit_no_decision_maker(client, outsider, campaign):
    client.force_login(outsider)

    assert client.get(reverse(REPORT)).status_code == 403
