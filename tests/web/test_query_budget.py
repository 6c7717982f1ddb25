"""Pages cost the same number of queries whatever the size of the directory and resource lists.

The budgets are quoted in the README; a change that adds a query per decision maker
or per resource fails here.
"""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from soroptimist_advocacy.models import ResourceIndexPage, ResourcePage
from tests import factories

ACTION_KIT_QUERY_BUDGET = 20
DIRECTORY_QUERY_BUDGET = 12
COUNTRIES = ["FR", "KE", "BR", "IN", "AU"]


@pytest.fixture(autouse=True)
def rendered_every_time(settings):
    """Budgets are about rendering: the page cache would answer the measured GET with no query."""
    settings.SOROPTIMIST_ADVOCACY = {**getattr(settings, "SOROPTIMIST_ADVOCACY", {}), "PAGE_CACHE": False}


def build(decision_makers: int, resources: int):
    directory = factories.make_directory(slug=f"d{decision_makers}-{resources}")
    # Live pages added in bulk, without revisions: the pages served are the same, built in
    # a second rather than one save at a time.
    factories.add_many(
        directory,
        [
            factories.decision_maker(COUNTRIES[number % len(COUNTRIES)], f"Person {number}", rank=number)
            for number in range(decision_makers)
        ],
    )
    index = factories.add(
        factories.home(), ResourceIndexPage(title="Resources", slug=f"r{decision_makers}-{resources}")
    )
    pages = factories.add_many(
        index,
        [
            ResourcePage(
                title=f"Resource {number}",
                resource_type="statement",
                publication_date=datetime.date(2012, 4, 1),
                summary="A statement.",
            )
            for number in range(resources)
        ],
    )
    body = [
        {"type": "resource_list", "value": {"heading": "Resources", "resources": [page.pk for page in pages]}},
        {"type": "decision_maker_lookup", "value": {"heading": "", "text": "", "directory": directory.pk}},
        factories.letter_block(),
    ]
    page = factories.make_action_kit(directory=directory, body=body, slug=f"kit-{decision_makers}-{resources}")
    return page, directory


def lists(url, params, text) -> bool:
    return text in Client().get(url, params).content.decode()


def queries(url, params=None) -> int:
    client = Client()
    client.get(url, params)  # warm per-process caches (site root paths, locales)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_action_kit_queries_do_not_grow_with_decision_makers_or_resources():
    small_page, small_directory = build(5, 5)
    large_page, large_directory = build(200, 50)
    small = queries(small_page.url, {"country": "FR"})
    large = queries(large_page.url, {"country": "FR"})
    # The pages built in bulk are served: the last French decision maker and the last resource.
    assert lists(large_page.url, {"country": "FR"}, "Person 195") and lists(large_page.url, {}, "Resource 49")
    assert small == large, (small, large)
    assert small <= ACTION_KIT_QUERY_BUDGET


@pytest.mark.django_db
def test_directory_queries_do_not_grow_with_decision_makers():
    _small_page, small_directory = build(5, 5)
    _large_page, large_directory = build(200, 50)
    small = queries(small_directory.url, {"country": "FR"})
    large = queries(large_directory.url, {"country": "FR"})
    assert lists(large_directory.url, {"country": "FR"}, "Person 195")
    assert small == large, (small, large)
    assert small <= DIRECTORY_QUERY_BUDGET
