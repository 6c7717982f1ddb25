"""One code confirmed by many at once (a shared phone photo, a double tap): counted exactly once.

Needs PostgreSQL (TEST_DATABASE_URL); skipped on SQLite, whose writers take turns anyway.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.utils import timezone

from soroptimist_advocacy.campaigns.references import Confirmation, confirm_sent, issue_references
from soroptimist_advocacy.models import LetterCounter, LetterReference
from tests import factories

THREADS = 20

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (CI does)",
    ),
]


@pytest.mark.django_db(transaction=True)
def test_a_code_confirmed_at_once_by_many_counts_once():
    from tests.letter_builder.test_letter_setup import ensure_site

    ensure_site()  # an earlier transactional test's flush removed Wagtail's root and site
    page = factories.make_action_kit(directory=factories.make_directory())
    codes = issue_references(campaign_key=page.translation_key, country="FR", language="fr", number=2)

    def member(number: int) -> Confirmation:
        try:
            return confirm_sent(codes[number % 2], channel="post", sent_on=timezone.localdate())
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        outcomes = list(pool.map(member, range(THREADS * 2)))

    assert outcomes.count(Confirmation.COUNTED) == 2
    assert outcomes.count(Confirmation.ALREADY_COUNTED) == THREADS * 2 - 2
    assert sum(LetterCounter.objects.values_list("letters_sent", flat=True)) == 2
    assert LetterReference.objects.filter(sent_on__isnull=False).count() == 2
