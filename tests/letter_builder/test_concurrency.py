"""Letters and reports posted at once by many members: counters exact, every report saved once.

Needs PostgreSQL: the suite runs on it when TEST_DATABASE_URL points at a
PostgreSQL server (.ci/run runs the whole suite a second time that way); on
SQLite this test is skipped.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client

from soroptimist_advocacy.models import ActionReport, LetterCounter
from tests import factories
from tests.letter_helpers import letter_data, post_letter
from tests.reports.helpers import form_tokens, post_report

THREADS = 50

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (CI does)",
    ),
]


@pytest.mark.django_db(transaction=True)
def test_fifty_members_posting_letters_and_reports_at_once(settings):
    settings.SOROPTIMIST_ADVOCACY = {"REPORT_RATE_LIMIT": 10_000, "LETTER_RATE_LIMIT": 10_000}
    directory = factories.make_directory()
    minister = factories.make_decision_maker(directory, "FR")
    page = factories.make_action_kit(directory=directory)

    def member(number: int):
        try:
            client = Client(enforce_csrf_checks=True)
            if number % 2:
                response = post_letter(client, page, letter_data(name=f"Member {number}", decision_maker=[minister.pk]))
            else:
                response = post_report(client, page, tokens=form_tokens(client, page), club=f"Club {number}")
            return response.status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        statuses = list(pool.map(member, range(THREADS)))

    letters = THREADS // 2
    reports = THREADS - letters
    assert statuses == [200] * THREADS, statuses
    assert sum(LetterCounter.objects.values_list("letters", flat=True)) == letters
    assert LetterCounter.objects.count() == 1
    clubs = list(ActionReport.objects.values_list("club", flat=True))
    assert len(clubs) == reports and len(set(clubs)) == reports


@pytest.mark.django_db(transaction=True)
def test_letters_with_a_source_are_counted_under_it_exactly_at_once(settings):
    from tests.letter_builder.test_letter_setup import ensure_site

    settings.SOROPTIMIST_ADVOCACY = {"LETTER_RATE_LIMIT": 10_000}
    ensure_site()  # the test above is transactional too: its flush removed Wagtail's root and site
    directory = factories.make_directory()
    minister = factories.make_decision_maker(directory, "FR")
    sources = [{"type": "source", "value": {"slug": "facebook", "label": "Facebook"}}]
    page = factories.make_action_kit(directory=directory, sources=sources)

    def member(number: int):
        try:
            source = "facebook" if number % 2 else ""
            data = letter_data(name=f"Member {number}", decision_maker=[minister.pk], source=source)
            return post_letter(Client(enforce_csrf_checks=True), page, data).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        statuses = list(pool.map(member, range(THREADS)))

    assert statuses == [200] * THREADS, statuses
    counts = dict(LetterCounter.objects.values_list("source", "letters"))
    assert counts == {"facebook": THREADS // 2, "": THREADS - THREADS // 2}
