"""Corrections and suggestions are one kind of thing for editors: what a member sent about the
directory, open until an editor handles it. Both listings export it in the same shape, and both
say who handled it."""

import csv
import io

import pytest
from django.urls import reverse

from soroptimist_advocacy.models import DecisionMakerCorrection, DecisionMakerSuggestion

CORRECTIONS = "advocacy_corrections:index"
SUGGESTIONS = "advocacy_suggestions:index"


def export_rows(client, url_name) -> list[dict[str, str]]:
    response = client.get(reverse(url_name), {"export": "csv"})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


@pytest.fixture
def handled(client, moderator, claire, directory):
    """A correction and a suggestion, each handled by the moderator through the admin."""
    correction = DecisionMakerCorrection.for_page(claire, details="She left office in May.")
    correction.save()
    suggestion = DecisionMakerSuggestion.objects.create(
        directory=directory, country="BR", name="Ana Souza", position_title="Minister for Women"
    )
    client.force_login(moderator)
    client.post(reverse("advocacy_corrections:resolve", args=[correction.pk]))
    client.post(reverse("advocacy_suggestions:create_page", args=[suggestion.pk]))
    return {CORRECTIONS: correction, SUGGESTIONS: suggestion}


@pytest.mark.parametrize(
    "url_name, about",
    [
        (CORRECTIONS, {"Decision maker's name": "Claire Dubois", "What the member knows": "She left office in May."}),
        (SUGGESTIONS, {"Full name": "Ana Souza", "Post": "Minister for Women"}),
    ],
)
def test_both_exports_say_when_it_was_sent_what_it_says_and_who_handled_it(client, moderator, handled, url_name, about):
    (row,) = export_rows(client, url_name)

    headings = list(row)
    assert headings[0] == "Sent at" and headings[-3:] == ["Status", "Handled at", "Handled by"]
    assert about.items() <= row.items()
    assert (row["Country code"], row["Country"]) == (handled[url_name].country.code, handled[url_name].country.name)
    assert row["Handled by"] == str(moderator) and row["Handled at"]
